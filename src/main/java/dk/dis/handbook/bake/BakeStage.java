package dk.dis.handbook.bake;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.MediaFile;
import dk.dis.handbook.content.SiteFiles;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.theme.AssetFingerprinter;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.parser.Engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage "bake": JBake's Oven renders every page through the FreeMarker templates in templates/
 * (a layout and small partials), plus the 404 page, sitemap.xml and the Atom feed of meeting
 * records, and publishes the assets; after the Oven, the feeds of the changes pages
 * ({@link ChangesFeed}) and the handbook for machines ({@link MachineReadable}: sider.json,
 * llms.txt, each page as text). JBake is assembled from our parts, each at one of its
 * extension points: {@link ConvertedPages} (markup engine), {@link BakeStore} (content store),
 * {@link HandbookTemplates} (template engine), {@link SiteModelExtractor} (model extractor) and
 * {@link SiteAssets} (asset step). The template values are computed once per build ({@link TemplateModels}).
 */
public final class BakeStage {

    /**
     * @param reused pages kept unchanged from the previous build (incremental builds)
     * @param late   the pages the index stage renders with its result
     * @param assets the URLs under which the site's assets were published, by logical path
     */
    public record Result(int files, int pages, int reused, LatePages late, Map<String, String> assets) {}

    /**
     * What the bake needs from the stages before it.
     *
     * @param fingerprints by page URL, what the page's conversion was made from (the convert stage's); may be empty
     */
    public record Input(SiteMap site, HandbookConfig config, Path contentDir, Path outDir, boolean preview,
                        AssetFingerprinter.Assets assets, List<MediaFile> media, Map<String, ?> pdfs, LocalDate today,
                        Map<String, String> fingerprints) {}

    /** JBake's markup engines, model extractors and document types are global: one bake per JVM at a time. */
    private static final Object ONE_BAKE_AT_A_TIME = new Object();
    private static boolean engineRegistered;

    private final Path templateDir;
    private RenderCache renderCache;

    public BakeStage(Path templateDir) {
        this.templateDir = templateDir;
    }

    /** Renders only pages whose template values changed since the build {@code cache} describes; keeps the rest. */
    public BakeStage withCache(RenderCache cache) {
        this.renderCache = cache;
        return this;
    }

    public Result run(Input in) throws IOException, ContentException {
        TemplateModels models = TemplateModels.of(in.site(), in.config(), in.preview(), in.assets().urls(), in.pdfs(), in.today());
        Set<String> late = new HashSet<>();
        for (LatePages.LatePage page : models.late()) late.add(page.outputPath());
        Set<String> unchanged = renderCache == null ? Set.of() : keepUnchanged(in, models, late);

        List<AssetFingerprinter.PublishedFile> files = new ArrayList<>(in.assets().files());
        for (MediaFile image : in.media()) files.add(new AssetFingerprinter.PublishedFile(image.url().substring(1), image.source(), null));

        BakeSettings settings = BakeSettings.of(in.contentDir(), templateDir, in.outDir(), in.site().pages(), models, unchanged, late, files);
        List<Throwable> errors;
        BakeStore store;
        synchronized (ONE_BAKE_AT_A_TIME) {
            store = BakeStore.forBake(settings);
            registerEngine();
            Utensils utensils = new Utensils();
            utensils.setConfiguration(settings);
            utensils.setContentStore(store);
            utensils.setCrawler(new Crawler(store, settings));
            utensils.setRenderer(new Renderer(store, settings));
            utensils.setAsset(new SiteAssets(settings));
            Oven oven = new Oven(utensils);
            try {
                oven.bake();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            errors = oven.getErrors();
        }
        HandbookTemplates templates = store.templates();
        if (templates != null && templates.failure() != null) throw templateProblem(templates.failure(), in.contentDir());
        if (!errors.isEmpty()) {
            List<ContentProblem> problems = new ArrayList<>();
            for (Throwable e : errors) {
                problems.add(new ContentProblem("templates/", null, "JBake could not bake the site: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), "See the message above; fix the template or page it names."));
            }
            throw new ContentException(problems);
        }

        int pages = in.site().pages().size() - late.size();
        Map<String, Map<String, Object>> lateValues = new HashMap<>();
        for (Page page : in.site().pages()) if (late.contains(page.outputPath())) lateValues.put(page.url(), models.of(page));
        freemarker.template.Configuration freemarker = templates != null ? templates.configuration()
                : HandbookTemplates.freemarker(templateDir.toFile(), models.language());
        int readerFiles = ChangesFeed.write(in.site(), models.shared(), freemarker, in.outDir())
                + MachineReadable.write(in.site(), in.config(), in.today(), in.outDir(),
                        // A page rendered from the same model has the same title, summary and body.
                        page -> unchanged.contains(page.outputPath()) ? renderCache.previousFile(page.url().substring(1) + MachineReadable.TEXT_FILE) : null);
        return new Result(pages + 3 + readerFiles, pages, unchanged.size(),
                new LatePages(models.late(), lateValues, models.shared(), freemarker, in.outDir()),
                in.assets().urls());
    }

    /**
     * Records every page's key in the render cache and puts the previous build's file of each page
     * whose key is unchanged into the new site; returns their paths.
     */
    private Set<String> keepUnchanged(Input in, TemplateModels models, Set<String> late) throws IOException {
        String sharedKey = sharedKey(models, in.site());
        // A page's body, as converted, is stood for by the fingerprint of what it was converted from.
        Map<String, String> bodies = new IdentityHashMap<>();
        for (Page page : in.site().pages()) {
            String fingerprint = in.fingerprints().get(page.url());
            if (fingerprint != null) bodies.put(page.bodyHtml(), fingerprint);
        }
        // A section's navigation is one list shared by its pages: hashed once, not once per page.
        Map<Object, String> navKeys = new IdentityHashMap<>();
        List<Page> pages = new ArrayList<>();
        List<Map<String, Object>> owns = new ArrayList<>();
        for (Page page : in.site().pages()) {
            if (late.contains(page.outputPath())) continue;
            Map<String, Object> own = new TreeMap<>(models.of(page));
            own.remove("t");
            own.put("nav", navKeys.computeIfAbsent(own.get("nav"), v -> RenderCache.keyOf("nav", v)));
            pages.add(page);
            owns.add(own);
        }
        // Hashing the pages' models is the cost: every core takes a share.
        String[] keys = new String[pages.size()];
        java.util.stream.IntStream.range(0, keys.length).parallel().forEach(i -> keys[i] = RenderCache.keyOf(sharedKey, owns.get(i), bodies));
        // Keeping a page is a few file system calls (a folder, a link): the cores share them too.
        Path[] previous = new Path[keys.length];
        try {
            java.util.stream.IntStream.range(0, keys.length).parallel().forEach(i -> {
                String output = pages.get(i).outputPath();
                Path file = renderCache.reusable(output, keys[i]);
                if (file == null) return;
                try {
                    SiteFiles.reuse(file, in.outDir().resolve(output));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                previous[i] = file;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            String output = pages.get(i).outputPath();
            if (previous[i] != null) kept.add(output);
            renderCache.record(output, keys[i], previous[i] != null);
        }
        return kept;
    }

    /** What every page's key includes: the templates, interface text of every language, config and assets. */
    private String sharedKey(TemplateModels models, SiteMap site) throws IOException {
        Map<String, Object> parts = new TreeMap<>();
        Map<String, Object> shared = new TreeMap<>(models.shared());
        // The page lists are for the sitemap and the feed, which are rendered on every bake.
        TemplateModels.LIST_KEYS.forEach(shared::remove);
        parts.put("shared", shared);
        Map<String, Object> texts = new TreeMap<>();
        for (String locale : site.locales()) texts.put(locale, Messages.of(locale));
        parts.put("t", texts);
        parts.put("templates", dk.dis.handbook.content.ContentHash.parts().addFiles(templateDir).hex());
        return RenderCache.keyOf("", parts);
    }

    /** Our markup engine answers for every extension JBake's crawler recognizes in the content folder. */
    private static void registerEngine() {
        if (engineRegistered) return;
        ConvertedPages engine = new ConvertedPages();
        for (String extension : Set.copyOf(Engines.getRecognizedExtensions())) Engines.register(extension, engine);
        engineRegistered = true;
    }

    private static ContentException templateProblem(HandbookTemplates.TemplateFailure failure, Path contentDir) {
        Exception e = failure.cause();
        String rendering = failure.contentFile() == null ? "" : " (rendering content/"
                + contentDir.toAbsolutePath().normalize().relativize(Path.of(failure.contentFile())).toString().replace('\\', '/') + ")";
        if (e instanceof ParseException syntax) return templateSyntax(syntax);
        if (e instanceof TemplateException t) {
            // An included template with a syntax error surfaces here, as the include's failure.
            if (t.getCause() instanceof ParseException syntax) return templateSyntax(syntax);
            return new ContentException(new ContentProblem("templates/" + t.getTemplateSourceName(), null,
                    "failed at line " + t.getLineNumber() + rendering + ": " + t.getMessageWithoutStackTop().lines().findFirst().orElse(""),
                    "Fix the template."));
        }
        return new ContentException(new ContentProblem("templates/" + failure.template(), null,
                "cannot be read: " + e.getMessage(), "Check that the template exists and can be read."));
    }

    /** A template FreeMarker cannot read (an unclosed directive, say). */
    private static ContentException templateSyntax(ParseException e) {
        return new ContentException(new ContentProblem("templates/" + e.getTemplateName(), null,
                "cannot be read: line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                        + e.getEditorMessage().lines().findFirst().orElse(""),
                "Fix the template's syntax."));
    }
}
