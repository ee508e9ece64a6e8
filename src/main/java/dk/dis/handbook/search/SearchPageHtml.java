package dk.dis.handbook.search;

import org.jsoup.nodes.Entities;

import java.util.Map;

/**
 * The search form and result area put into a search page's {@code #soeg-app} element, in the
 * page's language: its text, and the texts the client shows (on the form as data-msg-* attributes),
 * come from the site's message bundle.
 */
final class SearchPageHtml {
    private SearchPageHtml() {}

    /** The client's texts: data-msg-NAME ← message search.client.NAME. */
    static final String[] CLIENT_MESSAGES = {"count", "best", "none", "error", "section-one", "section-other",
            "page-one", "page-other", "intro"};

    /**
     * @param action          the search page's own URL (the form works without JavaScript too)
     * @param subjectIndexUrl the subject index in the same language, or null if there is none
     */
    static String app(String metaUrl, String action, Map<String, String> t, String subjectIndexUrl) {
        StringBuilder messages = new StringBuilder();
        for (String name : CLIENT_MESSAGES) {
            messages.append(" data-msg-").append(name).append("=\"").append(text(t, "search.client." + name)).append('"');
        }
        String noscript = text(t, "search.noscript");
        if (subjectIndexUrl != null) {
            noscript += " " + text(t, "search.noscript.subjects") + " <a href=\"" + Entities.escape(subjectIndexUrl) + "\">"
                    + text(t, "search.noscript.subjectIndex") + "</a>.";
        }
        return """
                <form class="search-form" role="search" action="%s" method="get" data-index="%s"%s>
                  <label for="soeg-felt">%s</label>
                  <div class="search-row">
                    <input id="soeg-felt" type="search" name="q" placeholder="%s" autocomplete="off" spellcheck="false" aria-describedby="soeg-hjaelp" aria-controls="soeg-resultater">
                    <button type="submit">%s</button>
                  </div>
                </form>
                <p id="soeg-hjaelp" class="search-help">%s</p>
                <p id="soeg-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
                <div id="soeg-resultater" class="search-results"></div>
                <noscript><p>%s</p></noscript>
                """.formatted(Entities.escape(action), Entities.escape(metaUrl), messages, text(t, "search.label"),
                text(t, "search.placeholder"), text(t, "search.button"), text(t, "search.help"), noscript);
    }

    private static String text(Map<String, String> t, String key) {
        String value = t.get(key);
        if (value == null) {
            throw new IllegalStateException("The message bundle has no '" + key + "': add it to src/main/resources/messages/messages_*.properties.");
        }
        return Entities.escape(value);
    }
}
