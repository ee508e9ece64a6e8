package dk.dis.handbook.pdf;

import dk.dis.handbook.content.Page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composes one Asciidoc document from several pages' sources: each page becomes a chapter whose
 * ids are prefixed with the page's slug (pages reuse ids such as "formaal"), and links to pages in
 * the same document become internal links; links to other pages point at the published site.
 */
final class PdfSource {
    /** Between a page's slug and its own ids. Not "--": Asciidoctor would turn it into a dash in xref targets. */
    static final String ID_SEPARATOR = "_";
    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:!?[\\w-]+!?:.*$");
    private static final Pattern BLOCK_ANCHOR = Pattern.compile("\\[\\[([A-Za-z_][\\w-]*)");
    private static final Pattern BLOCK_ID = Pattern.compile("^\\[([\\w-]*)#([A-Za-z_][\\w-]*)", Pattern.MULTILINE);
    private static final Pattern INLINE_ANCHOR = Pattern.compile("anchor:([A-Za-z_][\\w-]*)\\[");
    private static final Pattern CROSS_REFERENCE = Pattern.compile("<<([A-Za-z_][\\w-]*)");
    private static final Pattern SITE_LINK = Pattern.compile("link:(/[^\\[\\s]*)\\[");
    private static final Pattern LOCAL_LINK = Pattern.compile("link:#([A-Za-z_][\\w-]*)\\[");

    private final Map<String, String> slugByUrl;
    private final String baseUrl;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param slugByUrl the pages in this document (URL → slug); links to them stay inside the PDF
     * @param baseUrl   the published site, for links to pages that are not in this document
     */
    PdfSource(Map<String, String> slugByUrl, String baseUrl) {
        this.slugByUrl = slugByUrl;
        this.baseUrl = baseUrl;
    }

    void title(String title) {
        out.append("= ").append(oneLine(title)).append("\n\n");
    }

    /** A part (book doctype, level 0) grouping the chapters that follow. */
    void part(String id, String title) {
        out.append(":leveloffset: 0\n\n[[").append(id).append("]]\n= ").append(oneLine(title)).append("\n\n");
    }

    /** Appends a page as a chapter: its title one level down, its JBake header left out. */
    void page(Page page, String source) {
        String id = pageId(page.slug());
        out.append(":leveloffset: 1\n:idprefix: ").append(id).append(ID_SEPARATOR).append("\n\n");
        out.append("[[").append(id).append("]]\n= ").append(oneLine(page.title())).append("\n\n");
        out.append(rewrite(body(source), id)).append("\n\n");
    }

    String text() {
        return out.toString();
    }

    /** The page's source after its title line and header attribute entries. */
    static String body(String source) {
        List<String> lines = source.lines().toList();
        int i = 0;
        while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).startsWith("//"))) i++;
        if (i < lines.size() && lines.get(i).startsWith("= ")) {
            i++;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                String line = lines.get(i++);
                if (!ATTRIBUTE_ENTRY.matcher(line).matches() && !line.startsWith("//")) {
                    i--; // not a header line: the body starts here
                    break;
                }
                while (line.endsWith(" \\") && i < lines.size()) line = lines.get(i++); // continued value
            }
        }
        return String.join("\n", lines.subList(i, lines.size()));
    }

    /** A page's chapter id. Slugs may start with a digit (dated posts); Asciidoctor ids may not. */
    static String pageId(String slug) {
        return "side-" + slug;
    }

    private String rewrite(String body, String pageId) {
        String prefix = pageId + ID_SEPARATOR;
        String s = BLOCK_ANCHOR.matcher(body).replaceAll(m -> Matcher.quoteReplacement("[[" + prefix + m.group(1)));
        s = BLOCK_ID.matcher(s).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "#" + prefix + m.group(2)));
        s = INLINE_ANCHOR.matcher(s).replaceAll(m -> Matcher.quoteReplacement("anchor:" + prefix + m.group(1) + "["));
        s = CROSS_REFERENCE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<<" + prefix + m.group(1)));
        s = LOCAL_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("xref:" + prefix + m.group(1) + "["));
        return SITE_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(siteLink(m.group(1))));
    }

    private String siteLink(String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        String slug = slugByUrl.get(path);
        if (slug == null) return "link:" + baseUrl + target + "[";
        String id = pageId(slug);
        return "xref:" + (fragment.isEmpty() ? id : id + ID_SEPARATOR + fragment) + "[";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The slugs of pages, keyed by URL (for links inside one document). */
    static Map<String, String> slugs(List<Page> pages) {
        Map<String, String> map = new HashMap<>();
        for (Page p : pages) map.put(p.url(), p.slug());
        return map;
    }
}
