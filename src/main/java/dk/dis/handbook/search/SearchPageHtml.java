package dk.dis.handbook.search;

import org.jsoup.nodes.Entities;

/** The search form and result area put into the search page's {@code #soeg-app} element. */
final class SearchPageHtml {
    private SearchPageHtml() {}

    static String app(String metaUrl) {
        return """
                <form class="search-form" role="search" action="/soeg/" method="get" data-index="%s">
                  <label for="soeg-felt">Søg i håndbogen</label>
                  <div class="search-row">
                    <input id="soeg-felt" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="soeg-hjaelp" aria-controls="soeg-resultater">
                    <button type="submit">Søg</button>
                  </div>
                </form>
                <p id="soeg-hjaelp" class="search-help">Skriv et eller flere ord. Du kan skrive aa, oe og ae i stedet for å, ø og æ, og søgningen tåler små stavefejl.</p>
                <p id="soeg-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
                <div id="soeg-resultater" class="search-results"></div>
                <noscript><p>Søgningen kræver JavaScript. Uden JavaScript kan du finde emner i <a href="/emneindeks/">Emneindekset</a>.</p></noscript>
                """.formatted(Entities.escape(metaUrl));
    }
}
