package dk.dis.handbook.bake;

import dk.dis.handbook.site.Dates;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.site.SiteMap;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed and when: every page of a language with a change note ({@code jbake-changenote}),
 * dated by the review that made the change ({@code jbake-reviewed}), newest first. The content
 * marks the place of the list on its changes page with a block ({@code [#seneste-aendringer]});
 * the list's Atom feed lies beside that page ({@code feed.xml} in its folder).
 */
final class RecentChanges {
    static final String MARK = "seneste-aendringer";
    /** The partial that shows the list (partials/changes.ftlh). */
    static final String APP = "changes";
    static final String FEED_FILE = "feed.xml";

    private RecentChanges() {}

    static boolean isChangesPage(Page page) {
        return page.bodyHtml().contains("id=\"" + MARK + "\"");
    }

    static String feedUrl(Page changesPage) {
        return changesPage.url() + FEED_FILE;
    }

    /** The changed pages of {@code locale}, newest change first, then by title. */
    static List<Map<String, Object>> entries(SiteMap site, String locale) {
        return site.pages().stream()
                .filter(p -> p.locale().equals(locale) && p.changeNote() != null && !p.changeNote().isBlank())
                .sorted(Comparator.comparing(Page::reviewed).reversed().thenComparing(Page::title).thenComparing(Page::url))
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("title", p.title());
                    m.put("url", p.url());
                    m.put("date", Dates.format(p.reviewed(), p.locale()));
                    m.put("dateIso", p.reviewed().toString());
                    m.put("note", p.changeNote());
                    m.put("owner", p.owner());
                    return m;
                }).toList();
    }
}
