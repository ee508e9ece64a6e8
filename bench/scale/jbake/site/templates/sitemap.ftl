<#ftl output_format="XML">
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<#list published_content?sort_by("uri") as page>
  <url><loc>${config.site_host}/${page.uri?remove_ending("index.html")}</loc><lastmod>${page.date?string("yyyy-MM-dd")}</lastmod></url>
</#list>
</urlset>
