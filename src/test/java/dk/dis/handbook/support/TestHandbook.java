package dk.dis.handbook.support;

import dk.dis.handbook.content.Trees;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.pipeline.StageReport;
import dk.dis.handbook.convert.AsciidocEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small handbook in a temp folder, using the repository's real templates, assets and config,
 * with content written by the test. One Asciidoctor engine is shared by all tests (JRuby boots once).
 */
public final class TestHandbook {
    public static final Path REPO = Path.of("").toAbsolutePath();
    /** The whole handbook's PDF, as the repository's handbook.yml names it (pdfFile). */
    public static final String WHOLE_PDF = repoConfig().pdfFile();
    private static AsciidocEngine engine;

    public final Path root;

    public TestHandbook(Path root) throws IOException {
        this.root = root;
        Trees.copy(REPO.resolve("templates"), root.resolve("templates"));
        Trees.copy(REPO.resolve("assets"), root.resolve("assets"));
        Files.copy(REPO.resolve("handbook.yml"), root.resolve("handbook.yml"));
        Files.createDirectories(root.resolve("content"));
    }

    /** The repository's own handbook.yml. */
    public static dk.dis.handbook.config.HandbookConfig repoConfig() {
        try {
            return dk.dis.handbook.config.HandbookConfig.load(REPO.resolve("handbook.yml"));
        } catch (dk.dis.handbook.config.ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static synchronized AsciidocEngine engine() {
        if (engine == null) engine = AsciidocEngine.startBooting(REPO.resolve("assets/diagrams"));
        return engine;
    }

    /** A valid page header; {@code overrides} lines replace the defaults with the same attribute name. */
    public static String header(String title, String section, String slug, String... overrides) {
        String[] defaults = {
                ":jbake-type: page", ":jbake-status: published", ":jbake-date: 2017-12-12",
                ":jbake-slug: " + slug, ":jbake-summary: Resumé af " + title + ".", ":jbake-section: " + section,
                ":jbake-order: 10", ":jbake-owner: Opgaveudvalg om Innovation",
                ":jbake-reviewed: 2026-11-24", ":jbake-nextreview: 2027-11-24"};
        StringBuilder s = new StringBuilder("= ").append(title).append('\n');
        for (String line : defaults) {
            String name = line.substring(0, line.indexOf(':', 1) + 1);
            boolean replaced = false;
            for (String o : overrides) {
                if (o.startsWith(name)) replaced = true;
            }
            if (!replaced) s.append(line).append('\n');
        }
        for (String o : overrides) {
            if (!o.endsWith(":DELETE")) s.append(o).append('\n');
        }
        return s.append('\n').toString();
    }

    /** Writes content/PATH with the given text. */
    public TestHandbook write(String path, String text) throws IOException {
        Path file = root.resolve("content").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** A minimal valid site: front page, one section with one page, and the about page the config's contact link needs. */
    public TestHandbook minimalSite() throws IOException {
        write("index.adoc", header("Forside", "forside", "forside", ":jbake-order: 0") + "Velkommen.\n\nlink:/trin-1/[Trin 1]\n");
        write("trin-1/index.adoc", header("Politiske principper", "trin-1", "trin-1") + "[[saet-retning]]\n== Sæt retning\n\nFokusér.\n");
        write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "Se link:/trin-1/#saet-retning[Sæt retning].\n");
        write("om/index.adoc", header("Om håndbogen", "om", "om", ":jbake-order: 90") + "[[kontakt]]\n== Kontakt\n\nSkriv til os.\n");
        return this;
    }

    /** Copies the repository's own content (the whole DIS handbook) into this handbook. */
    public TestHandbook realContent() throws IOException {
        Trees.copy(REPO.resolve("content"), root.resolve("content"));
        return this;
    }

    public Path out() {
        return root.resolve("target/site");
    }

    /** Builds without PDFs unless a test asks for them: they add seconds to every build. */
    public BuildOptions options() {
        return BuildOptions.defaults(root).withPdf(false);
    }

    /** Builds and returns what the build printed. */
    public String build(BuildOptions options) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Pipeline(new StageReport(new PrintStream(buffer, true, StandardCharsets.UTF_8))).build(options, engine());
        return buffer.toString(StandardCharsets.UTF_8);
    }

    public String build() throws Exception {
        return build(options());
    }

    public String read(String outputPath) throws IOException {
        return Files.readString(out().resolve(outputPath), StandardCharsets.UTF_8);
    }

}
