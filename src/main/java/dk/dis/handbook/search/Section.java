package dk.dis.handbook.search;

/**
 * One search hit: a page's introduction (no anchor) or one of its h2/h3 sections.
 *
 * @param id      position in the index (pages in site order, sections in page order)
 * @param anchor  the heading's id, or "" for the text before the first heading
 * @param heading the heading's text, or "" for the introduction
 */
public record Section(int id, String pageUrl, String pageTitle, String anchor, String heading, String text) {

    public boolean isIntro() {
        return anchor.isEmpty();
    }

    /** Where the hit links to. */
    public String url() {
        return anchor.isEmpty() ? pageUrl : pageUrl + "#" + anchor;
    }
}
