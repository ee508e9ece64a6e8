<#ftl output_format="HTML">
<header class="site-header">
  <div class="site-header-inner">
    <a class="site-name" href="/"<#if pageUri == "index.html"> aria-current="page"</#if>>
      <span class="site-title">${config.site_name}</span>
      <span class="site-municipality">${config.site_municipality}</span>
    </a>
    <#-- The search page (section "soeg"), when the content has one. -->
    <#assign searchPages = allPages?filter(p -> (p.section!"") == "soeg")>
    <#if searchPages?has_content>
    <form class="header-search" role="search" action="/${searchPages[0].uri?remove_ending("index.html")}" method="get">
      <label for="hoved-soeg" class="visually-hidden">Søg i håndbogen</label>
      <input id="hoved-soeg" type="search" name="q" placeholder="Søg i håndbogen" autocomplete="off">
      <button type="submit">Søg</button>
    </form>
    </#if>
    <a class="menu-link" href="#hovedmenu">Menu</a>
  </div>
</header>
