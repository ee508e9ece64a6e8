package dk.dis.handbook.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The editors' synonym list (content/synonymer.txt; another language's in its folder, e.g.
 * content/en/synonymer.txt): one group of words that mean the same per line, separated by
 * commas; {@code #} starts a comment. Words are folded and stemmed by the list's language, so
 * "KB, kommunalbestyrelse" also makes "kommunalbestyrelsens" find "KB".
 */
public final class Synonyms {

    public static final String FILE_NAME = "synonymer.txt";

    private Synonyms() {}

    /** Stem → the other stems of its groups. Single words only; a phrase is reported and skipped. */
    public static Map<String, List<String>> load(Path file, SearchLanguage language, Consumer<String> warn) throws IOException {
        Map<String, TreeSet<String>> byStem = new TreeMap<>();
        if (!Files.exists(file)) return Map.of();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            if (line.isBlank()) continue;
            List<String> stems = new ArrayList<>();
            for (String raw : line.split(",")) {
                String word = raw.strip();
                if (word.isEmpty()) continue;
                List<String> words = language.words(word);
                if (words.size() != 1) {
                    warn.accept(file + " line " + (n + 1) + ": \"" + word
                            + "\" is not one word and is skipped; write single words separated by commas.");
                    continue;
                }
                String folded = language.fold(words.get(0));
                if (folded.isEmpty() || language.stopwords().contains(folded)) continue;
                stems.add(language.stem(folded));
            }
            for (String a : stems) {
                for (String b : stems) {
                    if (!a.equals(b)) byStem.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        byStem.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
