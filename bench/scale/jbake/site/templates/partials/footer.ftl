<#ftl output_format="HTML">
<footer class="site-footer">
  <ul>
    <li><a href="${config.site_accessibility_url}">Tilgængelighedserklæring</a></li>
    <li>Indholdet er udgivet under <a rel="license" href="${config.site_licence_url}">${config.site_licence_name}</a></li>
    <li>Kontakt: <a href="${config.site_contact_url}">${config.site_contact_name}</a></li>
    <#assign subjectIndexPages = allPages?filter(p -> (p.section!"") == "emneindeks")>
    <#if subjectIndexPages?has_content><li><a href="/${subjectIndexPages[0].uri?remove_ending("index.html")}">Emneindeks</a></li></#if>
    <li><a href="/feed.xml">Nyhedsfeed for møder (Atom)</a></li>
  </ul>
  <p>${config.site_name} · ${config.site_municipality}</p>
</footer>
