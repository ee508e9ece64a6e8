package dk.dis.handbook.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the on-disk index. Each query word becomes a set of stems with weights (the word's
 * own stem, its synonyms, completions of the last word, spelling neighbours when nothing else
 * matches); a section scores the sum over the words of its best weighted stem score.
 * assets/js/search.js implements the same expansion over the exported files.
 */
public final class LuceneSearcher implements Closeable {

    public record Hit(int section, float score, String pageUrl, String pageTitle, String anchor, String heading, String excerpt) {
        public String url() {
            return anchor.isEmpty() ? pageUrl : pageUrl + "#" + anchor;
        }
    }

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Terms forms;
    private final Map<String, List<String>> synonyms;
    private final SearchLanguage language;

    public LuceneSearcher(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new IOException("No search index at " + indexDir + ": run `java -jar target/handbook.jar build` first.");
        }
        directory = FSDirectory.open(indexDir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        forms = MultiTerms.getTerms(reader, SearchIndex.FORM);
        synonyms = SearchIndex.readSynonyms(indexDir);
        language = SearchIndex.readLanguage(indexDir);
    }

    /** Searches an index that is not on disk (yet); closing the searcher leaves {@code built} open. */
    LuceneSearcher(Directory built, Map<String, List<String>> synonyms, SearchLanguage language) throws IOException {
        directory = null;
        reader = DirectoryReader.open(built);
        searcher = new IndexSearcher(reader);
        forms = MultiTerms.getTerms(reader, SearchIndex.FORM);
        this.synonyms = synonyms;
        this.language = language;
    }

    int docFreq(String stem) throws IOException {
        return reader.docFreq(new Term(SearchIndex.fieldOf(stem), stem));
    }

    /** The weighted stems of each query word (and adjacent pair) that matches anything. */
    public List<Map<String, Float>> plan(String query) throws IOException {
        return fullPlan(query).terms();
    }

    /**
     * What a query asks for: per word, and per pair of adjacent words (languages with pair terms),
     * weighted stems; an entry is required when it is part of a quoted phrase. A phrase whose word
     * or pair is nowhere in the index makes the plan empty.
     */
    public record Plan(List<Map<String, Float>> terms, List<Boolean> required) {
        static final Plan NONE = new Plan(List.of(), List.of());
    }

    public Plan fullPlan(String query) throws IOException {
        List<QueryWords.Word> words = QueryWords.of(query, language);
        boolean prefixMode = !query.isEmpty() && !Character.isWhitespace(query.charAt(query.length() - 1));
        List<Map<String, Float>> terms = new ArrayList<>();
        List<Boolean> required = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            QueryWords.Word word = words.get(i);
            String w = word.folded();
            boolean prefix = prefixMode && i == words.size() - 1 && !word.closed() && w.length() >= SearchRules.MIN_PREFIX;
            boolean stop = language.stopwords().contains(w);
            if (stop && !prefix) continue;
            Map<String, Float> stems = new LinkedHashMap<>();
            if (!stop) {
                String stem = language.stem(w);
                if (docFreq(stem) > 0) stems.put(stem, 1f);
                for (String syn : synonyms.getOrDefault(stem, List.of())) {
                    if (docFreq(syn) > 0) stems.merge(syn, SearchRules.SYNONYM_WEIGHT, Math::max);
                }
            }
            if (prefix) addCompletions(w, stems, SearchRules.PREFIX_WEIGHT);
            if (stems.isEmpty() && !stop && language.hasPairs()) {
                List<String> parts = splitByIndex(w);
                if (!parts.isEmpty()) {
                    for (String part : parts) {
                        terms.add(Map.of(part, SearchRules.SPLIT_WEIGHT));
                        required.add(word.phrase() >= 0);
                    }
                    continue;
                }
            }
            if (stems.isEmpty() && !stop && w.length() >= SearchRules.TYPO1_FROM) addNeighbours(w, stems);
            if (stems.isEmpty() && !stop && w.length() >= SearchRules.BEGINNING_FROM) addBeginnings(w, stems);
            if (!stems.isEmpty()) {
                if (language.questionWords().contains(w)) stems.replaceAll((stem, weight) -> weight * SearchRules.QUESTION_WEIGHT);
                terms.add(stems);
                required.add(word.phrase() >= 0);
            } else if (word.phrase() >= 0) {
                return Plan.NONE;
            }
        }
        for (QueryWords.Pair pair : QueryWords.pairs(words, language)) {
            if (docFreq(pair.term()) > 0) {
                terms.add(Map.of(pair.term(), SearchRules.PAIR_WEIGHT));
                required.add(pair.inPhrase());
            } else if (pair.inPhrase()) {
                return Plan.NONE;
            }
        }
        String key = SearchIndex.headingKey(language, words.stream().map(QueryWords.Word::folded).toList());
        if (key != null && docFreq(key) > 0) {
            terms.add(Map.of(key, SearchRules.KEY_WEIGHT));
            required.add(false);
        }
        return new Plan(terms, required);
    }

    /**
     * A query compound the index does not have, as the stems of two words it does have
     * ("kommunalbestyrelsesmedlem": those of "kommunalbestyrelse" and "medlem", a linking s or e
     * dropped), the longest first part first; none if there is no such split. The index's words are
     * the lexicon here, so the browser client splits the same way with nothing more to fetch.
     */
    List<String> splitByIndex(String folded) throws IOException {
        int n = folded.length();
        if (n < CompoundSplitter.MIN_COMPOUND) return List.of();
        for (int i = n - CompoundSplitter.MIN_PART; i >= CompoundSplitter.MIN_PART; i--) {
            String first = folded.substring(0, i);
            char last = first.charAt(i - 1);
            List<String> firsts = (last == 's' || last == 'e') && i - 1 >= CompoundSplitter.MIN_PART
                    ? List.of(first, first.substring(0, i - 1)) : List.of(first);
            for (String f : firsts) {
                String s1 = language.stem(f);
                if (docFreq(s1) == 0) continue;
                String s2 = language.stem(folded.substring(i));
                if (docFreq(s2) > 0) return List.of(s1, s2);
            }
        }
        return List.of();
    }

    private record Candidate(String stem, float weight, int df) {}

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparing(Candidate::weight).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::df).reversed())
            .thenComparing(Candidate::stem);

    /** The stems of the words that begin with {@code prefix}, at {@code weight}; false if there are none. */
    private boolean addCompletions(String prefix, Map<String, Float> stems, float weight) throws IOException {
        if (forms == null) return false;
        Map<String, Candidate> found = new HashMap<>();
        TermsEnum te = forms.iterator();
        if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) return false;
        for (BytesRef t = te.term(); t != null; t = te.next()) {
            String form = t.utf8ToString();
            if (!form.startsWith(prefix)) break;
            String stem = language.stem(form);
            if (!stems.containsKey(stem) && !found.containsKey(stem)) {
                found.put(stem, new Candidate(stem, weight, docFreq(stem)));
            }
        }
        take(found, stems);
        return !found.isEmpty();
    }

    /** The completions of the word's longest beginning that has any (see {@link SearchRules#BEGINNING_FROM}). */
    private void addBeginnings(String word, Map<String, Float> stems) throws IOException {
        int shortest = Math.max(SearchRules.BEGINNING_MIN, (int) Math.ceil(word.length() * SearchRules.BEGINNING_SHARE));
        for (int n = word.length() - 1; n >= shortest; n--) {
            if (addCompletions(word.substring(0, n), stems, SearchRules.BEGINNING_WEIGHT)) return;
        }
    }

    private void addNeighbours(String word, Map<String, Float> stems) throws IOException {
        if (forms == null) return;
        int maxEdits = word.length() >= SearchRules.TYPO2_FROM ? 2 : 1;
        Map<String, Candidate> found = new HashMap<>();
        FuzzyTermsEnum te = new FuzzyTermsEnum(forms, new Term(SearchIndex.FORM, word), maxEdits, 1, true);
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            String form = t.utf8ToString();
            int edits = SearchRules.editDistance(word, form);
            if (edits == 0 || edits > maxEdits) continue;
            String stem = language.stem(form);
            float weight = edits == 1 ? SearchRules.TYPO1_WEIGHT : SearchRules.TYPO2_WEIGHT;
            Candidate old = found.get(stem);
            if (old == null || old.weight() < weight) found.put(stem, new Candidate(stem, weight, docFreq(stem)));
        }
        take(found, stems);
    }

    private static void take(Map<String, Candidate> found, Map<String, Float> stems) {
        found.values().stream().sorted(BEST_FIRST).limit(SearchRules.MAX_EXPANSIONS)
                .forEach(c -> stems.put(c.stem(), c.weight()));
    }

    public Query toQuery(Plan plan) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < plan.terms().size(); i++) {
            List<Query> alternatives = new ArrayList<>();
            plan.terms().get(i).forEach((stem, weight) -> alternatives.add(new BoostQuery(SearchIndex.stemQuery(stem), weight)));
            all.add(new DisjunctionMaxQuery(alternatives, 0f), plan.required().get(i) ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    public List<Hit> search(String query, int limit) throws IOException {
        return search(query, limit, null);
    }

    /** The best sections in one part of the handbook ({@code part} as {@link Section#partOf}; null: all). */
    public List<Hit> search(String query, int limit, String part) throws IOException {
        Plan plan = fullPlan(query);
        if (plan.terms().isEmpty() || limit <= 0) return List.of();
        Query q = toQuery(plan);
        if (part != null) {
            q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(new org.apache.lucene.search.TermQuery(new Term(SearchIndex.PART, part)), BooleanClause.Occur.FILTER).build();
        }
        TopDocs top = searcher.search(q, limit);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            // The index is one segment sorted by section id: a document's number is its section's id.
            hits.add(new Hit(sd.doc, sd.score,
                    d.get(SearchIndex.PAGE_URL), d.get(SearchIndex.PAGE_TITLE), d.get(SearchIndex.ANCHOR),
                    d.get(SearchIndex.HEADING_TEXT), d.get(SearchIndex.EXCERPT)));
        }
        return hits;
    }

    public SearchLanguage language() {
        return language;
    }

    Map<String, List<String>> synonyms() {
        return synonyms;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    DirectoryReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        if (directory != null) directory.close();
    }
}
