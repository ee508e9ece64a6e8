package dk.dis.handbook.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.FileDigests;
import dk.dis.handbook.content.SiteFiles;
import dk.dis.handbook.content.Trees;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final Map<String, String> contentDigests;

    private BuildCache(Path dir, String inputs, String code, Map<String, String> contentDigests) {
        this.dir = dir;
        this.inputs = inputs;
        this.code = code;
        this.contentDigests = Map.copyOf(contentDigests);
    }

    static BuildCache open(BuildOptions options) throws IOException {
        String code = codeVersion();
        // One cache per output folder, so builds of different sites into different folders do not evict each other.
        String site = ContentHash.of(options.outDir().toAbsolutePath().normalize().toString()).substring(0, 16);
        Path dir = options.cacheDir().resolve(site);
        FileDigests known = FileDigests.ofInputs(dir.resolve(INPUTS_FILE));
        Map<String, String> contentDigests = new HashMap<>();
        String inputs = inputsDigest(options, code, known, contentDigests);
        if (known.changed()) {
            try {
                Files.createDirectories(dir);
                known.write(dir.resolve(INPUTS_FILE));
            } catch (IOException e) {
                // Without the memory the next build reads every input again: slower, never wrong.
                Files.deleteIfExists(dir.resolve(INPUTS_FILE));
            }
        }
        return new BuildCache(dir, inputs, code, contentDigests);
    }

    /** The SHA-256 of each file of the content folder as the cache was opened, by its path in the folder ('/'-separated). */
    Map<String, String> contentDigests() {
        return contentDigests;
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

    /** Remembers the build that published {@code outDir}: its inputs, and the site's files and bytes as published. */
    void saveState(Path outDir, int pages, int files, long bytes) throws IOException {
        write(stateFile(), new State(inputs, outDir.toString(), pages, files, bytes));
    }

    /** Forgets the last build (before a build whose output may differ from what the state says). */
    void forgetState() throws IOException {
        Files.deleteIfExists(stateFile());
    }

    private static void write(Path file, Object value) throws IOException {
        SiteFiles.replace(file, out -> JSON.writeValue(out, value));
    }

    /** The digests of the input files by their stamps ({@link FileDigests#ofInputs}): a build reads only what changed. */
    private static final String INPUTS_FILE = "inputs.tsv";

    private static String inputsDigest(BuildOptions options, String code, FileDigests known, Map<String, String> contentDigests)
            throws IOException {
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
        Map<String, Path> roots = new LinkedHashMap<>();
        roots.put("content", options.contentDir());
        roots.put("templates", options.templateDir());
        roots.put("assets", options.assetsDir());
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            if (!Files.isDirectory(root.getValue())) continue;
            for (Path file : Trees.files(root.getValue())) {
                String relative = root.getValue().relativize(file).toString().replace('\\', '/');
                String fileDigest = known.of(root.getKey() + "/" + relative, file);
                digest.add(relative, fileDigest);
                if (root.getKey().equals("content")) contentDigests.put(relative, fileDigest);
            }
            digest.add("end of", root.getValue().getFileName().toString());
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
