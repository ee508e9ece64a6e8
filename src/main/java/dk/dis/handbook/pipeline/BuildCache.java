package dk.dis.handbook.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.SiteFiles;
import dk.dis.handbook.content.Trees;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The incremental build's memory, in {@link BuildOptions#cacheDir()}: a digest of every input of the
 * last successful build (code, options, config, content, templates, assets), so an unchanged
 * handbook is not built again, and the files where the convert and bake stages keep what they may
 * reuse. Deleting the folder (or {@code build --clean}) only costs a full build.
 */
final class BuildCache {

    /** What the last successful build read and wrote. */
    record State(String inputs, String outDir, int pages, long files, long bytes) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final String inputs;
    private final String code;

    private BuildCache(Path dir, String inputs, String code) {
        this.dir = dir;
        this.inputs = inputs;
        this.code = code;
    }

    static BuildCache open(BuildOptions options) throws IOException {
        String code = codeVersion();
        // One cache per output folder, so builds of different sites into different folders do not evict each other.
        String site = ContentHash.of(options.outDir().toAbsolutePath().normalize().toString()).substring(0, 16);
        return new BuildCache(options.cacheDir().resolve(site), inputsDigest(options, code), code);
    }

    /** A key that changes whenever the build's own code does (a new handbook.jar or new classes). */
    String code() {
        return code;
    }

    Path convertFile() {
        return dir.resolve("pages.json");
    }

    /** Laid-out PDF documents (pdf/PdfCache). */
    Path pdfFolder() {
        return dir.resolve("pdf");
    }

    /** What the publish checks saw of the published files (publish/ScanMemory). */
    Path scanFile() {
        return dir.resolve("scan.bin");
    }

    /** The digests of the published files (content/FileDigests), for the service workers' version. */
    Path digestsFile() {
        return dir.resolve("digests.tsv");
    }

    /** The Danish lexicon's words and stems as the search works them out (search/DanishLexicon). */
    Path lexiconFile() {
        return dir.getParent().resolve("danish-lexicon.txt");
    }

    Path renderFile() {
        return dir.resolve("rendered.json");
    }

    private Path stateFile() {
        return dir.resolve("state.json");
    }

    /**
     * The last build's state if nothing it read has changed and its output is still there as it
     * was written (same number of files and bytes); otherwise null.
     */
    State unchanged(Path outDir, Path indexDir) {
        try {
            if (!Files.isRegularFile(stateFile())) return null;
            State state = JSON.readValue(stateFile().toFile(), State.class);
            if (!inputs.equals(state.inputs()) || !outDir.toString().equals(state.outDir())) return null;
            if (!Files.isDirectory(outDir) || !Files.isDirectory(indexDir)) return null;
            Trees.Size size = Trees.size(outDir);
            return size.files() == state.files() && size.bytes() == state.bytes() ? state : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void saveState(Path outDir, int pages) throws IOException {
        Trees.Size size = Trees.size(outDir);
        write(stateFile(), new State(inputs, outDir.toString(), pages, size.files(), size.bytes()));
    }

    /** Forgets the last build (before a build whose output may differ from what the state says). */
    void forgetState() throws IOException {
        Files.deleteIfExists(stateFile());
    }

    private static void write(Path file, Object value) throws IOException {
        SiteFiles.replace(file, out -> JSON.writeValue(out, value));
    }

    private static String inputsDigest(BuildOptions options, String code) throws IOException {
        ContentHash.Parts digest = ContentHash.parts();
        digest.add("code", code);
        digest.add("options", options.preview() + " " + options.pdf() + " " + options.outDir().toAbsolutePath().normalize()
                + " " + options.contentDir().toAbsolutePath().normalize());
        // A page whose review falls due shows a notice without an edit: a new day is a new input.
        digest.add("today", String.valueOf(options.today()));
        if (Files.isRegularFile(options.anchorsRecord())) digest.add("anchors", Files.readAllBytes(options.anchorsRecord()));
        // The token is only mixed in, never stored: a new token means new output checks.
        String token = System.getenv("STRAPI_TOKEN");
        digest.add("token", token == null ? "" : ContentHash.of(token));
        if (Files.isRegularFile(options.configFile())) digest.add("config", Files.readAllBytes(options.configFile()));
        for (Path root : List.of(options.contentDir(), options.templateDir(), options.assetsDir())) {
            if (!Files.isDirectory(root)) continue;
            digest.addFiles(root).add("end of", root.getFileName().toString());
        }
        return digest.hex();
    }

    /** The hash of handbook.jar, or of the compiled classes and resources when run from a build tree. */
    static String codeVersion() throws IOException {
        Path location;
        try {
            location = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
        ContentHash.Parts digest = ContentHash.parts();
        if (Files.isRegularFile(location)) {
            digest.add("jar", Files.readAllBytes(location));
        } else if (Files.isDirectory(location)) {
            digest.addFiles(location);
        }
        return digest.hex();
    }
}
