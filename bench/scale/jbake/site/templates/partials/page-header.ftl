<#ftl output_format="HTML">
<header class="page-header">
  <h1 id="sidetitel">${content.title}</h1>
  <#if content.summary??><p class="lead">${content.summary}</p></#if>
</header>
