<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.shell title="Siden findes ikke – " + config.site_name description="Siden findes ikke." bodyClass="type-404">
  <article aria-labelledby="sidetitel">
    <header class="page-header">
      <h1 id="sidetitel">Siden findes ikke</h1>
      <p class="lead">Siden er flyttet eller slettet. Brug menuen, søgningen eller <a href="/">forsiden</a>.</p>
    </header>
  </article>
</@layout.shell>
