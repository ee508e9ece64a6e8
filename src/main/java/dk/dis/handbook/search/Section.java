package dk.dis.handbook.search;

/**
 * One search hit: a page's introduction (no anchor) or one of its h2/h3 sections.
 *
 * @param id      position in the index (pages in site order, sections in page order)
 * @param anchor  the heading's id, or "" for the text before the first heading
 * @param heading the heading's text, or "" for the introduction
 * @param part    the part of the handbook (see {@link #partOf}), "" until the index stage knows the page's language
 * @param summary the page's lead (its summary) for the introduction, "" for other sections; also part of {@code text}
 */
public record Section(int id, String pageUrl, String pageTitle, String anchor, String heading, String summary, String text,
                      String part) {

    public Section(int id, String pageUrl, String pageTitle, String anchor, String heading, String summary, String text) {
        this(id, pageUrl, pageTitle, anchor, heading, summary, text, "");
    }

    /** The same section at another place in an index. */
    public Section withId(int newId) {
        return new Section(newId, pageUrl, pageTitle, anchor, heading, summary, text, part);
    }

    /** The same section, in a part of the handbook. */
    public Section withPart(String newPart) {
        return new Section(id, pageUrl, pageTitle, anchor, heading, summary, text, newPart);
    }

    /**
     * The part of the handbook a page is in: the first folder of its URL below {@code languageRoot}
     * ("/" for the default language, "/en/" for English), as the search filters name them; "" for the front page.
     */
    public static String partOf(String pageUrl, String languageRoot) {
        String rest = pageUrl.startsWith(languageRoot) ? pageUrl.substring(languageRoot.length()) : pageUrl.replaceFirst("^/", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    public boolean isIntro() {
        return anchor.isEmpty();
    }

    /** Where the hit links to. */
    public String url() {
        return anchor.isEmpty() ? pageUrl : pageUrl + "#" + anchor;
    }
}
