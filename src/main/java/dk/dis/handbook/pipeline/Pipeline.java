package dk.dis.handbook.pipeline;

import dk.dis.handbook.bake.BakeStage;
import dk.dis.handbook.bake.RenderCache;
import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.FileDigests;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.Trees;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.convert.AsciidocEngine;
import dk.dis.handbook.convert.ConvertCache;
import dk.dis.handbook.convert.ConvertStage;
import dk.dis.handbook.convert.HtmlSanitizer;
import dk.dis.handbook.theme.AssetFingerprinter;
import dk.dis.handbook.offline.OfflineStage;
import dk.dis.handbook.pdf.PdfStage;
import dk.dis.handbook.publish.PublishStage;
import dk.dis.handbook.search.DanishLexicon;
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
 * The build, stage by stage, each handing its typed result to the next: sync (when the build reads
 * a CMS: every language of handbook.yml's locales into the content folder) → convert → bake →
 * index → pdf → offline → publish. The PDFs are laid out on background threads from the converted pages,
 * alongside bake and index. Everything is written into a staging folder that replaces the output
 * folder only when every stage succeeded; an unchanged input and output build nothing.
 */
public final class Pipeline {

    /** What a successful build produced. */
    public record Outcome(int pages, int draftsSkipped, long bytes, double seconds, List<StageReport.Timing> timings) {}

    /** Stage "sync": brings the CMS's pages of the given languages into the content folder. */
    @FunctionalInterface
    public interface Sync {
        CmsSync.Result run(Path contentDir, List<String> locales, boolean preview) throws CmsException, IOException;
    }

    private final StageReport report;
    private Sync sync;
    private BuildCache openedCache;
    private BuildOptions openedFor;

    public Pipeline(StageReport report) {
        this.report = report;
    }

    /** Reads the content from a CMS first (the sync stage). */
    public Pipeline syncingWith(Sync sync) {
        this.sync = sync;
        return this;
    }

    public Outcome build(BuildOptions options) throws IOException, ContentException, ConfigException, CmsException {
        if (sync != null) sync.run(options.contentDir(), HandbookConfig.load(options.configFile()).locales(), options.preview());
        Outcome unchanged = upToDate(options);
        if (unchanged != null) return unchanged;
        // JRuby takes seconds to start: start it first and do everything else meanwhile.
        try (AsciidocEngine engine = AsciidocEngine.startBooting(options.assetsDir().resolve("diagrams"),
                ConvertStage.countPages(options.contentDir()))) {
            if (options.pdf()) PdfStage.warmUp(options.assetsDir());
            if (options.cacheDir() == null) DanishLexicon.warmUp();
            else DanishLexicon.warmUp(cacheFor(options).lexiconFile(), cacheFor(options).code());
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
                if (staging != null) Trees.delete(staging);
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

    private Outcome stages(AsciidocEngine engine, HandbookConfig config, BuildOptions options, Path staging, Path out)
            throws IOException, ContentException {
        Run run = new Run(engine, config, options, staging, out, options.cacheDir() == null ? null : cacheFor(options));
        ConvertStage.Result converted = run.convert();
        SiteMap site = run.siteMap(converted);
        try (PdfStage.Rendering printing = run.startPdfs(site, converted)) {
            BakeStage.Result baked = run.bake(site, converted);
            IndexStage.Result indexed = run.index(baked);
            boolean done = false;
            try {
                PdfStage.Result printed = run.pdf(printing);
                OfflineStage.Result offline = run.offline();
                PublishStage.Result published = run.publish(site, converted);
                Outcome outcome = run.finish(site, converted, indexed, offline, published);
                done = true;
                return outcome;
            } finally {
                // A build that fails leaves the previous index and its memory as they were.
                if (!done) indexed.discard();
            }
        }
    }

    /** One build: its settings, caches and staging folder, and a method per stage. */
    private final class Run {
        private final AsciidocEngine engine;
        private final HandbookConfig config;
        private final BuildOptions options;
        private final Path staging;
        private final Path out;
        /** What an incremental build may reuse (all null when the build keeps no cache). */
        private final BuildCache cache;
        private final ConvertCache convertCache;
        private final RenderCache renderCache;

        Run(AsciidocEngine engine, HandbookConfig config, BuildOptions options, Path staging, Path out, BuildCache cache)
                throws IOException {
            this.engine = engine;
            this.config = config;
            this.options = options;
            this.staging = staging;
            this.out = out;
            this.cache = cache;
            this.convertCache = cache == null ? null : ConvertCache.load(cache.convertFile(), convertSettings(cache, config, options));
            this.renderCache = cache == null ? null : RenderCache.load(cache.renderFile(), cache.code() + " " + out, out);
        }

        ConvertStage.Result convert() throws IOException, ContentException {
            report.begin("convert", "Asciidoc → HTML from " + options.contentDir());
            ConvertStage convert = new ConvertStage(engine, new HtmlSanitizer(config.baseUrlTrimmed()))
                    .withAttributes(config.contentAttributes()).withCache(convertCache)
                    .withKnownDigests(cache == null ? Map.of() : cache.contentDigests());
            ConvertStage.Result converted = convert.run(options.contentDir(), options.preview(), config.locales());
            converted.warnings().forEach(report::warn);
            report.end("convert", converted.pages().size() + " pages, " + converted.draftsSkipped() + " drafts left out"
                    + (cache == null ? "" : ", " + convert.reused() + " unchanged since the last build"));
            return converted;
        }

        SiteMap siteMap(ConvertStage.Result converted) throws ContentException {
            List<ContentProblem> problems = new ArrayList<>();
            SiteMap site = SiteMap.of(converted.pages(), config.locales(), problems);
            if (!problems.isEmpty()) throw new ContentException(problems);
            if (site.home() == null) {
                throw new ContentException(new ContentProblem("content/index.adoc", null, "is missing or not published.",
                        "The handbook needs a front page."));
            }
            return site;
        }

        /** The PDFs need only the converted pages and the site map: laid out in the background from here on; null without PDFs. */
        PdfStage.Rendering startPdfs(SiteMap site, ConvertStage.Result converted) throws IOException, ContentException {
            if (!options.pdf()) return null;
            Path root = options.configFile().toAbsolutePath().getParent();
            PdfStage pdfStage = new PdfStage();
            if (cache != null) {
                pdfStage.withCache(cache.pdfFolder(), cache.code(), options.assetsDir(),
                        config.logo() == null ? null : root.resolve(config.logo()).normalize());
            }
            return pdfStage.start(site, config, options.assetsDir(), root, options.preview(), converted.media());
        }

        BakeStage.Result bake(SiteMap site, ConvertStage.Result converted) throws IOException, ContentException {
            report.begin("bake", "JBake's Oven renders the templates");
            BakeStage bake = new BakeStage(options.templateDir()).withCache(renderCache);
            AssetFingerprinter.Assets assets = AssetFingerprinter.plan(options.assetsDir(), config);
            BakeStage.Result baked = bake.run(new BakeStage.Input(site, config, options.contentDir(), staging, options.preview(),
                    assets, converted.media(), options.pdf() ? PdfStage.links(site, config) : Map.of(), options.today(), converted.fingerprints()));
            report.end("bake", baked.pages() + " pages, " + baked.files() + " files"
                    + (cache == null ? "" : "; " + (baked.pages() - baked.reused()) + " pages rendered, " + baked.reused() + " unchanged"));
            return baked;
        }

        IndexStage.Result index(BakeStage.Result baked) throws IOException, ContentException {
            report.begin("index", "Lucene index and static search files");
            IndexStage stage = new IndexStage(options.contentDir(), IndexStage.indexDirFor(out), report::warn)
                    .withScriptUrl(baked.assets().get(IndexStage.SCRIPT_ASSET)).withLocales(config.locales());
            if (cache != null) stage.withMemory(cache.code() + " " + options.preview(), out);
            IndexStage.Result indexed = stage
                    .run(staging, baked.late());
            report.end("index", indexed.summary());
            return indexed;
        }

        /** Waits for the PDFs laid out since convert and writes them; null without PDFs. */
        PdfStage.Result pdf(PdfStage.Rendering printing) throws IOException, ContentException {
            if (printing == null) return null;
            report.begin("pdf", "HTML → " + PdfStage.FOLDER + "/ (started after convert)");
            PdfStage.Result pdfs = printing.finish(staging);
            pdfs.warnings().forEach(report::warn);
            // The stage's cost is the conversions' own time, most of it alongside bake and index.
            report.endOverlapped("pdf", pdfs.files().size() + " PDFs, " + PdfStage.humanSize(pdfs.bytes())
                    + (cache == null ? "" : "; " + (pdfs.documents() - pdfs.reused()) + " of " + pdfs.documents()
                    + " laid out, " + pdfs.reused() + " unchanged (" + pdfs.piecesLaidOut() + " of " + pdfs.pieces() + " pieces laid out)"),
                    pdfs.seconds());
            return pdfs;
        }

        /** The service workers list the files of this build, so they are written when all others are. */
        OfflineStage.Result offline() throws IOException, ContentException {
            report.begin("offline", "service workers for reading offline");
            OfflineStage.Result result = new OfflineStage(options.templateDir())
                    .withDigests(cache == null ? FileDigests.none() : FileDigests.read(cache.digestsFile()))
                    .run(staging, config.locales(), options.preview());
            report.end("offline", result.summary());
            return result;
        }

        PublishStage.Result publish(SiteMap site, ConvertStage.Result converted) throws IOException, ContentException {
            report.begin("publish", "checking links and replacing " + out);
            if (cache != null) cache.forgetState();
            Map<String, String> sourceOf = new HashMap<>();
            for (Page page : site.pages()) sourceOf.put(page.outputPath(), "content/" + page.source().toString().replace('\\', '/'));
            List<String> secrets = new ArrayList<>();
            if (System.getenv("STRAPI_TOKEN") != null) secrets.add(System.getenv("STRAPI_TOKEN"));
            PublishStage.Result published = new PublishStage().run(new PublishStage.Request(staging, out,
                    config.baseUrlTrimmed(), options.preview(), site.pages(), sourceOf, converted.draftUrls(), secrets,
                    config.accessibilityStatementUrl(), options.anchorsRecord(),
                    cache == null ? null : cache.scanFile(), cache == null ? null : cache.code()));
            report.end("publish", published.internalLinks() + " internal links checked, "
                    + published.externalLinks() + " external listed, " + published.files() + " files"
                    + (cache == null ? "" : " (" + published.pagesRead() + " pages read again)")
                    + (published.unrecordedAnchors() == 0 ? "" : "; " + published.unrecordedAnchors()
                    + " new section anchors not yet in " + BuildOptions.ANCHORS_FILE + " (run `anchors` and commit it)"));
            return published;
        }

        /** The site is published: the index moves in beside it, and the caches remember this build. */
        Outcome finish(SiteMap site, ConvertStage.Result converted, IndexStage.Result indexed, OfflineStage.Result offline,
                       PublishStage.Result published) throws IOException {
            indexed.swapIn();
            if (cache != null) {
                offline.digests().write(cache.digestsFile());
                convertCache.save(cache.convertFile());
                renderCache.save(cache.renderFile());
                cache.saveState(out, site.pages().size(), published.files(), published.bytes());
            }
            String notDeleted = published.previousSite().await();
            if (notDeleted != null) report.warn("the previous site could not be deleted: " + notDeleted + ". Delete it by hand.");
            double seconds = report.elapsedSeconds();
            report.printSummary(String.format(Locale.ROOT, "Built %d pages into %s in %.1f s (%.1f KB).",
                    site.pages().size(), out, seconds, published.bytes() / 1024.0));
            return new Outcome(site.pages().size(), converted.draftsSkipped(), published.bytes(), seconds, report.timings());
        }
    }

    /** Conversion depends on the code, the base URL (links), the languages, drafts and the diagrams. */
    private static String convertSettings(BuildCache cache, HandbookConfig config, BuildOptions options) throws IOException {
        ContentHash.Parts key = ContentHash.parts().add("code", cache.code()).add("baseUrl", config.baseUrlTrimmed())
                .add("locales", String.valueOf(config.locales())).add("preview", String.valueOf(options.preview()))
                .add("attributes", String.valueOf(config.contentAttributes()));
        Path diagrams = options.assetsDir().resolve("diagrams");
        if (Files.isDirectory(diagrams)) key.addFiles(diagrams);
        return key.hex();
    }
}
