package dk.dis.handbook.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The labelled Danish queries find what they should in the first three hits of the Lucene searcher. */
class SearchQualityTest {

    static boolean matches(String target, LuceneSearcher.Hit hit) {
        return target.contains("#") ? target.equals(hit.url()) : target.equals(hit.pageUrl());
    }

    @Test
    void labelledQueriesFindTheirTargetInTheTopThree() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        List<BuiltHandbook.LabelledQuery> queries = BuiltHandbook.labelledQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(queries.stream().map(BuiltHandbook.LabelledQuery::kind).distinct())
                .contains("inflection", "compound", "spelling", "typo", "prefix", "synonym", "phrase");
        List<String> misses = new ArrayList<>();
        try (LuceneSearcher searcher = new LuceneSearcher(built.indexDir())) {
            for (BuiltHandbook.LabelledQuery q : queries) {
                List<LuceneSearcher.Hit> top = searcher.search(q.query(), 3);
                boolean found = top.stream().anyMatch(hit -> q.targets().stream().anyMatch(t -> matches(t, hit)));
                if (!found) misses.add(q.kind() + " \"" + q.query() + "\" → " + top.stream().map(LuceneSearcher.Hit::url).toList());
            }
        }
        double share = 1.0 - (double) misses.size() / queries.size();
        System.out.printf("search quality: top-3 %.1f %% of %d queries; misses: %s%n", share * 100, queries.size(), misses);
        assertThat(share).as("top-3 share; misses: %s", misses).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void foldedSpellingsAndTheirLettersGiveTheSameHits() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(BuiltHandbook.get().indexDir())) {
            List<String> letters = searcher.search("nøglespørgsmål ", 10).stream().map(LuceneSearcher.Hit::url).toList();
            List<String> digraphs = searcher.search("NOEGLESPOERGSMAAL ", 10).stream().map(LuceneSearcher.Hit::url).toList();
            assertThat(letters).isNotEmpty().isEqualTo(digraphs);
        }
    }

    @Test
    void aPartOfACompoundFindsTheCompound() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(BuiltHandbook.get().indexDir())) {
            assertThat(searcher.search("netværk ", 5)).extracting(LuceneSearcher.Hit::heading)
                    .anyMatch(h -> h.toLowerCase().contains("sparringsnetværk"));
            assertThat(searcher.search("forløb ", 20)).extracting(LuceneSearcher.Hit::heading)
                    .anyMatch(h -> h.contains("testforløb"));
        }
    }

    @Test
    void nonsenseFindsNothing() throws Exception {
        try (LuceneSearcher searcher = new LuceneSearcher(BuiltHandbook.get().indexDir())) {
            assertThat(searcher.search("xqzvwk ", 10)).isEmpty();
            assertThat(searcher.search("og i ", 10)).isEmpty();
        }
    }
}
