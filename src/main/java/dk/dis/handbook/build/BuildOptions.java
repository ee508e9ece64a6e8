package dk.dis.handbook.build;

import java.nio.file.Path;

/** Where a build reads from and writes to; all relative to the handbook's folder by default. */
public record BuildOptions(Path contentDir, Path templateDir, Path assetsDir, Path configFile, Path outDir, boolean preview,
                           boolean pdf) {

    public static BuildOptions defaults(Path root) {
        return new BuildOptions(root.resolve("content"), root.resolve("templates"), root.resolve("assets"),
                root.resolve("handbook.yml"), root.resolve("target/site"), false, true);
    }

    public BuildOptions withOutDir(Path out) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, out, preview, pdf);
    }

    public BuildOptions withContentDir(Path content) {
        return new BuildOptions(content, templateDir, assetsDir, configFile, outDir, preview, pdf);
    }

    public BuildOptions withConfigFile(Path config) {
        return new BuildOptions(contentDir, templateDir, assetsDir, config, outDir, preview, pdf);
    }

    public BuildOptions withPreview(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, on, pdf);
    }

    /** Without PDFs (and without links to them): a quicker build while writing. */
    public BuildOptions withPdf(boolean on) {
        return new BuildOptions(contentDir, templateDir, assetsDir, configFile, outDir, preview, on);
    }
}
