package dk.dis.handbook.pipeline;

import java.nio.file.Path;

/** Where a build reads from and writes to; all relative to the handbook's folder by default. */
public record BuildOptions(Path contentDir, Path templateDir, Path assetsDir, Path configFile, Path outDir, boolean preview,
                           boolean pdf, Path cacheDir) {

    public static BuildOptions defaults(Path root) {
        return new BuildOptions(root.resolve("content"), root.resolve("templates"), root.resolve("assets"),
                root.resolve("handbook.yml"), root.resolve("target/site"), false, true, root.resolve("target/build-cache"));
    }

    public BuildOptions withOutDir(Path out) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, out, preview, pdf, cacheDir);
    }

    public BuildOptions withContentDir(Path content) {
        return new BuildOptions(content, templateDir, assetsDir, configFile, outDir, preview, pdf, cacheDir);
    }

    public BuildOptions withConfigFile(Path config) {
        return new BuildOptions(contentDir, templateDir, assetsDir, config, outDir, preview, pdf, cacheDir);
    }

    public BuildOptions withPreview(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, on, pdf, cacheDir);
    }

    /** Without PDFs (and without links to them): a quicker build while writing. */
    public BuildOptions withPdf(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, on, cacheDir);
    }

    /**
     * Where an incremental build keeps what it may reuse next time (converted pages, rendered page
     * keys); null builds everything from scratch and keeps nothing.
     */
    public BuildOptions withCacheDir(Path cache) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, pdf, cache);
    }
}
