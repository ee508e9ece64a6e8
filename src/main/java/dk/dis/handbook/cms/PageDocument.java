package dk.dis.handbook.cms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ATTRIBUTE = Pattern.compile(":([a-z-]+):(?: (.*))?");
    static final List<String> MODELLED = List.of("jbake-type", "jbake-status", "jbake-date", "jbake-slug", "jbake-summary",
            "jbake-section", "jbake-order", "jbake-navtitle", "jbake-owner", "jbake-reviewed", "jbake-nextreview",
            "jbake-changenote", "jbake-tags", "jbake-template", "jbake-worksheet-source", "jbake-oldslugs", "jbake-lang");
    /** The page templates besides the ordinary page, as the header names them. */
    public static final List<String> TEMPLATES = List.of("worksheet", "catalogue");

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
        return s != null && NAME.matcher(s).matches();
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

    public String toAsciidoc() {
        StringBuilder s = new StringBuilder();
        s.append("= ").append(title).append('\n');
        attribute(s, "jbake-type", type);
        attribute(s, "jbake-status", status);
        attribute(s, "jbake-date", date);
        attribute(s, "jbake-slug", slug);
        attribute(s, "jbake-summary", summary);
        attribute(s, "jbake-section", section);
        attribute(s, "jbake-order", Integer.toString(order));
        attribute(s, "jbake-navtitle", navTitle);
        attribute(s, "jbake-owner", owner);
        attribute(s, "jbake-reviewed", reviewed);
        attribute(s, "jbake-nextreview", nextReview);
        attribute(s, "jbake-changenote", changeNote);
        attribute(s, "jbake-tags", tags);
        attribute(s, "jbake-template", template);
        attribute(s, "jbake-worksheet-source", worksheetSource);
        attribute(s, "jbake-oldslugs", oldSlugs);
        attribute(s, "jbake-lang", lang);
        s.append('\n');
        String text = body == null ? "" : body.strip();
        if (!text.isEmpty()) s.append(text).append('\n');
        return s.toString();
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
        String normalized = text.replace("\r\n", "\n");
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith("= ")) {
            problems.add(file + ": the first line must be the title ('= Title').");
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            var m = ATTRIBUTE.matcher(lines[i]);
            if (!m.matches()) {
                problems.add(file + ": line " + (i + 1) + " is neither a header attribute nor the blank line that ends the header.");
                return null;
            }
            if (!MODELLED.contains(m.group(1))) {
                problems.add(file + ": line " + (i + 1) + " ':" + m.group(1) + ":' is not a field the CMS holds, so it would be lost. "
                        + "Remove the line, or use one of " + MODELLED + " (see docs/content-format.md).");
                return null;
            }
            attributes.put(m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        String body = i + 1 < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
        List<String> missing = new ArrayList<>();
        for (String required : List.of("jbake-type", "jbake-status", "jbake-date", "jbake-slug", "jbake-summary", "jbake-section",
                "jbake-order", "jbake-owner", "jbake-reviewed", "jbake-nextreview")) {
            if (attributes.getOrDefault(required, "").isEmpty()) missing.add(required);
        }
        if (!missing.isEmpty()) {
            problems.add(file + ": missing header field(s) " + missing + ". See docs/content-format.md.");
            return null;
        }
        String template = blankToNull(attributes.get("jbake-template"));
        if ("page".equals(template)) template = null;
        if (template != null && !TEMPLATES.contains(template)) {
            problems.add(file + ": field 'jbake-template' is '" + template + "'; the CMS knows only page and " + TEMPLATES + ".");
            return null;
        }
        int order;
        try {
            order = Integer.parseInt(attributes.get("jbake-order"));
        } catch (NumberFormatException e) {
            problems.add(file + ": field 'jbake-order' is '" + attributes.get("jbake-order") + "', not a whole number.");
            return null;
        }
        return new PageDocument(lines[0].substring(2).strip(), attributes.get("jbake-type"), attributes.get("jbake-status"),
                attributes.get("jbake-date"), attributes.get("jbake-slug"), attributes.get("jbake-summary"),
                attributes.get("jbake-section"), order, blankToNull(attributes.get("jbake-navtitle")),
                attributes.get("jbake-owner"), attributes.get("jbake-reviewed"), attributes.get("jbake-nextreview"),
                blankToNull(attributes.get("jbake-changenote")), blankToNull(attributes.get("jbake-tags")), template,
                blankToNull(attributes.get("jbake-worksheet-source")), blankToNull(attributes.get("jbake-oldslugs")),
                blankToNull(attributes.get("jbake-lang")), body.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
