<#ftl output_format="HTML">
<#-- The handbook in two levels from page metadata: every page while there are at most 150,
     else the sections and the pages of the current one only. -->
<#assign sections = allPages?filter(p -> p.uri?matches("[^/]+/index\\.html"))>
<#assign everyPage = allPages?size <= 150>
<nav id="hovedmenu" class="main-nav" aria-label="Hovedmenu" tabindex="-1">
  <h2 class="nav-heading">Indhold</h2>
  <ul>
    <#list allPages?filter(p -> p.uri == "index.html") as front>
    <li class="nav-section"><a href="/"<#if pageUri == front.uri> aria-current="page"</#if>>${front.navtitle!front.title}</a></li>
    </#list>
  <#list sections as item>
    <#assign folder = item.uri?remove_ending("index.html")>
    <#assign inSection = pageUri?starts_with(folder)>
    <li class="nav-section<#if inSection> is-current-section</#if>">
      <a href="/${folder}"<#if pageUri == item.uri> aria-current="page"</#if>>${item.navtitle!item.title}</a>
      <#if everyPage || inSection>
      <#assign children = allPages?filter(p -> p.uri?starts_with(folder) && p.uri != item.uri)>
      <#if children?has_content>
      <ul>
        <#list children as child>
        <li><a href="/${child.uri?remove_ending("index.html")}"<#if pageUri == child.uri> aria-current="page"</#if>>${child.navtitle!child.title}</a></li>
        </#list>
      </ul>
      </#if>
      </#if>
    </li>
  </#list>
  </ul>
</nav>
