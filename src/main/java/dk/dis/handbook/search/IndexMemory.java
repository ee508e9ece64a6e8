package dk.dis.handbook.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the last build's index stage read, kept beside its Lucene indexes: every page's stamp and
 * sections, and each page's vocabulary in a language that splits compounds. With it, the next
 * build reads only pages whose file changed and analyses only pages whose sections (or whose
 * compounds' possible parts) changed; see {@link SearchIndex#update}.
 */
final class IndexMemory {

    static final String FILE = "memory.smile";
    private static final int FORMAT = 1;
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * @param vocabulary every word of {@code words}, once
     * @param words      the vocabulary of each page (by URL) in a language that splits compounds, as places in {@code vocabulary}
     */
    record Stored(int format, String key, List<SectionExtractor.PageFound> pages, List<String> vocabulary, Map<String, int[]> words) {}

    private final Stored stored;
    private final Map<String, SectionExtractor.PageFound> byPath = new HashMap<>();

    private IndexMemory(Stored stored) {
        this.stored = stored;
        for (SectionExtractor.PageFound p : stored.pages()) byPath.put(p.path(), p);
    }

    static IndexMemory none() {
        return new IndexMemory(new Stored(FORMAT, "", List.of(), List.of(), Map.of()));
    }

    static IndexMemory of(String key, List<SectionExtractor.PageFound> pages, Map<String, List<String>> words) {
        Map<String, Integer> place = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        Map<String, int[]> byPage = new HashMap<>();
        words.forEach((url, list) -> {
            int[] places = new int[list.size()];
            for (int i = 0; i < places.length; i++) {
                places[i] = place.computeIfAbsent(list.get(i), w -> {
                    vocabulary.add(w);
                    return vocabulary.size() - 1;
                });
            }
            byPage.put(url, places);
        });
        return new IndexMemory(new Stored(FORMAT, key, List.copyOf(pages), vocabulary, byPage));
    }

    /** The memory in {@code indexDir} if it was written under {@code key}; otherwise none. */
    static IndexMemory read(Path indexDir, String key) {
        Path file = indexDir.resolve(FILE);
        if (key == null || !Files.isRegularFile(file)) return none();
        try {
            Stored stored = SMILE.readValue(file.toFile(), Stored.class);
            if (stored.format() != FORMAT || !key.equals(stored.key()) || stored.pages() == null || stored.words() == null
                    || stored.vocabulary() == null) return none();
            return new IndexMemory(stored);
        } catch (IOException | RuntimeException e) {
            // An unreadable memory only costs indexing every page again.
            return none();
        }
    }

    void write(Path file) throws IOException {
        SMILE.writeValue(file.toFile(), stored);
    }

    boolean isEmpty() {
        return stored.pages().isEmpty();
    }

    /** What the last build found in the page at {@code path} (relative to the site), or null. */
    SectionExtractor.PageFound page(String path) {
        return byPath.get(path);
    }

    /** The pages the last build read, in path order. */
    List<SectionExtractor.PageFound> pages() {
        return stored.pages();
    }

    /** The vocabulary of the page at {@code url}, or null when the last build did not keep one. */
    List<String> words(String url) {
        int[] places = stored.words().get(url);
        if (places == null) return null;
        String[] out = new String[places.length];
        for (int i = 0; i < places.length; i++) out[i] = stored.vocabulary().get(places[i]);
        return List.of(out);
    }
}
