package dk.dis.handbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.function.Function;

/** Lucene analyzers built from {@link DanishText}'s rules. */
public final class DanishAnalysis {

    /** Shortest word kept in the handbook's vocabulary for splitting compounds. */
    static final int MIN_PART = CompoundSplitter.MIN_PART;

    private DanishAnalysis() {}

    private static Tokenizer tokenizer() {
        return CharTokenizer.fromTokenCharPredicate(DanishText::isTokenChar);
    }

    private static CharArraySet stopSet() {
        return new CharArraySet(DanishText.STOPWORDS, false);
    }

    /**
     * Indexing: words, folded, stop words out, then stemmed; a compound is also indexed by the stems
     * of its parts ({@link CompoundSplitter}: the lexicon's words and the handbook's vocabulary
     * {@code dictionary}), and each word next to the one before it also by their pair term
     * ({@link DanishText#pair}), so adjacent query words and compounds written apart match. A corpus
     * repeats its words a lot, so each word's stems are worked out once and then remembered.
     */
    public static Analyzer index(CharArraySet dictionary) {
        CharArraySet stop = stopSet();
        Set<String> lexicon = DanishLexicon.system().orElse(Set.of());
        Set<String> lexiconStems = DanishLexicon.systemStems().orElse(Set.of());
        Set<String> vocabularyStems = new HashSet<>();
        for (Object w : dictionary) vocabularyStems.add(DanishText.stem(new String((char[]) w)));
        CompoundSplitter splitter = new CompoundSplitter(
                p -> lexicon.contains(p) || dictionary.contains(p), lexicon::contains,
                st -> lexiconStems.contains(st) || vocabularyStems.contains(st));
        WordCache stems = new WordCache(w -> {
            String folded = DanishText.fold(w);
            if (stop.contains(folded)) return new String[0];
            String stem = DanishText.stem(folded);
            Set<String> partStems = new LinkedHashSet<>();
            for (String part : splitter.parts(folded)) partStems.add(DanishText.stem(part));
            partStems.remove(stem);
            List<String> out = new ArrayList<>();
            out.add(folded); // the folded word itself (for pairs), then its stem, then its parts' stems
            out.add(stem);
            out.addAll(partStems);
            return out.toArray(String[]::new);
        });
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, new PairedStemsFilter(source, stems));
            }
        };
    }


    /**
     * Each word's stems (the cache gives the folded word first, then the stems): the first stem at
     * the word's position, the compound parts' stems and the pair term with the word before stacked on it.
     */
    static final class PairedStemsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final WordCache stems;
        private String[] pending;
        private int next;
        private String previous;
        private String pair;

        PairedStemsFilter(TokenStream input, WordCache stems) {
            super(input);
            this.stems = stems;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null && next < pending.length) {
                term.setEmpty().append(pending[next++]);
                position.setPositionIncrement(0);
                return true;
            }
            if (pair != null) {
                term.setEmpty().append(pair);
                position.setPositionIncrement(0);
                pair = null;
                return true;
            }
            while (input.incrementToken()) {
                String[] found = stems.get(term.buffer(), term.length());
                if (found.length == 0) continue;
                pending = found;
                next = 2;
                String pairTerm = previous == null ? null : DanishText.pair(previous, found[0]);
                pair = pairTerm == null || java.util.Arrays.asList(found).subList(1, found.length).contains(pairTerm) ? null : pairTerm;
                previous = found[0];
                term.setEmpty().append(found[1]);
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
            previous = null;
            pair = null;
        }
    }

    /** Each written word's tokens, worked out once; looked up without allocating (tokens repeat a lot). */
    static final class WordCache {
        // One map per thread: sections are indexed on every core, and a shared map would need a lock per word.
        private final ThreadLocal<CharArrayMap<String[]>> perThread = ThreadLocal.withInitial(() -> new CharArrayMap<>(4096, false));
        private final Function<String, String[]> compute;

        WordCache(Function<String, String[]> compute) {
            this.compute = compute;
        }

        String[] get(char[] buffer, int length) {
            CharArrayMap<String[]> known = perThread.get();
            String[] found = known.get(buffer, 0, length);
            if (found == null) {
                String word = new String(buffer, 0, length);
                found = compute.apply(word);
                known.put(word, found);
            }
            return found;
        }
    }

    /** Replaces each word by its one form from the cache, or drops it when the cache has none (a stop word). */
    static final class FormFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final WordCache forms;

        FormFilter(TokenStream input, WordCache forms) {
            super(input);
            this.forms = forms;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                String[] found = forms.get(term.buffer(), term.length());
                if (found.length == 0) continue;
                term.setEmpty().append(found[0]);
                return true;
            }
            return false;
        }
    }

    /** Surface forms: words, folded, stop words out, not stemmed (the vocabulary). */
    public static Analyzer surface() {
        CharArraySet stop = stopSet();
        WordCache form = new WordCache(w -> {
            String folded = DanishText.fold(w);
            return stop.contains(folded) ? new String[0] : new String[] {folded};
        });
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, new FormFilter(source, form));
            }
        };
    }

    /** The tokens an analyzer makes of a text. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
