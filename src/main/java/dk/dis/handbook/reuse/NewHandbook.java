package dk.dis.handbook.reuse;

import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.CmsOrigins;
import dk.dis.handbook.content.Trees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * Creates another municipality's handbook from this one: the whole project (so the same two README
 * commands build and test it), the DIS model's content, and a config with the new municipality and an
 * attribution to the model it is based on. What the copied content needs from the config (the
 * handbook's name, its tagline with the new municipality, the PDFs, the export's pages and the
 * languages) is taken over from this handbook's handbook.yml.
 */
public final class NewHandbook {
    /** What a new handbook needs from this one; build output, installed packages and examples stay behind. */
    static final List<String> PROJECT = List.of("pom.xml", "README.md", ".gitignore", ".ci", "src", "templates",
            "assets", "content", "docs", "scripts", "netlify.toml", "cms", "bench");
    /**
     * Build output, installed packages, local state and uploads, each where the tool that makes it puts
     * it (paths under the project, as in .gitignore). A folder of the same name anywhere else, such as
     * a Java package named {@code build}, is part of the project and is copied.
     */
    static final List<String> SKIP = List.of("target", "cms/node_modules", "cms/.tmp", "cms/build", "cms/dist", "cms/.strapi",
            "cms/.env", "cms/.strapi-updater.json", "cms/public/uploads/*", "cms/backups", "src/test/netlify/node_modules",
            "src/test/workflow/node_modules", "deploy/node_modules", ".build-tools",
            "bench/search/node_modules", "bench/scale/node_modules",
            "content/" + CmsOrigins.FILE_NAME, "content/*/" + CmsOrigins.FILE_NAME);
    /** Kept where a skipped pattern would drop it: the file that keeps an otherwise empty folder in the project. */
    private static final String KEEP = ".gitkeep";
    private static final List<PathMatcher> SKIPPED = SKIP.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();

    private NewHandbook() {}

    public static void create(Path from, Path to, String municipality, String brandColour, String baseModelName,
                              String baseModelUrl) throws IOException, ConfigException {
        HandbookConfig current = HandbookConfig.load(from.resolve("handbook.yml"));
        String config = config(current, municipality, brandColour, baseModelName, baseModelUrl);
        Path check = Files.createTempFile("handbook", ".yml");
        try {
            Files.writeString(check, config, StandardCharsets.UTF_8);
            HandbookConfig.load(check); // e.g. a brand colour without enough contrast: refuse before writing anything
        } finally {
            Files.deleteIfExists(check);
        }
        if (Files.exists(to) && (!Files.isDirectory(to) || Files.list(to).findAny().isPresent())) {
            throw new IOException(to + " exists and is not empty: choose a new folder.");
        }
        if (!Files.isRegularFile(from.resolve("pom.xml")) || !Files.isDirectory(from.resolve("content"))) {
            throw new IOException(from.toAbsolutePath() + " is not a handbook project (no pom.xml or content/): run init from the handbook's folder.");
        }
        Files.createDirectories(to);
        for (String entry : PROJECT) {
            Path source = from.resolve(entry);
            if (Files.exists(source)) copy(from, source, to);
        }
        Files.writeString(to.resolve("handbook.yml"), config, StandardCharsets.UTF_8);
    }

    static String config(HandbookConfig current, String municipality, String brand, String baseModelName, String baseModelUrl) {
        String slug = municipality.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String tagline = current.tagline() == null ? null : current.tagline().replace(current.municipality(), municipality);
        StringBuilder pdfAndExport = new StringBuilder();
        if (current.pdfParts() != null) {
            pdfAndExport.append("pdfParts: [").append(String.join(", ", current.pdfParts())).append("]\n");
        }
        pdfAndExport.append("pdfFile: ").append(yaml(current.pdfFile())).append('\n');
        if (current.keyQuestionsUrl() != null || current.offersUrl() != null) {
            pdfAndExport.append("export:\n");
            if (current.keyQuestionsUrl() != null) pdfAndExport.append("  keyQuestions: ").append(current.keyQuestionsUrl()).append('\n');
            if (current.offersUrl() != null) pdfAndExport.append("  offers: ").append(current.offersUrl()).append('\n');
        }
        return "# The one configuration file of " + municipality + "'s handbook.\n"
                + "name: " + yaml(current.name()) + "\n"
                + "municipality: " + yaml(municipality) + "\n"
                + (tagline == null ? "" : "tagline: " + yaml(tagline) + "\n")
                + "baseUrl: https://dis." + slug + ".example\n"
                + "language: " + yaml(current.language()) + "\n"
                + "contact:\n  name: " + yaml(municipality) + "\n"
                + (current.contact().url() == null ? "" : "  url: " + yaml(current.contact().url()) + "\n")
                + "accessibilityStatementUrl: https://www.was.digst.dk/\n"
                + "licence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/deed.da\n"
                + "colors:\n  brand: " + yaml(brand) + "\n"
                + "basedOn:\n  name: " + yaml(baseModelName) + "\n  url: " + yaml(baseModelUrl) + "\n"
                // The copied content keeps its languages, so the new config lists the same locales.
                + "locales: [" + String.join(", ", current.locales()) + "]\n"
                + pdfAndExport;
    }

    private static String yaml(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** True for a path of the project (relative to its folder) that a new handbook does not get. */
    static boolean skipped(Path relative) {
        if (relative.getFileName() != null && KEEP.equals(relative.getFileName().toString())) return false;
        return SKIPPED.stream().anyMatch(m -> m.matches(relative));
    }

    private static void copy(Path project, Path source, Path to) throws IOException {
        Trees.copy(source, to.resolve(project.relativize(source).toString()), p -> !skipped(project.relativize(p)));
    }
}
