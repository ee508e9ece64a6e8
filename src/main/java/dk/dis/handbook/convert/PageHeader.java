package dk.dis.handbook.convert;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.SitePaths;
import org.jsoup.parser.Parser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the JBake-style header attributes of one page. Each problem names the file and
 * field and says how to fix it; see docs/content-format.md.
 */
final class PageHeader {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> TYPES = Set.of("page", "post");
    private static final Set<String> STATUSES = Set.of("published", "draft");

    private final String file;
    private final Map<String, Object> attributes;
    private final List<ContentProblem> problems;

    PageHeader(String file, Map<String, Object> attributes, List<ContentProblem> problems) {
        this.file = file;
        this.attributes = attributes;
        this.problems = problems;
    }

    /**
     * Where a file must live and what its slug and section must be, from its path under content/.
     * A first folder named after one of the site's other locales (content/en/…) holds that language.
     */
    record Location(String locale, String prefix, String url, String slug, String section, boolean sectionIndex) {
        static Location of(Path relative, List<String> locales) {
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

    String text(String field, boolean required, String example) {
        Object value = attributes.get(field);
        // Asciidoctor HTML-escapes header attribute values; templates escape again, so keep plain text here.
        String s = value == null ? null : Parser.unescapeEntities(value.toString(), false).strip();
        if ((s == null || s.isEmpty()) && required) {
            problems.add(new ContentProblem(file, field, "is missing.", "Add ':" + field + ": " + example + "' to the page header."));
            return null;
        }
        return s == null || s.isEmpty() ? null : s;
    }

    String oneOf(String field, Set<String> allowed, String example) {
        String s = text(field, true, example);
        if (s != null && !allowed.contains(s)) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', must be one of " + allowed + ".", null));
            return null;
        }
        return s;
    }

    /** An optional field with a fixed set of values; the default when absent. */
    String oneOfOptional(String field, Set<String> allowed, String fallback) {
        String s = text(field, false, null);
        if (s == null) return fallback;
        if (!allowed.contains(s)) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', must be one of " + allowed + ".", null));
            return fallback;
        }
        return s;
    }

    String type() {
        return oneOf("jbake-type", TYPES, "page");
    }

    String status() {
        return oneOf("jbake-status", STATUSES, "published");
    }

    LocalDate date(String field, boolean required) {
        String s = text(field, required, "2017-12-12");
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new ContentProblem(file, field, "is '" + s + "', not a date.", "Write it as YYYY-MM-DD, e.g. 2017-12-12."));
            return null;
        }
    }

    int order() {
        String s = text("jbake-order", true, "10");
        if (s == null) return 0;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problems.add(new ContentProblem(file, "jbake-order", "is '" + s + "', not a whole number.", "Use 10, 20, 30… to sort pages."));
            return 0;
        }
    }

    String slug(Location location) {
        String s = text("jbake-slug", true, location.slug());
        if (s == null) return location.slug();
        if (!SLUG.matcher(s).matches()) {
            problems.add(new ContentProblem(file, "jbake-slug", "is '" + s + "': use lower-case a-z, 0-9 and '-' only.", null));
        } else if (!s.equals(location.slug())) {
            problems.add(new ContentProblem(file, "jbake-slug", "is '" + s + "' but the file's place gives '" + location.slug() + "'.",
                    "Rename the file, or set ':jbake-slug: " + location.slug() + "'."));
        }
        return location.slug();
    }

    String section(Location location) {
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
    List<String> oldUrls(Location location) {
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
    String sitePath(String field, boolean required, String example) {
        String s = text(field, required, example);
        if (s == null) return null;
        String problem = SitePaths.problem(s, false);
        if (problem != null) {
            problems.add(new ContentProblem(file, field, problem, null));
            return null;
        }
        return SitePaths.normalize(s);
    }

    List<String> tags() {
        String s = text("jbake-tags", false, null);
        if (s == null) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
