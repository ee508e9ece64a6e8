package dk.dis.handbook.content;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which CMS entry each file of a synced content folder came from, so that a build problem names
 * the page as the secretary knows it (title, language, section, document id), the CMS field and
 * the line inside that field, not only a generated file. The sync writes one per language folder.
 */
public final class CmsOrigins {
    public static final String FILE_NAME = ".cms-entries.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");

    /**
     * @param fields the CMS field of each line of the file's header, from line 1 (the title)
     */
    public record Origin(String title, String locale, String section, String documentId, List<String> fields) {
        String describe() {
            return "CMS page '" + title + "' (" + locale + ", section " + section + ", documentId " + documentId + ")";
        }
    }

    private final Map<String, Origin> byFile;

    private CmsOrigins(Map<String, Origin> byFile) {
        this.byFile = byFile;
    }

    public static void write(Path folder, Map<String, Origin> origins) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(origins)) + "\n");
    }

    /** The origins of every language folder under {@code contentDir} (none when it was not synced from a CMS). */
    public static CmsOrigins read(Path contentDir) throws IOException {
        Map<String, Origin> all = new TreeMap<>();
        if (!Files.isDirectory(contentDir)) return new CmsOrigins(all);
        try (var walk = Files.walk(contentDir, 2)) {
            for (Path manifest : walk.filter(p -> p.getFileName().toString().equals(FILE_NAME)).toList()) {
                Map<String, Origin> here = JSON.readValue(manifest.toFile(), new TypeReference<Map<String, Origin>>() {});
                Path folder = contentDir.relativize(manifest.getParent());
                here.forEach((file, origin) -> all.put("content/" + (folder.toString().isEmpty() ? "" : folder.toString().replace('\\', '/') + "/") + file, origin));
            }
        }
        return new CmsOrigins(all);
    }

    /** A build problem placed in the CMS: the entry, its field (null when unknown), the line inside that field (null when none). */
    public record Located(Origin origin, String field, Integer line, String message) {}

    /** Where a problem with a synced file is in the CMS, or null when the file did not come from the CMS. */
    public Located locate(ContentProblem p) {
        Origin origin = byFile.get(p.file());
        if (origin == null) return null;
        String field = p.field() == null ? null : cmsField(p.field());
        String message = p.message();
        Integer at = null;
        Matcher m = LINE.matcher(message);
        if (field == null && m.find()) {
            int line = Integer.parseInt(m.group(1));
            int headerLines = origin.fields().size() + 1; // the blank line that ends the header
            if (line > headerLines) {
                field = "body";
                at = line - headerLines;
                message = message.substring(0, m.start()) + "line " + at + message.substring(m.end());
            } else if (line >= 1 && line <= origin.fields().size()) {
                field = origin.fields().get(line - 1);
                message = (message.substring(0, m.start()) + message.substring(m.end())).replaceFirst("^\\s*:?\\s*", "");
            }
        }
        return new Located(origin, field, at, message);
    }

    /** The problems with each file that came from the CMS named as its entry, field and line in that field. */
    public List<ContentProblem> rename(List<ContentProblem> problems) {
        if (byFile.isEmpty()) return problems;
        List<ContentProblem> renamed = new ArrayList<>();
        for (ContentProblem p : problems) {
            Located at = locate(p);
            if (at == null) {
                renamed.add(p);
                continue;
            }
            renamed.add(new ContentProblem(at.origin().describe(), at.field(), at.message() + " (" + p.file() + ")", p.fix()));
        }
        return renamed;
    }

    /** The CMS's name of a header attribute. */
    public static String cmsField(String attribute) {
        return switch (attribute) {
            case "title" -> "title";
            case "jbake-type" -> "pageType";
            case "jbake-status" -> "status";
            case "jbake-date" -> "date";
            case "jbake-slug" -> "slug";
            case "jbake-summary" -> "summary";
            case "jbake-section" -> "section";
            case "jbake-order" -> "sortOrder";
            case "jbake-navtitle" -> "navTitle";
            case "jbake-owner" -> "owner";
            case "jbake-reviewed" -> "reviewed";
            case "jbake-nextreview" -> "nextReview";
            case "jbake-changenote" -> "changeNote";
            case "jbake-tags" -> "tags";
            case "jbake-template" -> "template";
            case "jbake-worksheet-source" -> "worksheetSource";
            case "jbake-oldslugs" -> "oldUrls";
            case "jbake-lang" -> "locale";
            default -> attribute;
        };
    }

    /** The CMS field of each header line of a page as the sync writes it. */
    public static List<String> headerFields(String asciidoc) {
        List<String> fields = new ArrayList<>(List.of("title"));
        for (String line : asciidoc.split("\n")) {
            if (fields.size() == 1 && line.startsWith("= ")) continue;
            if (line.isEmpty()) break;
            int colon = line.indexOf(':', 1);
            fields.add(colon > 1 ? cmsField(line.substring(1, colon)) : "?");
        }
        return fields;
    }
}
