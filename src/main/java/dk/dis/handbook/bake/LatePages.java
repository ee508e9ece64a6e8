package dk.dis.handbook.bake;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages that show what a later stage makes: the search page shows the search index's files, the
 * subject index its terms. The content marks the place with a block ({@code [#soeg-app]},
 * {@code [#emneindeks-liste]}); the bake leaves these pages out, and the index stage renders them
 * with its result through the same templates (partials/search.ftlh, partials/subjects.ftlh).
 */
public final class LatePages {

    /** A page rendered after the bake: {@code kind} is {@link #SEARCH} or {@link #SUBJECTS}. */
    public record LatePage(String url, String locale, String outputPath, String kind) {}

    public static final String SEARCH = "search";
    public static final String SUBJECTS = "subjects";
    /** The ids of the content's blocks that mark the place of the search form and of the subject list. */
    public static final String SEARCH_MARK = "soeg-app";
    public static final String SUBJECTS_MARK = "emneindeks-liste";

    private static final String PLACE = "@@late-page-place@@";

    private final List<LatePage> pages;
    private final Map<String, Map<String, Object>> valuesByUrl;
    private final Map<String, Object> shared;
    private final Configuration freemarker;
    private final Path outDir;

    LatePages(List<LatePage> pages, Map<String, Map<String, Object>> valuesByUrl, Map<String, Object> shared,
              Configuration freemarker, Path outDir) {
        this.pages = List.copyOf(pages);
        this.valuesByUrl = valuesByUrl;
        this.shared = shared;
        this.freemarker = freemarker;
        this.outDir = outDir;
    }

    /** No late pages: for indexing a site that was baked already. */
    public static LatePages none() {
        return new LatePages(List.of(), Map.of(), Map.of(), null, null);
    }

    public List<LatePage> pages() {
        return pages;
    }

    /** The kind of page {@code page} is, or null for a page the bake renders. */
    static String kindOf(Page page) {
        if (page.bodyHtml().contains("id=\"" + SEARCH_MARK + "\"")) return SEARCH;
        if (page.bodyHtml().contains("id=\"" + SUBJECTS_MARK + "\"")) return SUBJECTS;
        return null;
    }

    /**
     * The page's body around the marked block, and the block's id and class, for the page template,
     * which puts partials/KIND.ftlh in the block's place.
     */
    static void split(String kind, String body, Map<String, Object> pageModel) {
        Document doc = Jsoup.parseBodyFragment(body);
        doc.outputSettings().prettyPrint(false);
        Element mark = doc.getElementById(SEARCH.equals(kind) ? SEARCH_MARK : SUBJECTS.equals(kind) ? SUBJECTS_MARK : RecentChanges.MARK);
        pageModel.put("app", kind);
        pageModel.put("appId", mark.id());
        pageModel.put("appClass", mark.className());
        mark.replaceWith(new TextNode(PLACE));
        String html = doc.body().html();
        int at = html.indexOf(PLACE);
        pageModel.put("bodyBefore", html.substring(0, at));
        pageModel.put("bodyAfter", html.substring(at + PLACE.length()));
    }

    /** Renders {@code page} with the page template, adding {@code values} (the later stage's result) to its own. */
    public void render(LatePage page, Map<String, Object> values) throws IOException, ContentException {
        Map<String, Object> own = new HashMap<>(valuesByUrl.get(page.url()));
        own.putAll(values);
        Path target = outDir.resolve(page.outputPath());
        Files.createDirectories(target.getParent());
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            freemarker.getTemplate("page.ftlh").process(new HandbookTemplates.Values(own, shared::get, freemarker.getObjectWrapper()), out);
        } catch (TemplateException e) {
            throw new ContentException(new ContentProblem("templates/" + e.getTemplateSourceName(), null,
                    "failed at line " + e.getLineNumber() + " (rendering " + page.url() + "): "
                            + e.getMessageWithoutStackTop().lines().findFirst().orElse(""), "Fix the template."));
        }
    }
}
