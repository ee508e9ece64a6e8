package dk.dis.handbook.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.SiteFiles;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the index as static files the browser client fetches piece by piece, every name
 * carrying a hash of its content (so they can be cached forever):
 * <ul>
 *   <li>{@code meta.HASH.json}: rules, stop words, synonyms, and the first key of every shard;</li>
 *   <li>{@code dHASH} dictionary shards: {@code form stemLength df} per line, forms sorted
 *       (a stem that is a prefix of its word, as Danish Snowball stems are, is given by its length;
 *       any other, as English "polici" of "policy", is written out after "=");</li>
 *   <li>posting shards: {@code stem df id.score id.score…}, ids delta-coded, both base 36;
 *       scores are Lucene's BM25 (with field boosts) times {@link SearchRules#SCORE_SCALE};</li>
 *   <li>{@code r-HASH/N.json}: section records (page, title, anchor, heading, excerpt),
 *       {@link SearchRules#RECORD_CHUNK} per file, fetched only for results shown.</li>
 * </ul>
 */
final class StaticExport {

    static final int DICTIONARY_SHARD_BYTES = 6 * 1024;
    static final int POSTING_SHARD_BYTES = 12 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(String metaUrl, int files, long bytes) {}

    private final Path dir;
    private final String urlBase;
    private final Path previousDir;
    private int files;
    private long bytes;

    private StaticExport(Path dir, String urlBase, Path previousDir) {
        this.dir = dir;
        this.urlBase = urlBase;
        this.previousDir = previousDir;
    }

    /** Exports into {@code dir}, whose URL on the site is {@code urlBase} (ending in /). */
    static Result write(LuceneSearcher index, List<Section> sections, Path dir, String urlBase) throws IOException {
        return write(index, sections, dir, urlBase, null);
    }

    /**
     * As {@link #write(LuceneSearcher, List, Path, String)}; a file that {@code previousDir} (the
     * published site's copy of {@code dir}) already has under the same name, which carries a hash of
     * its content, is kept rather than written again.
     */
    static Result write(LuceneSearcher index, List<Section> sections, Path dir, String urlBase, Path previousDir) throws IOException {
        Files.createDirectories(dir);
        return new StaticExport(dir, urlBase, previousDir).run(index, sections);
    }

    private Result run(LuceneSearcher index, List<Section> sections) throws IOException {
        if (index.reader().maxDoc() != sections.size() || index.reader().leaves().size() > 1) {
            throw new IllegalStateException("search index is not one segment in section order");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", 1);
        meta.put("language", index.language().code());
        meta.put("sections", sections.size());
        meta.put("rules", SearchRules.asMap());
        meta.put("pairs", index.language().hasPairs());
        meta.put("stopwords", index.language().stopwords());
        meta.put("questionWords", new java.util.TreeSet<>(index.language().questionWords()));
        meta.put("synonyms", index.synonyms());
        meta.put("dictionary", dictionary(index));
        meta.put("postings", postings(index));
        meta.put("records", records(sections));
        meta.put("parts", parts(sections));
        byte[] body = JSON.writeValueAsBytes(meta);
        String name = "meta." + hash(body) + ".json";
        save(dir.resolve(name), body);
        return new Result(urlBase + name, files, bytes);
    }

    private List<List<String>> dictionary(LuceneSearcher index) throws IOException {
        Shards shards = new Shards("d", DICTIONARY_SHARD_BYTES);
        Terms forms = MultiTerms.getTerms(index.reader(), SearchIndex.FORM);
        if (forms != null) {
            TermsEnum te = forms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String form = t.utf8ToString();
                String stem = index.language().stem(form);
                String stemField = form.startsWith(stem) ? Integer.toString(stem.length(), 36) : "=" + stem;
                shards.add(form, form + " " + stemField + " " + Integer.toString(index.docFreq(stem), 36));
            }
        }
        return shards.finish();
    }

    private List<List<String>> postings(LuceneSearcher index) throws IOException {
        Shards shards = new Shards("p", POSTING_SHARD_BYTES);
        // Stems and heading keys, in one sorted list (the shards are cut in term order).
        List<Map.Entry<BytesRef, Integer>> all = new ArrayList<>();
        for (String field : List.of(SearchIndex.STEMS, SearchIndex.KEY)) {
            Terms terms = MultiTerms.getTerms(index.reader(), field);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) all.add(Map.entry(BytesRef.deepCopyOf(t), te.docFreq()));
        }
        if (all.isEmpty()) return shards.finish();
        all.sort(Map.Entry.comparingByKey());
        List<String> words = new ArrayList<>(all.size());
        List<Integer> dfs = new ArrayList<>(all.size());
        for (Map.Entry<BytesRef, Integer> e : all) {
            words.add(e.getKey().utf8ToString());
            dfs.add(e.getValue());
        }
        // Each word is scored on its own, so the words are shared out over the cores.
        int n = index.reader().maxDoc();
        WordScorer scorer = new WordScorer(index);
        String[] lines = new String[words.size()];
        // A few blocks of words in order per core, each with its own enumerators and score arrays.
        int blocks = Math.min(words.size(), 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, blocks).parallel().forEach(b -> {
            WordScorer.Block block = scorer.block(n);
            try {
                for (int i = (int) ((long) words.size() * b / blocks); i < (int) ((long) words.size() * (b + 1) / blocks); i++) {
                    lines[i] = postingLine(block, words.get(i), dfs.get(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (int i = 0; i < lines.length; i++) shards.add(words.get(i), lines[i]);
        return shards.finish();
    }

    private static String postingLine(WordScorer.Block block, String stem, int df) throws IOException {
        float[] scores = block.scores;
        int[] ids = Arrays.copyOf(block.hits, block.score(stem));
        // Keep the best-scoring sections only: a word in thousands of sections says little.
        if (ids.length > SearchRules.MAX_POSTINGS) ids = best(ids, scores, SearchRules.MAX_POSTINGS);
        Arrays.sort(ids);
        StringBuilder line = new StringBuilder(stem).append(' ').append(Integer.toString(df, 36));
        int previous = 0;
        for (int id : ids) {
            int q = Math.max(1, Math.round(scores[id] * SearchRules.SCORE_SCALE));
            line.append(' ').append(Integer.toString(id - previous, 36)).append('.').append(Integer.toString(q, 36));
            previous = id;
        }
        return line.toString();
    }

    /**
     * Scores every section a word is in as the searcher scores {@link SearchIndex#stemQuery}: each
     * field's BM25 score with its boost, summed in double precision as Lucene sums a disjunction.
     * It reads the word's postings field by field, without a query per word: on the handbook that
     * takes the export of an edited page's build from about 0.55 s to about 0.15 s.
     */
    private static final class WordScorer {
        private record Field(String name, float boost, Terms terms, CollectionStatistics statistics) {}

        private final IndexSearcher searcher;
        private final LeafReader leaf;
        private final List<Field> stemFields = new ArrayList<>();
        private final List<Field> keyFields = new ArrayList<>();

        WordScorer(LuceneSearcher index) throws IOException {
            searcher = index.searcher();
            leaf = index.reader().leaves().get(0).reader();
            add(stemFields, SearchIndex.SUMMARY, SearchRules.SUMMARY_BOOST);
            add(stemFields, SearchIndex.TITLE, SearchRules.TITLE_BOOST);
            add(stemFields, SearchIndex.HEADING, SearchRules.HEADING_BOOST);
            add(stemFields, SearchIndex.BODY, 1f);
            add(keyFields, SearchIndex.KEY, 1f);
        }

        private void add(List<Field> fields, String name, float boost) throws IOException {
            Terms terms = leaf.terms(name);
            CollectionStatistics statistics = searcher.collectionStatistics(name);
            if (terms != null && statistics != null) fields.add(new Field(name, boost, terms, statistics));
        }

        Block block(int sections) {
            return new Block(sections);
        }

        /** One thread's share: enumerators of the fields' terms and postings, reused from word to word (the words come in order). */
        final class Block {
            private final Map<String, TermsEnum> terms = new java.util.HashMap<>();
            private final Map<String, PostingsEnum> postings = new java.util.HashMap<>();
            private final double[] sums;
            final float[] scores;
            final int[] hits;

            private Block(int sections) {
                sums = new double[sections];
                scores = new float[sections];
                hits = new int[sections];
            }

            /** Fills {@link #scores} for the word's sections, listed in {@link #hits}; returns how many. */
            int score(String word) throws IOException {
                BytesRef term = new BytesRef(word);
                int count = 0;
                for (Field field : word.contains(SearchIndex.KEY_MARK) ? keyFields : stemFields) {
                    TermsEnum te = terms.get(field.name());
                    if (te == null) {
                        te = field.terms().iterator();
                        terms.put(field.name(), te);
                    }
                    if (!te.seekExact(term)) continue;
                    TermStatistics statistics = searcher.termStatistics(new Term(field.name(), term), te.docFreq(), te.totalTermFreq());
                    LeafSimScorer sim = new LeafSimScorer(
                            searcher.getSimilarity().scorer(field.boost(), field.statistics(), statistics), leaf, field.name(), true);
                    PostingsEnum docs = te.postings(postings.get(field.name()), PostingsEnum.FREQS);
                    postings.put(field.name(), docs);
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (sums[doc] == 0) hits[count++] = doc;
                        sums[doc] += sim.score(doc, docs.freq());
                    }
                }
                for (int i = 0; i < count; i++) {
                    scores[hits[i]] = (float) sums[hits[i]];
                    sums[hits[i]] = 0;
                }
                return count;
            }
        }
    }

    /** The {@code keep} best-scoring ids (ties: lower id first), in id order. */
    static int[] best(int[] ids, float[] scores, int keep) {
        float[] sorted = new float[ids.length];
        for (int i = 0; i < ids.length; i++) sorted[i] = scores[ids[i]];
        Arrays.sort(sorted);
        float threshold = sorted[ids.length - keep];
        int above = 0;
        for (float s : sorted) if (s > threshold) above++;
        int tiesAllowed = keep - above;
        int[] out = new int[keep];
        int n = 0;
        int[] inOrder = ids.clone();
        Arrays.sort(inOrder);
        for (int id : inOrder) {
            if (scores[id] > threshold) out[n++] = id;
            else if (scores[id] == threshold && tiesAllowed > 0) {
                out[n++] = id;
                tiesAllowed--;
            }
        }
        return out;
    }

    /** Each part's sections as ranges of ids [first, last] (pages are numbered in URL order, so a part is mostly one range). */
    static Map<String, List<int[]>> parts(List<Section> sections) {
        Map<String, List<int[]>> parts = new java.util.TreeMap<>();
        for (Section s : sections) {
            if (s.part().isEmpty()) continue;
            List<int[]> ranges = parts.computeIfAbsent(s.part(), k -> new ArrayList<>());
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] == s.id() - 1) last[1] = s.id();
            else ranges.add(new int[] {s.id(), s.id()});
        }
        return parts;
    }

    private String records(List<Section> sections) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        MessageDigest all = ContentHash.digest();
        for (int start = 0; start < sections.size(); start += SearchRules.RECORD_CHUNK) {
            List<List<String>> chunk = new ArrayList<>();
            for (Section s : sections.subList(start, Math.min(sections.size(), start + SearchRules.RECORD_CHUNK))) {
                chunk.add(List.of(s.pageUrl(), s.pageTitle(), s.anchor(), s.heading(), SearchIndex.excerpt(s.text())));
            }
            byte[] body = JSON.writeValueAsBytes(chunk);
            all.update(body);
            chunks.add(body);
        }
        String folder = "r-" + ContentHash.hex(all).substring(0, ContentHash.NAME_DIGITS);
        Files.createDirectories(dir.resolve(folder));
        for (int i = 0; i < chunks.size(); i++) save(dir.resolve(folder).resolve(i + ".json"), chunks.get(i));
        return urlBase + folder + "/";
    }

    /** Sorted lines cut into files of about {@code target} bytes; returns [first key, URL] per file. */
    private final class Shards {
        private final String prefix;
        private final int target;
        private final List<List<String>> list = new ArrayList<>();
        private StringBuilder current = new StringBuilder();
        private String firstKey;

        Shards(String prefix, int target) {
            this.prefix = prefix;
            this.target = target;
        }

        void add(String key, String line) throws IOException {
            if (firstKey != null && current.length() >= target) flush();
            if (firstKey == null) firstKey = key;
            current.append(line).append('\n');
        }

        private void flush() throws IOException {
            byte[] body = current.toString().getBytes(StandardCharsets.UTF_8);
            String name = prefix + list.size() + "." + hash(body) + ".txt";
            save(dir.resolve(name), body);
            list.add(List.of(firstKey, urlBase + name));
            current = new StringBuilder();
            firstKey = null;
        }

        List<List<String>> finish() throws IOException {
            if (firstKey != null) flush();
            return list;
        }
    }

    private void save(Path file, byte[] body) throws IOException {
        Path kept = previousDir == null ? null : previousDir.resolve(dir.relativize(file));
        if (kept != null && Files.isRegularFile(kept) && Files.size(kept) == body.length) {
            SiteFiles.reuse(kept, file);
        } else {
            Files.write(file, body);
        }
        files++;
        bytes += body.length;
    }

    static String hash(byte[] body) {
        return ContentHash.ofName(body);
    }
}
