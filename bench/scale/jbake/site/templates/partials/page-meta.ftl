<#ftl output_format="HTML">
<footer class="page-meta" aria-label="Om siden">
  <dl>
    <#if content.owner??><dt>Ansvarlig</dt><dd>${content.owner}</dd></#if>
    <#if content.reviewed??><dt>Senest gennemgået</dt><dd><time datetime="${content.reviewed}">${content.reviewed}</time></dd></#if>
    <#if content.nextreview??><dt>Næste gennemgang</dt><dd><time datetime="${content.nextreview}">${content.nextreview}</time></dd></#if>
    <dt>Dato</dt><dd><time datetime="${content.date?string("yyyy-MM-dd")}">${content.date?string("d. MMMM yyyy")}</time></dd>
  </dl>
</footer>
