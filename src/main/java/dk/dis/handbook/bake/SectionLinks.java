package dk.dis.handbook.bake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every heading of a page's text that has an id gets a link to itself, so a reader can copy the
 * section's address into an agenda. The link shows when it has focus or the heading is pointed at
 * (assets/css/site.css draws its mark); screen readers hear its label from the message bundle.
 */
final class SectionLinks {
    static final String CLASS = "section-link";

    private SectionLinks() {}

    static String addTo(String bodyHtml, String label) {
        if (!bodyHtml.contains("<h")) return bodyHtml;
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        boolean added = false;
        for (Element heading : doc.body().select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
            // The lists the build adds beside a section (asides) are not sections of the text.
            if (heading.closest("aside") != null) continue;
            // The link's mark (#) is drawn by the style sheet, so the heading's text stays its title.
            String title = heading.text().strip();
            heading.appendElement("a").addClass(CLASS).attr("href", "#" + heading.id()).attr("aria-label", label + ": " + title);
            added = true;
        }
        return added ? doc.body().html() : bodyHtml;
    }
}
