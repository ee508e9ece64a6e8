<#ftl output_format="XML">
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <title>${config.site_name}: møder</title>
  <id>${config.site_host}/</id>
  <link rel="self" href="${config.site_host}/feed.xml"/>
  <link rel="alternate" type="text/html" href="${config.site_host}/"/>
  <updated>${published_date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}</updated>
  <author><name>${config.site_municipality}</name></author>
  <#list published_posts as post>
  <entry>
    <title>${post.title}</title>
    <id>${config.site_host}/${post.uri?remove_ending("index.html")}</id>
    <link rel="alternate" type="text/html" href="${config.site_host}/${post.uri?remove_ending("index.html")}"/>
    <updated>${post.date?string("yyyy-MM-dd'T'00:00:00XXX")}</updated>
    <summary>${(post.summary)!""}</summary>
  </entry>
  </#list>
</feed>
