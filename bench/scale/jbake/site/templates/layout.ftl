<#ftl output_format="HTML">
<#-- The page shell shared by every HTML page; each component is a partial in partials/.
     The navigation and breadcrumbs are worked out here from JBake's published_pages, on every page. -->
<#macro shell title description bodyClass="">
<#setting locale="da_DK">
<#global allPages = published_pages?sort_by("uri")>
<#global pageUri = (content.uri)!"">
<#global pageUrl = "/" + pageUri?remove_ending("index.html")>
<!DOCTYPE html>
<html lang="da">
<#include "partials/head.ftl">
<body class="${bodyClass}">
<#include "partials/skiplinks.ftl">
<#include "partials/header.ftl">
<div class="layout">
  <main id="sideindhold" tabindex="-1">
    <#include "partials/breadcrumbs.ftl">
    <#nested>
  </main>
  <#include "partials/nav.ftl">
</div>
<#include "partials/footer.ftl">
</body>
</html>
</#macro>
