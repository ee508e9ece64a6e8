<#ftl output_format="HTML">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <meta name="description" content="${description}">
  <link rel="icon" type="image/svg+xml" href="/img/favicon.svg">
  <link rel="stylesheet" href="/css/site.css">
  <link rel="stylesheet" href="/css/theme.css">
  <link rel="alternate" type="application/atom+xml" title="${config.site_name}: møder" href="/feed.xml">
  <#if pageUri?has_content><link rel="canonical" href="${config.site_host}${pageUrl}"></#if>
</head>
