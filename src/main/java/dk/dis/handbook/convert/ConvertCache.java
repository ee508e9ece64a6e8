package dk.dis.handbook.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.SiteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converted pages of the previous build, by content file, so an incremental build converts only
 * the files whose text changed. An entry is valid for the same file text under the same
 * conversion settings ({@code settingsKey}: the build's code, base URL, languages, drafts, diagrams);
 * any other settings discard the whole cache.
 */
public final class ConvertCache {

    /** One file's conversion: the hash of its text, the page and the warnings it gave. */
    public record Entry(String sourceHash, Page page, List<String> warnings) {}

    private record Stored(String settingsKey, Map<String, Entry> entries) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule()
                    .addSerializer(Path.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                            gen.writeString(value.toString().replace('\\', '/'));
                        }
                    })
                    .addDeserializer(Path.class, new JsonDeserializer<>() {
                        @Override
                        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return Path.of(p.getValueAsString());
                        }
                    }))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String settingsKey;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();

    private ConvertCache(String settingsKey, Map<String, Entry> previous) {
        this.settingsKey = settingsKey;
        this.previous = previous;
    }

    /** An empty cache: everything is converted, and the results are kept for next time. */
    public static ConvertCache empty(String settingsKey) {
        return new ConvertCache(settingsKey, Map.of());
    }

    /** The cache in {@code file}, if it was written under the same settings; otherwise an empty one. */
    public static ConvertCache load(Path file, String settingsKey) {
        if (!Files.isRegularFile(file)) return empty(settingsKey);
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (!settingsKey.equals(stored.settingsKey()) || stored.entries() == null) return empty(settingsKey);
            return new ConvertCache(settingsKey, stored.entries());
        } catch (IOException | RuntimeException e) {
            // A damaged or outdated cache only costs a full conversion.
            return empty(settingsKey);
        }
    }

    /** The previous conversion of {@code file} (content-relative, '/'-separated) if its text is unchanged. */
    Entry reuse(String file, String sourceHash) {
        Entry entry = previous.get(file);
        if (entry == null || !entry.sourceHash().equals(sourceHash) || entry.page() == null) return null;
        current.put(file, entry);
        return entry;
    }

    void remember(String file, Entry entry) {
        current.put(file, entry);
    }

    /**
     * What the conversion of {@code file} with text hash {@code sourceHash} is a function of: the
     * settings, the file's place and its text. The same fingerprint means the same page.
     */
    String fingerprint(String file, String sourceHash) {
        return ContentHash.parts().add("settings", settingsKey).add("file", file).add("text", sourceHash).hex();
    }

    /** How many files this build took from the cache. */
    int reusedCount() {
        int n = 0;
        for (Map.Entry<String, Entry> e : current.entrySet()) if (previous.get(e.getKey()) == e.getValue()) n++;
        return n;
    }

    /** Writes this build's conversions (only the files that exist now), replacing the file at once. */
    public void save(Path file) throws IOException {
        SiteFiles.replace(file, out -> JSON.writeValue(out, new Stored(settingsKey, new TreeMap<>(current))));
    }
}
