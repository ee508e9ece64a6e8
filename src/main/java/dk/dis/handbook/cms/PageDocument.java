package dk.dis.handbook.cms;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.PageHeader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page as content/ holds it: the JBake-style header fields and the Asciidoc body. Knows how
 * to read a hand-written file and how to write one in exactly the same shape (field order, one
 * blank line, one newline at the end), so a sync of unchanged content changes no byte.
 * Every header attribute is a field of its own; a file with an attribute the CMS does not hold
 * cannot be pushed, so nothing travels as free-form header text.
 *
 * @param template        null for an ordinary page, else "worksheet" or "catalogue"
 * @param worksheetSource for a worksheet, the path of the page whose questions it asks
 * @param oldSlugs        old slugs or paths of a renamed page, comma-separated as in the header
 * @param lang            the page's language when it is not the default one (pages under content/en/)
 */
public record PageDocument(
        String title,
        String type,
        String status,
        String date,
        String slug,
        String summary,
        String section,
        int order,
        String navTitle,
        String owner,
        String reviewed,
        String nextReview,
        String changeNote,
        String tags,
        String template,
        String worksheetSource,
        String oldSlugs,
        String lang,
        String body) {

    public static final String FRONT_PAGE = "forside";
    /** The page templates besides the ordinary page, as the header names them. */
    public static final List<String> TEMPLATES = PageHeader.TEMPLATES;

    /**
     * A top-level folder of content/ that holds another language (content/en/): its front page
     * declares {@code :jbake-lang:} with the folder's name. Such folders are pushed and synced
     * per locale, not as pages of the default locale.
     */
    public static boolean isLocaleFolder(Path contentDir, Path topLevel) {
        Path index = contentDir.resolve(topLevel).resolve("index.adoc");
        if (topLevel.getNameCount() != 1 || !Files.isRegularFile(index)) return false;
        try {
            return Files.readAllLines(index).stream().anyMatch(l -> l.strip().equals(":jbake-lang: " + topLevel));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** True for a slug or section that is safe as a file or folder name. */
    public static boolean isValidName(String s) {
        return PageHeader.isValidName(s);
    }

    /** Where the page lives under content/: forside → index.adoc, slug = section → section/index.adoc. */
    public static String relativePath(String section, String slug) {
        if (FRONT_PAGE.equals(section) && FRONT_PAGE.equals(slug)) return "index.adoc";
        if (section.equals(slug)) return section + "/index.adoc";
        return section + "/" + slug + ".adoc";
    }

    public String relativePath() {
        return relativePath(section, slug);
    }

    /** The page file: title, then the header fields that are set, in {@link PageHeader#FIELDS}' order, a blank line, the body. */
    public String toAsciidoc() {
        StringBuilder s = new StringBuilder();
        s.append("= ").append(title).append('\n');
        headerValues().forEach((name, value) -> attribute(s, name, value));
        s.append('\n');
        String text = body == null ? "" : body.strip();
        if (!text.isEmpty()) s.append(text).append('\n');
        return s.toString();
    }

    /** Each header field's value on this page (null where it is not set), in header order. */
    public Map<String, String> headerValues() {
        String[] values = {type, status, date, slug, summary, section, Integer.toString(order), navTitle, owner, reviewed,
                nextReview, changeNote, tags, template, worksheetSource, oldSlugs, lang};
        Map<String, String> header = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) header.put(PageHeader.NAMES.get(i), values[i]);
        return header;
    }

    private static void attribute(StringBuilder s, String name, String value) {
        if (value == null || value.isBlank()) return;
        s.append(':').append(name).append(": ").append(value).append('\n');
    }

    /**
     * Reads a content file: title line, attribute lines up to the first blank line, then the
     * body. Problems (unreadable header) are added to {@code problems} naming the file.
     */
    public static PageDocument parse(Path relative, String text, List<String> problems) {
        String file = "content/" + relative.toString().replace('\\', '/');
        PageHeader.Text page = PageHeader.read(file, text, problems);
        if (page == null) return null;
        Map<String, String> attributes = page.attributes();
        int line = 2;
        for (String name : attributes.keySet()) {
            if (!PageHeader.NAMES.contains(name)) {
                problems.add(file + ": line " + line + " ':" + name + ":' is not a field the CMS holds, so it would be lost. "
                        + "Remove the line, or use one of " + PageHeader.NAMES + " (see docs/content-format.md).");
                return null;
            }
            line++;
        }
        List<String> missing = PageHeader.missing(attributes);
        if (!missing.isEmpty()) {
            problems.add(file + ": missing header field(s) " + missing + ". See docs/content-format.md.");
            return null;
        }
        // The values are checked as the convert stage checks them, so what the CMS takes in also builds.
        List<ContentProblem> invalid = new ArrayList<>();
        PageHeader header = new PageHeader(file, attributes, invalid);
        header.type();
        header.status();
        for (String date : List.of("jbake-date", "jbake-reviewed", "jbake-nextreview")) header.date(date, true);
        int order = header.order();
        String template = header.template();
        if (!invalid.isEmpty()) {
            invalid.forEach(p -> problems.add(p.toString()));
            return null;
        }
        return new PageDocument(page.title(), attributes.get("jbake-type"), attributes.get("jbake-status"),
                attributes.get("jbake-date"), attributes.get("jbake-slug"), attributes.get("jbake-summary"),
                attributes.get("jbake-section"), order, blankToNull(attributes.get("jbake-navtitle")),
                attributes.get("jbake-owner"), attributes.get("jbake-reviewed"), attributes.get("jbake-nextreview"),
                blankToNull(attributes.get("jbake-changenote")), blankToNull(attributes.get("jbake-tags")),
                "page".equals(template) ? null : template,
                blankToNull(attributes.get(PageHeader.WORKSHEET_SOURCE)), blankToNull(attributes.get("jbake-oldslugs")),
                blankToNull(attributes.get("jbake-lang")), page.body().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
