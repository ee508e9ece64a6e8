package dk.dis.handbook.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DanishTextTest {

    @Test
    void foldsDigraphsAndLettersToTheSameWord() {
        assertThat(DanishText.fold("NOEGLESPOERGSMAAL")).isEqualTo(DanishText.fold("Nøglespørgsmål")).isEqualTo("nøglespørgsmål");
        assertThat(DanishText.fold("Skraeddersyet")).isEqualTo("skræddersyet");
        assertThat(DanishText.fold("Idé")).isEqualTo("ide");
    }

    @Test
    void stemsInflectionsTogetherAndStemIsAPrefix() {
        String stem = DanishText.stem(DanishText.fold("principperne"));
        assertThat(DanishText.stem("principper")).isEqualTo(stem);
        assertThat("principperne").startsWith(stem);
        assertThat(DanishText.stem("nøglespørgsmålene")).isEqualTo(DanishText.stem("nøglespørgsmål"));
    }

    @Test
    void splitsWordsOnAnythingButLettersAndDigits() {
        assertThat(DanishText.words("KL’s innovations-model, 100 dage!")).containsExactly("KL", "s", "innovations", "model", "100", "dage");
    }

    @Test
    void compoundsAreAlsoIndexedByTheirParts() {
        var dictionary = new org.apache.lucene.analysis.CharArraySet(List.of("netværk", "sparring", "forløb", "test"), false);
        List<String> tokens = DanishAnalysis.tokens(DanishAnalysis.index(dictionary), "sparringsnetværket testforløb");
        assertThat(tokens).contains(DanishText.stem("netværket"), DanishText.stem("forløb"), DanishText.stem("sparringsnetværket"));
    }

    @Test
    void synonymGroupsAreStemmedAndPhrasesAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("synonymer.txt");
        Files.writeString(file, "# comment\nKB, Kommunalbestyrelsen\nKL, Kommunernes Landsforening\n");
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> synonyms = Synonyms.load(file, SearchLanguage.DA, warnings::add);
        assertThat(synonyms.get("kb")).containsExactly(DanishText.stem("kommunalbestyrelsen"));
        assertThat(synonyms.get(DanishText.stem("kommunalbestyrelse"))).containsExactly("kb");
        assertThat(synonyms).doesNotContainKey("kl");
        assertThat(warnings).singleElement().asString().contains("synonymer.txt line 3").contains("Kommunernes Landsforening");
    }

    @Test
    void editDistanceCountsASwapAsOne() {
        assertThat(SearchRules.editDistance("fishbowl", "fihsbowl")).isEqualTo(1);
        assertThat(SearchRules.editDistance("fokusgruppe", "fokusgrupe")).isEqualTo(1);
        assertThat(SearchRules.editDistance("abc", "xyz")).isEqualTo(3);
    }
}
