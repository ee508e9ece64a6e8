<#ftl output_format="HTML">
<#-- JBake's own previous/next: the neighbours by date among the published pages. -->
<#assign prev = content.previousContent!"">
<#assign next = content.nextContent!"">
<#if prev?has_content || next?has_content>
<nav class="prev-next" aria-label="Forrige og næste side">
  <ul>
    <#if prev?has_content><li class="prev"><a href="/${prev.uri?remove_ending("index.html")}" rel="prev"><span class="dir">Forrige</span> ${prev.title}</a></li></#if>
    <#if next?has_content><li class="next"><a href="/${next.uri?remove_ending("index.html")}" rel="next"><span class="dir">Næste</span> ${next.title}</a></li></#if>
  </ul>
</nav>
</#if>
