package dk.dis.handbook.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One converted page: its header (JBake-style attributes), where it goes, and its body HTML.
 *
 * @param source       the Asciidoc file, relative to the content folder (for messages)
 * @param locale       the page's language (the site's default, or the first folder under content/, e.g. en)
 * @param url          site-absolute URL ending in '/', e.g. /trin-2/noeglespoergsmaal/
 * @param sectionIndex true for a section's index.adoc (its entry in the top navigation level)
 * @param headings     the page's level-2 sections, for the in-page contents list
 * @param oldUrls      URLs the page had before it was renamed; they redirect here
 * @param template     "page" (default), "worksheet" or "catalogue": what the page adds to its text
 * @param templateSource for a worksheet, the URL of the page whose questions it asks
 */
public record Page(
        Path source,
        String locale,
        String url,
        String slug,
        String section,
        boolean sectionIndex,
        String type,
        String status,
        LocalDate date,
        String title,
        String navTitle,
        String summary,
        int order,
        String owner,
        LocalDate reviewed,
        LocalDate nextReview,
        String changeNote,
        List<String> tags,
        String bodyHtml,
        List<Heading> headings,
        List<String> oldUrls,
        String template,
        String templateSource) {

    /**
     * A level-2 section. {@code principles} are ids of the model's principles (on /trin-1/) that the
     * section puts into practice, from the section's {@code principper} attribute; {@code roles} are
     * the section's Asciidoc roles ({@code [#saet-retning.princip]} marks a principle of the model).
     */
    public record Heading(String id, String title, List<String> principles, List<String> roles) {
        public boolean isPrinciple() {
            return roles.contains("princip");
        }
    }

    public boolean isPost() {
        return "post".equals(type);
    }

    public boolean isDraft() {
        return "draft".equals(status);
    }

    /** Identifies the same page in every language: its section and slug. */
    public String key() {
        return section + "/" + slug;
    }

    /** Output file relative to the site root: /trin-1/ → trin-1/index.html. */
    public String outputPath() {
        return url.substring(1) + "index.html";
    }
}
