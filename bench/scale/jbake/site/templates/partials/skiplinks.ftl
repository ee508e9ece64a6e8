<#ftl output_format="HTML">
<a class="skip-link" href="#sideindhold">Gå til indhold</a>
<a class="skip-link" href="#hovedmenu">Gå til menu</a>
