package dk.dis.handbook.bake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.SiteFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each page of the previous build was rendered from, so an incremental build renders only
 * the pages whose template model changed (their own text, or the navigation, links and lists they
 * show from other pages) and copies the rest from the previously published site.
 * A page's key is a hash of everything its templates see; the templates, interface text, config
 * and assets are part of every key through {@code sharedKey}.
 */
public final class RenderCache {

    /** One published page: the key it was rendered from. */
    public record Output(String key) {}

    private record Stored(String settingsKey, Map<String, Output> outputs) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Model values in a stable order, so the same model always gives the same key. */
    private static final ObjectMapper STABLE = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final String settingsKey;
    private final Path previousSite;
    private final Map<String, Output> previous;
    private final Map<String, Output> current = new ConcurrentHashMap<>();
    private int reused;

    private RenderCache(String settingsKey, Path previousSite, Map<String, Output> previous) {
        this.settingsKey = settingsKey;
        this.previousSite = previousSite;
        this.previous = previous;
    }

    /**
     * The keys in {@code file} if they describe {@code previousSite} under the same settings
     * (the build's code and output folder); otherwise an empty cache that renders everything.
     */
    public static RenderCache load(Path file, String settingsKey, Path previousSite) {
        RenderCache empty = new RenderCache(settingsKey, previousSite, Map.of());
        if (!Files.isRegularFile(file) || !Files.isDirectory(previousSite)) return empty;
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (!settingsKey.equals(stored.settingsKey()) || stored.outputs() == null) return empty;
            return new RenderCache(settingsKey, previousSite, stored.outputs());
        } catch (IOException | RuntimeException e) {
            return empty;
        }
    }

    /** The hash of a template model (maps, lists, strings, numbers), after {@code prefix}. */
    public static String keyOf(String prefix, Object model) {
        MessageDigest digest = ContentHash.digest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            STABLE.writeValue(out, model);
        } catch (IOException e) {
            throw new IllegalStateException("a template model could not be hashed: " + e.getMessage(), e);
        }
        return ContentHash.hex(digest);
    }

    /**
     * The previously published file for {@code outputPath} if it was rendered from the same key (no
     * later stage writes into a baked page, so the file is as the bake left it); null means: render it.
     */
    Path reusable(String outputPath, String key) {
        Output before = previous.get(outputPath);
        if (before == null || !before.key().equals(key)) return null;
        Path file = previousSite.resolve(outputPath);
        return Files.isRegularFile(file) ? file : null;
    }

    /** A file of the previously published site, if it is there. */
    Path previousFile(String relative) {
        Path file = previousSite.resolve(relative);
        return Files.isRegularFile(file) ? file : null;
    }

    void record(String outputPath, String key, boolean wasReused) {
        current.put(outputPath, new Output(key));
        if (wasReused) reused++;
    }

    /** This build's pages and what they were rendered from. */
    public Map<String, Output> outputs() {
        return Map.copyOf(current);
    }

    /** Pages copied from the previous build in this run. */
    public int reused() {
        return reused;
    }

    public void save(Path file) throws IOException {
        SiteFiles.replace(file, out -> JSON.writeValue(out, new Stored(settingsKey, new TreeMap<>(current))));
    }
}
