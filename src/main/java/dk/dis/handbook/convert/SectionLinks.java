package dk.dis.handbook.convert;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every heading of a page's text that has an id gets a link to itself, so a reader can copy the
 * section's address into an agenda. Added where the page is converted (on every core, and cached
 * with the page); the PDFs leave the links out. The link shows when it has focus or the heading is pointed at
 * (assets/css/site.css draws its mark); screen readers hear its label from the message bundle.
 */
public final class SectionLinks {
    public static final String CLASS = "section-link";

    private SectionLinks() {}

    /** @param label the links' name for screen readers in the page's language; null adds no links */
    static String addTo(String bodyHtml, String label) {
        if (label == null || !bodyHtml.contains("<h")) return bodyHtml;
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        boolean added = false;
        for (Element heading : doc.body().select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
            // The link's mark (#) is drawn by the style sheet, so the heading's text stays its title.
            String title = heading.text().strip();
            heading.appendElement("a").addClass(CLASS).attr("href", "#" + heading.id()).attr("aria-label", label + ": " + title);
            added = true;
        }
        return added ? doc.body().html() : bodyHtml;
    }
}
