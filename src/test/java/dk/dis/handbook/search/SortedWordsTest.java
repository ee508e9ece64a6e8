package dk.dis.handbook.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedWordsTest {

    @Test
    void findsEveryWordItHoldsAndNoOther() {
        Set<String> words = Set.of("ø", "øre", "år", "aarhus", "zebra", "æble", "a", "fisk", "fiskebolle");
        byte[] lines = SortedWords.encode(words);
        SortedWords set = SortedWords.of(lines, 0, lines.length);
        assertEquals(words.size(), set.size());
        for (String w : words) assertTrue(set.contains(w), w);
        for (String w : List.of("", "b", "fis", "fiskebollen", "æbl", "øs", "zz", "å")) assertFalse(set.contains(w), w);
        assertEquals(words, Set.copyOf(set));
        List<String> inOrder = new ArrayList<>(set);
        assertEquals(inOrder.stream().sorted().toList(), inOrder, "Danish letters sort after a–z, as their code points do");
    }

    @Test
    void theRememberedLexiconIsTheOneWrittenAndOnlyUnderItsHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lexicon.txt");
        Set<String> words = Set.of("kommunalbestyrelse", "borger", "sparring", "udvalg");
        Set<String> stems = Set.of("kommunalbestyr", "borg", "sparring", "udvalg");
        DanishLexicon.writeRemembered(file, "lexicon v1 abc", words, stems);
        DanishLexicon.Remembered kept = DanishLexicon.readRemembered(file, "lexicon v1 abc");
        assertEquals(words, kept.words());
        assertEquals(stems, kept.stems());
        assertNull(DanishLexicon.readRemembered(file, "lexicon v1 abd"), "another code or lexicon file: worked out again");
        assertNull(DanishLexicon.readRemembered(dir.resolve("none.txt"), "lexicon v1 abc"));
        Files.writeString(file, "lexicon v1 abc\nborger\n");
        assertNull(DanishLexicon.readRemembered(file, "lexicon v1 abc"), "a file cut short is not used");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no part file left behind");
        }
    }
}
