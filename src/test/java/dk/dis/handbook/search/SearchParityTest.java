package dk.dis.handbook.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.support.TestHandbook;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The browser client (assets/js/search.js, run in Node over the exported files) ranks like the
 * Lucene searcher over the index on disk, in each language: same top ten in the same order, apart
 * from ties; and each language's exported index finds that language's pages only.
 */
class SearchParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record JsHit(int id, double score) {}

    record JsResult(String query, String part, List<JsHit> hits) {}

    static String node(String mode, Object input, BuiltHandbook built) throws Exception {
        return node(mode, input, built, "da");
    }

    static String node(String mode, Object input, BuiltHandbook built, String locale) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node",
                TestHandbook.REPO.resolve("src/test/resources/search/run-engine.js").toString(),
                TestHandbook.REPO.resolve("assets/js/search.js").toString(),
                built.site().toString(), built.metaUrl(locale), mode, locale);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        p.getOutputStream().write(JSON.writeValueAsBytes(input));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node did not finish");
        }
        assertThat(p.exitValue()).as("node exit code").isZero();
        return out;
    }

    /** Parity queries: the labelled set, the same while typing (prefixes) and some more. */
    static List<String> queries() {
        List<String> qs = typing(BuiltHandbook.labelledQueries());
        qs.addAll(List.of("borger", "politisk model", "digitalisering og innovation", "sam", "test", "mødet den 12. december",
                "kommunalbestyrelsen ", "Værdi", "udforsk idé test implementer værdi", "aeldre", "innovationsprojekter i 2018",
                "innovation tager tid", "\"innovation tager tid\"", "\"tid tager innovation\"", "\"innovation tager ti", "iværksætter projekt",
                "interessenter", "„hurtigste vej“ til handling", "\"radikal\" innovation", "iværksætterprojektets ", "\"sparringsnetværk\"",
                "borgerfeedback", "sparringsrumstilbud ", "\"borgerfeedback\" lab", "facilitatorteamettes ", "facilitatorteamettes", "innovationsprincipperene "));
        return qs;
    }

    /** English parity queries: the labelled English set, while typing, and words the two languages share. */
    static List<String> englishQueries() {
        List<String> qs = typing(BuiltHandbook.englishQueries());
        qs.addAll(List.of("the council", "innovation", "Kommunalbestyrelsen", "digitalisation and innovation", "follow",
                "DIS model", "political principles ", "Gentofte Municipality's", "don’t", "steps ", "co"));
        return qs;
    }

    private static List<String> typing(List<BuiltHandbook.LabelledQuery> labelled) {
        List<String> qs = new ArrayList<>();
        for (BuiltHandbook.LabelledQuery q : labelled) {
            qs.add(q.query());
            qs.add(q.query() + " ");
            if (q.query().length() > 4) qs.add(q.query().substring(0, q.query().length() - 2));
        }
        return qs;
    }

    @Test
    void clientRanksLikeLucene() throws Exception {
        assertParity("da", queries());
    }

    /** Filtered by part of the handbook, the client and Lucene agree too, and keep to the part. */
    @Test
    void clientFiltersByPartLikeLucene() throws Exception {
        List<List<String>> input = new ArrayList<>();
        for (String part : List.of("trin-1", "trin-3", "idekatalog", "moeder")) {
            for (String q : List.of("borgere", "innovation tager tid", "test", "sparring")) input.add(List.of(q, part));
        }
        BuiltHandbook built = BuiltHandbook.get();
        List<JsResult> js = JSON.readValue(node("search", input, built), new TypeReference<List<JsResult>>() {});
        int nonEmpty = 0;
        try (LuceneSearcher searcher = new LuceneSearcher(built.indexDir())) {
            for (JsResult r : js) {
                List<LuceneSearcher.Hit> lucene = searcher.search(r.query(), 200, r.part());
                assertThat(lucene).allMatch(h -> h.pageUrl().startsWith("/" + r.part() + "/"));
                Map<Integer, Float> luceneScore = new HashMap<>();
                lucene.forEach(h -> luceneScore.put(h.section(), h.score()));
                assertThat(r.hits()).as(r.query() + " in " + r.part()).hasSize(Math.min(10, lucene.size()));
                // Same ranks apart from ties: the client's hit at each rank scores as Lucene's hit there (hundredths).
                for (int i = 0; i < r.hits().size(); i++) {
                    Float own = luceneScore.get(r.hits().get(i).id());
                    assertThat(own).as(r.query() + " in " + r.part() + " #" + (i + 1)).isNotNull();
                    assertThat((double) own).isCloseTo(lucene.get(i).score(), org.assertj.core.data.Offset.offset(0.05));
                }
                if (!lucene.isEmpty()) nonEmpty++;
            }
        }
        assertThat(nonEmpty).isGreaterThan(input.size() / 2);
    }

    @Test
    void englishClientRanksLikeEnglishLucene() throws Exception {
        assertParity("en", englishQueries());
    }

    private static void assertParity(String locale, List<String> queries) throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        List<JsResult> js = JSON.readValue(node("search", queries, built, locale), new TypeReference<List<JsResult>>() {});
        assertThat(js).hasSize(queries.size());
        int compared = 0, nonEmpty = 0;
        List<String> problems = new ArrayList<>();
        try (LuceneSearcher searcher = new LuceneSearcher(built.indexDir(locale))) {
            assertThat(searcher.language().code()).isEqualTo(locale);
            for (JsResult r : js) {
                // Scores are exported in hundredths: each planned term may be off by half of one, times its weight.
                double weights = searcher.plan(r.query()).stream()
                        .mapToDouble(m -> m.values().stream().mapToDouble(Float::doubleValue).max().orElse(1)).sum();
                double tolerance = 0.006 * Math.max(1, weights) + 1e-4;
                List<LuceneSearcher.Hit> lucene = searcher.search(r.query(), 200);
                Map<Integer, Float> luceneScore = new HashMap<>();
                lucene.forEach(h -> luceneScore.put(h.section(), h.score()));
                int n = Math.min(10, lucene.size());
                if (r.hits().size() != n) {
                    problems.add(r.query() + ": " + r.hits().size() + " client hits, Lucene " + n);
                    continue;
                }
                if (n > 0) nonEmpty++;
                for (int i = 0; i < n; i++) {
                    JsHit hit = r.hits().get(i);
                    Float lucenesOwn = luceneScore.get(hit.id());
                    float expected = lucene.get(i).score();
                    if (lucenesOwn == null || Math.abs(lucenesOwn - expected) > 2 * tolerance
                            || Math.abs(hit.score() - lucenesOwn) > tolerance) {
                        problems.add(r.query() + " #" + (i + 1) + ": client " + hit + ", Lucene section "
                                + lucene.get(i).section() + " " + expected);
                    }
                    compared++;
                }
            }
        }
        System.out.printf("search parity (%s): %d queries, %d non-empty, %d ranks compared, %d differences%n",
                locale, queries.size(), nonEmpty, compared, problems.size());
        assertThat(problems).isEmpty();
        assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
    }

    @Test
    void clientFoldsAndStemsLikeLuceneOnTheWholeVocabulary() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        List<String> words = new ArrayList<>(List.of("Nøglespørgsmålene", "NOEGLESPOERGSMAAL", "Idéer", "Møder", "aae",
                "kommunalbestyrelsens", "løst", "vigtigst", "hurtigste", "testforløbet", "ét", "Ärger", "Öl"));
        try (LuceneSearcher searcher = new LuceneSearcher(built.indexDir())) {
            TermsEnum te = MultiTerms.getTerms(searcher.reader(), SearchIndex.FORM).iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) words.add(t.utf8ToString());
        }
        List<List<String>> js = JSON.readValue(node("stem", words, built), new TypeReference<List<List<String>>>() {});
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String folded = DanishText.fold(words.get(i));
            List<String> expected = List.of(folded, DanishText.stem(folded));
            if (!expected.equals(js.get(i))) differences.add(words.get(i) + ": Java " + expected + ", client " + js.get(i));
        }
        assertThat(words).hasSizeGreaterThan(1000);
        assertThat(differences).isEmpty();
    }

    @Test
    void englishClientFoldsAndStemsLikeLuceneOnTheWholeEnglishVocabulary() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        List<String> words = new ArrayList<>(List.of("Council's", "council’s", "students'", "'quoted'", "don't", "Agreed",
                "hopping", "generalization", "ponies", "caresses", "relational", "sensibility", "biology", "oscillators",
                "controll", "happy", "ion", "sky", "feed", "filing", "hopefulness", "electrical", "Digitalisation"));
        try (LuceneSearcher searcher = new LuceneSearcher(built.indexDir("en"))) {
            TermsEnum te = MultiTerms.getTerms(searcher.reader(), SearchIndex.FORM).iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) words.add(t.utf8ToString());
        }
        List<List<String>> js = JSON.readValue(node("stem", words, built, "en"), new TypeReference<List<List<String>>>() {});
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String folded = EnglishText.fold(words.get(i));
            List<String> expected = List.of(folded, EnglishText.stem(folded));
            if (!expected.equals(js.get(i))) differences.add(words.get(i) + ": Java " + expected + ", client " + js.get(i));
        }
        assertThat(words).hasSizeGreaterThan(500);
        assertThat(differences).isEmpty();
    }

    record JsPages(String query, List<String> urls) {}

    /** Words both languages' pages use: each language's client index still finds its own pages only. */
    @Test
    void eachLanguagesClientIndexFindsItsOwnPagesOnly() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        List<String> shared = List.of("Kommunalbestyrelsen", "Opgaveudvalget", "innovation", "DIS", "Gentofte", "principper");
        List<String> danish = new ArrayList<>(shared);
        danish.addAll(List.of("politisk retning", "nøglespørgsmål"));
        List<JsPages> da = JSON.readValue(node("records", danish, built, "da"), new TypeReference<List<JsPages>>() {});
        assertThat(da).allSatisfy(r -> assertThat(r.urls()).as(r.query()).isNotEmpty().noneMatch(u -> u.startsWith("/en/")));
        List<String> english = new ArrayList<>(shared);
        english.addAll(List.of("principles", "political direction", "key questions"));
        List<JsPages> en = JSON.readValue(node("records", english, built, "en"), new TypeReference<List<JsPages>>() {});
        assertThat(en).allSatisfy(r -> assertThat(r.urls()).as(r.query()).isNotEmpty().allMatch(u -> u.startsWith("/en/")));
        JsPages principles = en.stream().filter(r -> r.query().equals("principles")).findFirst().orElseThrow();
        assertThat(principles.urls().get(0)).isEqualTo("/en/trin-1/");
        JsPages direction = en.stream().filter(r -> r.query().equals("political direction")).findFirst().orElseThrow();
        assertThat(direction.urls().get(0)).isEqualTo("/en/trin-2/");
    }
}
