package dk.dis.handbook.pipeline;

import dk.dis.handbook.bake.BakeStage;
import dk.dis.handbook.bake.RenderCache;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.MediaFile;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.convert.AsciidocEngine;
import dk.dis.handbook.convert.ConvertCache;
import dk.dis.handbook.convert.ConvertStage;
import dk.dis.handbook.convert.HtmlSanitizer;
import dk.dis.handbook.theme.AssetFingerprinter;
import dk.dis.handbook.pdf.PdfStage;
import dk.dis.handbook.publish.PublishStage;
import dk.dis.handbook.search.IndexStage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The build: convert → bake → publish, in order, into a staging folder that replaces the output
 * folder only when every stage succeeded. (sync, index and pdf plug in between as they arrive.)
 */
public final class Pipeline {

    /** What a successful build produced. */
    public record Outcome(int pages, int draftsSkipped, long bytes, double seconds, List<StageReport.Timing> timings) {}

    private final StageReport report;
    private BuildCache openedCache;
    private BuildOptions openedFor;

    public Pipeline(StageReport report) {
        this.report = report;
    }

    public Outcome build(BuildOptions options) throws IOException, ContentException, ConfigException {
        Outcome unchanged = upToDate(options);
        if (unchanged != null) return unchanged;
        // JRuby and JBake's database take seconds to start: start them first and do everything else meanwhile.
        BakeStage.prepare();
        try (AsciidocEngine engine = AsciidocEngine.startBooting(options.assetsDir().resolve("diagrams"),
                ConvertStage.countPages(options.contentDir()))) {
            if (options.pdf()) PdfStage.warmUp(options.assetsDir());
            return buildChanged(options, engine);
        }
    }

    /** Builds with an engine that is already booting or booted (one per JVM; tests share it). */
    public Outcome build(BuildOptions options, AsciidocEngine engine) throws IOException, ContentException, ConfigException {
        Outcome unchanged = upToDate(options);
        return unchanged != null ? unchanged : buildChanged(options, engine);
    }

    private Outcome buildChanged(BuildOptions options, AsciidocEngine engine) throws IOException, ContentException, ConfigException {
        {
            HandbookConfig config = HandbookConfig.load(options.configFile());
            Path out = options.outDir().toAbsolutePath().normalize();
            Files.createDirectories(out.getParent());
            Path staging = Files.createTempDirectory(out.getParent(), out.getFileName() + ".staging-");
            try {
                Outcome outcome = stages(engine, config, options, staging, out);
                staging = null;
                return outcome;
            } finally {
                if (staging != null) PublishStage.deleteTree(staging);
            }
        }
    }

    /** The cache of this build, opened once: opening it reads and hashes every input. */
    private BuildCache cacheFor(BuildOptions options) throws IOException {
        if (openedCache == null || !options.equals(openedFor)) {
            openedCache = BuildCache.open(options);
            openedFor = options;
        }
        return openedCache;
    }

    /**
     * When nothing the last build read has changed and its output is intact, there is nothing to do:
     * the outcome of that build, without starting Asciidoctor. Otherwise null.
     */
    private Outcome upToDate(BuildOptions options) throws IOException {
        if (options.cacheDir() == null) return null;
        Path out = options.outDir().toAbsolutePath().normalize();
        report.begin("check", "comparing content, config, templates and assets with the last build");
        BuildCache.State state = cacheFor(options).unchanged(out, IndexStage.indexDirFor(out));
        if (state == null) {
            report.end("check", "changes found: building");
            return null;
        }
        report.end("check", "nothing changed since the last build");
        double seconds = report.elapsedSeconds();
        report.printSummary(String.format(Locale.ROOT, "%s is up to date (%d pages, %.1f KB); nothing to build (%.1f s). "
                + "Use --clean to build everything again.", out, state.pages(), state.bytes() / 1024.0, seconds));
        return new Outcome(state.pages(), 0, state.bytes(), seconds, report.timings());
    }

    /** The published pages as a site map, without baking: for commands that read the model (export). */
    public static SiteMap publishedSite(AsciidocEngine engine, HandbookConfig config, Path contentDir)
            throws IOException, ContentException {
        ConvertStage.Result converted = new ConvertStage(engine, new HtmlSanitizer(config.baseUrlTrimmed()))
                .withAttributes(config.contentAttributes())
                .run(contentDir, false, config.locales());
        List<ContentProblem> problems = new ArrayList<>();
        SiteMap site = SiteMap.of(converted.pages(), config.locales(), problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        return site;
    }

    /** What an incremental build may reuse (all null when the build keeps no cache). */
    private record Reuse(BuildCache cache, ConvertCache convert, RenderCache render) {}

    private Outcome stages(AsciidocEngine engine, HandbookConfig config, BuildOptions options, Path staging, Path out)
            throws IOException, ContentException {
        BakeStage bake = new BakeStage(options.templateDir());
        AssetFingerprinter.Assets assets = AssetFingerprinter.plan(options.assetsDir(), config);

        BuildCache cache = options.cacheDir() == null ? null : cacheFor(options);
        ConvertCache convertCache = null;
        RenderCache renderCache = null;
        if (cache != null) {
            convertCache = ConvertCache.load(cache.convertFile(), convertSettings(cache, config, options));
            renderCache = RenderCache.load(cache.renderFile(), cache.code() + " " + out, out);
            bake.withCache(renderCache);
        }

        report.begin("convert", "Asciidoc → HTML from " + options.contentDir());
        ConvertStage convert = new ConvertStage(engine, new HtmlSanitizer(config.baseUrlTrimmed()))
                .withAttributes(config.contentAttributes()).withCache(convertCache);
        ConvertStage.Result converted = convert.run(options.contentDir(), options.preview(), config.locales());
        converted.warnings().forEach(report::warn);
        report.end("convert", converted.pages().size() + " pages, " + converted.draftsSkipped() + " drafts left out"
                + (cache == null ? "" : ", " + convert.reused() + " unchanged since the last build"));

        report.begin("bake", "rendering templates");
        List<ContentProblem> problems = new ArrayList<>();
        SiteMap site = SiteMap.of(converted.pages(), config.locales(), problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        if (site.home() == null) {
            throw new ContentException(new ContentProblem("content/index.adoc", null, "is missing or not published.",
                    "The handbook needs a front page."));
        }
        // The PDFs need only the converted pages and the site map: they are laid out on background
        // threads while the site is baked and indexed, and written (sizes filled in) after index.
        Path root = options.configFile().toAbsolutePath().getParent();
        PdfStage pdfStage = new PdfStage();
        if (options.pdf() && cache != null) {
            pdfStage.withCache(cache.pdfFolder(), cache.code(), options.assetsDir(),
                    config.logo() == null ? null : root.resolve(config.logo()).normalize());
        }
        PdfStage.Rendering pdfRendering = options.pdf()
                ? pdfStage.start(site, config, options.assetsDir(), root, options.preview(), converted.media())
                : null;
        try {
            return afterConvert(config, options, staging, out, bake, assets, converted, site, pdfRendering,
                    new Reuse(cache, convertCache, renderCache));
        } finally {
            if (pdfRendering != null) pdfRendering.close();
        }
    }

    private Outcome afterConvert(HandbookConfig config, BuildOptions options, Path staging, Path out, BakeStage bake,
                                 AssetFingerprinter.Assets assets, ConvertStage.Result converted, SiteMap site,
                                 PdfStage.Rendering pdfRendering, Reuse reuse) throws IOException, ContentException {
        BuildCache cache = reuse.cache();
        RenderCache renderCache = reuse.render();
        BakeStage.Result baked = bake.run(new BakeStage.Input(site, config, options.contentDir(), staging, options.preview(),
                assets, converted.media(), options.pdf() ? PdfStage.links(site, config) : Map.of()));
        report.end("bake", baked.pages() + " pages, " + baked.files() + " files"
                + (cache == null ? "" : "; " + (baked.pages() - baked.reused()) + " pages rendered, " + baked.reused() + " unchanged"));

        report.begin("index", "Lucene index and static search files");
        IndexStage.Result indexed = new IndexStage(options.contentDir(), IndexStage.indexDirFor(out), report::warn)
                .withScriptUrl(assets.urls().get(IndexStage.SCRIPT_ASSET)).withLocales(config.locales()).run(staging, baked.late());
        report.end("index", indexed.summary());

        if (pdfRendering != null) {
            report.begin("pdf", "HTML → " + PdfStage.FOLDER + "/ (started after convert)");
            PdfStage.Result pdfs = pdfRendering.finish(staging);
            pdfs.warnings().forEach(report::warn);
            // The stage's cost is the conversions' own time, most of it alongside bake and index.
            report.endOverlapped("pdf", pdfs.files().size() + " PDFs, " + PdfStage.humanSize(pdfs.bytes())
                    + (cache == null ? "" : "; " + (pdfs.documents() - pdfs.reused()) + " of " + pdfs.documents()
                    + " laid out, " + pdfs.reused() + " unchanged"), pdfs.seconds());
        }

        report.begin("publish", "checking links and replacing " + out);
        if (cache != null) cache.forgetState();
        Map<String, String> sourceOf = new HashMap<>();
        for (Page page : site.pages()) sourceOf.put(page.outputPath(), "content/" + page.source().toString().replace('\\', '/'));
        List<String> secrets = new ArrayList<>();
        if (System.getenv("STRAPI_TOKEN") != null) secrets.add(System.getenv("STRAPI_TOKEN"));
        PublishStage.Result published = new PublishStage().run(new PublishStage.Request(staging, out,
                config.baseUrlTrimmed(), options.preview(), site.pages(), sourceOf, converted.draftUrls(), secrets,
                config.accessibilityStatementUrl()));
        report.end("publish", published.internalLinks() + " internal links checked, "
                + published.externalLinks() + " external listed, " + published.files() + " files");

        indexed.swapIn();
        if (cache != null) {
            reuse.convert().save(cache.convertFile());
            renderCache.save(cache.renderFile());
            cache.saveState(out, site.pages().size());
        }

        double seconds = report.elapsedSeconds();
        report.printSummary(String.format(Locale.ROOT, "Built %d pages into %s in %.1f s (%.1f KB).",
                site.pages().size(), out, seconds, published.bytes() / 1024.0));
        return new Outcome(site.pages().size(), converted.draftsSkipped(), published.bytes(), seconds, report.timings());
    }

    /** Conversion depends on the code, the base URL (links), the languages, drafts and the diagrams. */
    private static String convertSettings(BuildCache cache, HandbookConfig config, BuildOptions options) throws IOException {
        StringBuilder key = new StringBuilder(cache.code()).append(' ').append(config.baseUrlTrimmed())
                .append(' ').append(config.locales()).append(' ').append(options.preview())
                .append(' ').append(config.contentAttributes());
        Path diagrams = options.assetsDir().resolve("diagrams");
        if (Files.isDirectory(diagrams)) {
            try (var walk = Files.walk(diagrams)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    key.append(' ').append(file.getFileName()).append('=').append(ContentHash.of(Files.readAllBytes(file)));
                }
            }
        }
        return ContentHash.of(key.toString());
    }
}
