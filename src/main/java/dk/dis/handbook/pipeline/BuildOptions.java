package dk.dis.handbook.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a build reads from and writes to; all relative to the handbook's folder by default.
 *
 * @param today the build's date: pages whose next review lies before it say they are overdue (a test sets it)
 * @param anchorsFile the committed record of every page's published section anchors (see {@code anchors});
 *                    null for the one beside the content folder
 */
public record BuildOptions(Path contentDir, Path templateDir, Path assetsDir, Path configFile, Path outDir, boolean preview,
                           boolean pdf, Path cacheDir, LocalDate today, Path anchorsFile) {

    /** Review dates are the municipality's: today is today in Denmark. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /**
     * The record of published anchors, beside the content folder (not in it: a CMS sync replaces the
     * folder), so it belongs to that content: a build of other content (a generated corpus) has none.
     */
    public static final String ANCHORS_FILE = "published-anchors.txt";

    public static BuildOptions defaults(Path root) {
        return new BuildOptions(root.resolve("content"), root.resolve("templates"), root.resolve("assets"),
                root.resolve("handbook.yml"), root.resolve("target/site"), false, true, root.resolve("target/build-cache"),
                LocalDate.now(ZONE), null);
    }

    public BuildOptions withOutDir(Path out) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, out, preview, pdf, cacheDir, today, anchorsFile);
    }

    public BuildOptions withContentDir(Path content) {
        return new BuildOptions(content, templateDir, assetsDir, configFile, outDir, preview, pdf, cacheDir, today, anchorsFile);
    }

    public BuildOptions withConfigFile(Path config) {
        return new BuildOptions(contentDir, templateDir, assetsDir, config, outDir, preview, pdf, cacheDir, today, anchorsFile);
    }

    public BuildOptions withPreview(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, on, pdf, cacheDir, today, anchorsFile);
    }

    /** Without PDFs (and without links to them): a quicker build while writing. */
    public BuildOptions withPdf(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, on, cacheDir, today, anchorsFile);
    }

    /**
     * Where an incremental build keeps what it may reuse next time (converted pages, rendered page
     * keys); null builds everything from scratch and keeps nothing.
     */
    public BuildOptions withCacheDir(Path cache) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, pdf, cache, today, anchorsFile);
    }

    /** The date the build takes for today (review notices); defaults to today in Denmark. */
    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, pdf, cacheDir, date, anchorsFile);
    }

    /** The record of published anchors this build checks: the one given, or the one beside the content folder. */
    public Path anchorsRecord() {
        return anchorsFile != null ? anchorsFile : recordBeside(contentDir);
    }

    public static Path recordBeside(Path contentDir) {
        return contentDir.toAbsolutePath().normalize().resolveSibling(ANCHORS_FILE);
    }

    public BuildOptions withAnchorsFile(Path file) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, pdf, cacheDir, today, file);
    }
}
