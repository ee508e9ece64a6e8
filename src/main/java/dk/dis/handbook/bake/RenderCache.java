package dk.dis.handbook.bake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
    /** The attribute under which {@link #keyOf(String, Object, Map)} hands its stand-ins to {@link StandIns}. */
    private static final String STAND_INS = "standIns";
    /** Model values in a stable order, so the same model always gives the same key. */
    private static final ObjectMapper STABLE = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .registerModule(new SimpleModule().addSerializer(String.class, new StandIns()));

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
        return keyOf(prefix, model, Map.of());
    }

    /**
     * As {@link #keyOf(String, Object)}, with some strings of the model stood for by a fingerprint of
     * what they were made from ({@code standIns}, by identity: a page's converted body, which the
     * convert stage fingerprints from its source): a page's key costs its small values, not its text.
     */
    public static String keyOf(String prefix, Object model, Map<String, String> standIns) {
        MessageDigest digest = ContentHash.digest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            STABLE.writer().withAttribute(STAND_INS, standIns).writeValue(out, model);
        } catch (IOException e) {
            throw new IllegalStateException("a template model could not be hashed: " + e.getMessage(), e);
        }
        return ContentHash.hex(digest);
    }

    /** Writes a string, or the stand-in {@link #keyOf(String, Object, Map)} was given for that very string. */
    private static final class StandIns extends StdSerializer<String> {
        StandIns() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object standIns = provider.getAttribute(STAND_INS);
            String standIn = standIns instanceof Map<?, ?> m ? (String) m.get(value) : null;
            // Framed as an object with a name no template value has: no string of the model reads as a stand-in.
            if (standIn != null) gen.writeRawValue("{\"standIn\":\"" + standIn + "\"}");
            else gen.writeString(value);
        }
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
