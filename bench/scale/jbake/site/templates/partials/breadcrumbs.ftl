<#ftl output_format="HTML">
<#-- Front page › the section's first page › this page; the section is the page's first folder. -->
<#if pageUri?has_content && pageUri != "index.html">
<#assign sectionIndex = pageUri?keep_before("/") + "/index.html">
<#assign crumbs = allPages?filter(p -> p.uri == "index.html" || (p.uri == sectionIndex && p.uri != pageUri))>
<nav class="breadcrumbs" aria-label="Brødkrummer">
  <ol>
    <#list crumbs as crumb><li><a href="/${crumb.uri?remove_ending("index.html")}">${crumb.navtitle!crumb.title}</a></li></#list>
    <li><span aria-current="page">${content.navtitle!content.title}</span></li>
  </ol>
</nav>
</#if>
