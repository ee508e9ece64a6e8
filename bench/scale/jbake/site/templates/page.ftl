<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign pageTitle = (content.uri == "index.html")?then(config.site_name + " – " + config.site_municipality, content.title + " – " + config.site_name)>
<@layout.shell title=pageTitle description=(content.summary)!"" bodyClass="type-page">
  <article aria-labelledby="sidetitel">
    <#include "partials/page-header.ftl">
    <div class="body">
      ${content.body?no_esc}
    </div>
    <#include "partials/page-meta.ftl">
  </article>
  <#include "partials/prev-next.ftl">
</@layout.shell>
