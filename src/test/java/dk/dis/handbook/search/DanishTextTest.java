package dk.dis.handbook.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void compoundsSplitIntoKnownWordsThatInflectAsTheWhole() {
        java.util.Set<String> words = java.util.Set.of("interessent", "analyse", "iværksætter", "projekt", "politi", "kerne",
                "politiker", "arbejde", "gruppe", "møde", "udvalg", "sparring", "spar", "ring", "netværk");
        java.util.Set<String> stems = new java.util.HashSet<>();
        words.forEach(w -> stems.add(DanishText.stem(w)));
        CompoundSplitter splitter = new CompoundSplitter(words::contains, java.util.Set.of("sparring")::contains, stems::contains);
        assertThat(splitter.parts("interessentanalysen")).containsExactly("interessent", "analysen");
        assertThat(splitter.parts("iværksætterprojekterne")).containsExactly("iværksætter", "projekterne");
        assertThat(splitter.parts("arbejdsgrupperne")).containsExactly("arbejd", "grupperne");
        assertThat(splitter.parts("udvalgsmøderne")).containsExactly("udvalg", "møderne");
        assertThat(splitter.parts("sparringsnetværket")).containsExactly("sparring", "netværket");
        // Not a split: the whole word inflects otherwise, or a listed word would fall into short parts.
        assertThat(splitter.parts("politikerne")).isEmpty();
        assertThat(splitter.parts("sparring")).isEmpty();
        assertThat(splitter.parts("analyse")).isEmpty();
    }

    @Test
    void theLexiconIsAHunspellWordListFoldedAndAnUnreadableOneIsNamed(@TempDir Path dir) throws Exception {
        Path dic = dir.resolve("da_DK.dic");
        Files.writeString(dic, "4\nInteressent/10,11\nværktøj/5\nEU/3\n-årig/24\n");
        assertThat(DanishLexicon.read(dic)).containsExactlyInAnyOrder("interessent", "værktøj");
        Path empty = dir.resolve("empty.dic");
        Files.writeString(empty, "0\n");
        assertThatThrownBy(() -> DanishLexicon.read(empty)).hasMessageContaining(empty.toString()).hasMessageContaining(DanishLexicon.PATH_VARIABLE);
        assertThat(DanishLexicon.missingMessage()).contains(DanishLexicon.path().toString()).contains("apt-get install hunspell-da");
    }

    @Test
    void adjacentWordsAreAlsoIndexedAsOnePairTerm() {
        var dictionary = new org.apache.lucene.analysis.CharArraySet(List.of("netværk"), false);
        List<String> tokens = DanishAnalysis.tokens(DanishAnalysis.index(dictionary), "Innovation tager tid og iværksætter projekter");
        // Stop words ("og") are skipped, so their neighbours pair; the pair of words written apart is the compound's stem.
        assertThat(tokens).contains(DanishText.pair("innovation", "tager"), DanishText.pair("tager", "tid"),
                DanishText.pair("tid", "iværksætter"), DanishText.stem("iværksætterprojekter"));
        assertThat(DanishText.pair("iværksætter", "projekter")).isEqualTo(DanishText.stem("iværksætterprojektet"));
    }

    @Test
    void queryWordsKnowTheirQuotedPhrase() {
        List<QueryWords.Word> ws = QueryWords.of("radikal \"innovation tager\" tid „start småt", SearchLanguage.DA);
        assertThat(ws).extracting(QueryWords.Word::phrase).containsExactly(-1, 0, 0, -1, -1, -1);
        assertThat(QueryWords.pairs(ws, SearchLanguage.DA)).extracting(QueryWords.Pair::inPhrase)
                .containsExactly(false, true, false, false, false);
        assertThat(QueryWords.pairs(QueryWords.of("principles of innovation", SearchLanguage.EN), SearchLanguage.EN)).isEmpty();
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
