package dk.dis.handbook.content;

import org.jsoup.parser.Parser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The page header: which JBake-style fields a page has, which of them it must have, and how their
 * values are read and checked. One definition for both ways a page comes in: the convert stage
 * checks each file's header (attributes as Asciidoctor read them), the CMS reads and writes the
 * same fields when it pushes and syncs. Each problem names the file and field and says how to fix
 * it; see docs/content-format.md.
 */
public final class PageHeader {
    /** One header field; {@code required} fields must be there and not empty on every page. */
    public record Field(String name, boolean required) {}

    /** Every header field, in the order a written page lists them. */
    public static final List<Field> FIELDS = List.of(
            new Field("jbake-type", true), new Field("jbake-status", true), new Field("jbake-date", true),
            new Field("jbake-slug", true), new Field("jbake-summary", true), new Field("jbake-section", true),
            new Field("jbake-order", true), new Field("jbake-navtitle", false), new Field("jbake-owner", true),
            new Field("jbake-reviewed", true), new Field("jbake-nextreview", true), new Field("jbake-changenote", false),
            new Field("jbake-tags", false), new Field("jbake-template", false), new Field("jbake-worksheet-source", false),
            new Field("jbake-oldslugs", false), new Field("jbake-lang", false));
    public static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();
    /** The fields every page must fill in (a worksheet must also name its source page, {@link #WORKSHEET_SOURCE}). */
    public static final List<String> REQUIRED = FIELDS.stream().filter(Field::required).map(Field::name).toList();
    public static final String WORKSHEET_SOURCE = "jbake-worksheet-source";
    public static final Set<String> TYPES = Set.of("page", "post");
    public static final Set<String> STATUSES = Set.of("published", "draft");
    /** The page templates besides the ordinary page ("page"), as the header names them. */
    public static final List<String> TEMPLATES = List.of("worksheet", "catalogue");
    private static final Set<String> ANY_TEMPLATE = Set.of("page", "worksheet", "catalogue");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ATTRIBUTE = Pattern.compile(":([a-z-]+):(?: (.*))?");

    /** True for a slug or section that is safe as a file or folder name. */
    public static boolean isValidName(String s) {
        return s != null && SLUG.matcher(s).matches();
    }

    /** A page file split at its header: the title line, the attributes in file order (values stripped), the body. */
    public record Text(String title, Map<String, String> attributes, String body) {}

    /**
     * Reads a page file in the shape the handbook writes: the title line, one attribute a line up
     * to the first blank line, then the body. Null, with the problem naming {@code file} and the
     * line added, when the header is not of that shape.
     */
    public static Text read(String file, String text, List<String> problems) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
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
            attributes.put(m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        String body = i + 1 < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
        return new Text(lines[0].substring(2).strip(), attributes, body);
    }

    /** The required fields {@code attributes} lacks or leaves empty, in header order. */
    public static List<String> missing(Map<String, ?> attributes) {
        List<String> missing = new java.util.ArrayList<>(REQUIRED.stream().filter(f -> blank(attributes.get(f))).toList());
        if ("worksheet".equals(String.valueOf(attributes.get("jbake-template")).strip()) && blank(attributes.get(WORKSHEET_SOURCE))) {
            missing.add(WORKSHEET_SOURCE);
        }
        return missing;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private final String file;
    private final Map<String, ?> attributes;
    private final List<ContentProblem> problems;

    public PageHeader(String file, Map<String, ?> attributes, List<ContentProblem> problems) {
        this.file = file;
        this.attributes = attributes;
        this.problems = problems;
    }

    /**
     * Where a file must live and what its slug and section must be, from its path under content/.
     * A first folder named after one of the site's other locales (content/en/…) holds that language.
     */
    public record Location(String locale, String prefix, String url, String slug, String section, boolean sectionIndex) {
        public static Location of(Path relative, List<String> locales) {
            String path = relative.toString().replace('\\', '/');
            String withoutExt = path.substring(0, path.length() - ".adoc".length());
            List<String> parts = new java.util.ArrayList<>(List.of(withoutExt.split("/")));
            String locale = locales.get(0);
            String prefix = "/";
            if (parts.size() > 1 && locales.subList(1, locales.size()).contains(parts.get(0))) {
                locale = parts.remove(0);
                prefix = "/" + locale + "/";
            }
            if (parts.size() == 1) {
                return "index".equals(parts.get(0)) ? new Location(locale, prefix, prefix, "forside", "forside", true) : null;
            }
            if (parts.size() == 2) {
                boolean index = "index".equals(parts.get(1));
                String url = prefix + parts.get(0) + "/" + (index ? "" : parts.get(1) + "/");
                return new Location(locale, prefix, url, index ? parts.get(0) : parts.get(1), parts.get(0), index);
            }
            return null;
        }
    }

    public String text(String field, boolean required, String example) {
        Object value = attributes.get(field);
        // Asciidoctor HTML-escapes header attribute values; templates escape again, so keep plain text here.
        String s = value == null ? null : Parser.unescapeEntities(value.toString(), false).strip();
        if ((s == null || s.isEmpty()) && required) {
            problems.add(new ContentProblem(file, field, "is missing.", "Add ':" + field + ": " + example + "' to the page header."));
            return null;
        }
        return s == null || s.isEmpty() ? null : s;
    }

    public String oneOf(String field, Set<String> allowed, String example) {
        String s = text(field, true, example);
        if (s != null && !allowed.contains(s)) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', must be one of " + allowed + ".", null));
            return null;
        }
        return s;
    }

    /** An optional field with a fixed set of values; the default when absent. */
    public String oneOfOptional(String field, Set<String> allowed, String fallback) {
        String s = text(field, false, null);
        if (s == null) return fallback;
        if (!allowed.contains(s)) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', must be one of " + allowed + ".", null));
            return fallback;
        }
        return s;
    }

    /** The template the page uses: "page" when the field is absent. */
    public String template() {
        return oneOfOptional("jbake-template", ANY_TEMPLATE, "page");
    }

    public String type() {
        return oneOf("jbake-type", TYPES, "page");
    }

    public String status() {
        return oneOf("jbake-status", STATUSES, "published");
    }

    public LocalDate date(String field, boolean required) {
        String s = text(field, required, "2017-12-12");
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', not a date.", "Write it as YYYY-MM-DD, e.g. 2017-12-12."));
            return null;
        }
    }

    public int order() {
        String s = text("jbake-order", true, "10");
        if (s == null) return 0;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problems.add(new ContentProblem(file, "jbake-order", "is '" + s + "', not a whole number.", "Use 10, 20, 30… to sort pages."));
            return 0;
        }
    }

    public String slug(Location location) {
        String s = text("jbake-slug", true, location.slug());
        if (s == null) return location.slug();
        if (!isValidName(s)) {
            problems.add(new ContentProblem(file, "jbake-slug", "is '" + s + "': use lower-case a-z, 0-9 and '-' only.", null));
        } else if (!s.equals(location.slug())) {
            problems.add(new ContentProblem(file, "jbake-slug", "is '" + s + "' but the file's place gives '" + location.slug() + "'.",
                    "Rename the file, or set ':jbake-slug: " + location.slug() + "'."));
        }
        return location.slug();
    }

    public String section(Location location) {
        String s = text("jbake-section", true, location.section());
        if (s != null && !s.equals(location.section())) {
            problems.add(new ContentProblem(file, "jbake-section", "is '" + s + "' but the file is in section '" + location.section() + "'.",
                    "Move the file to content/" + s + "/, or set ':jbake-section: " + location.section() + "'."));
        }
        return location.section();
    }

    /**
     * Old slugs (same section) or old paths (/section/slug/) of a renamed page, as URLs of this
     * site. They become redirects, so anything else (a full URL, a wildcard, spaces) is refused.
     */
    public List<String> oldUrls(Location location) {
        String s = text("jbake-oldslugs", false, null);
        if (s == null) return List.of();
        List<String> urls = new java.util.ArrayList<>();
        for (String entry : s.split(",")) {
            String old = entry.strip();
            if (old.isEmpty()) continue;
            String problem = SitePaths.problem(old, true);
            if (problem != null) {
                problems.add(new ContentProblem(file, "jbake-oldslugs", problem, "Separate several old URLs with commas."));
            } else if (old.startsWith("/")) {
                urls.add(SitePaths.normalize(old));
            } else if (location.sectionIndex()) {
                urls.add(location.prefix() + old + "/");
            } else {
                urls.add(location.prefix() + location.section() + "/" + old + "/");
            }
        }
        return urls;
    }

    /** A path of this site that the page refers to, e.g. a worksheet's source page. */
    public String sitePath(String field, boolean required, String example) {
        String s = text(field, required, example);
        if (s == null) return null;
        String problem = SitePaths.problem(s, false);
        if (problem != null) {
            problems.add(new ContentProblem(file, field, problem, null));
            return null;
        }
        return SitePaths.normalize(s);
    }

    public List<String> tags() {
        String s = text("jbake-tags", false, null);
        if (s == null) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
