package dk.dis.handbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.tartarus.snowball.ext.DanishStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lucene analyzers built from {@link DanishText}'s rules. */
public final class DanishAnalysis {

    /** Shortest word that may be a compound, and shortest part of one. */
    static final int MIN_COMPOUND = 7;
    static final int MIN_PART = 4;
    static final int MAX_PART = 20;

    private DanishAnalysis() {}

    private static Tokenizer tokenizer() {
        return CharTokenizer.fromTokenCharPredicate(DanishText::isTokenChar);
    }

    private static CharArraySet stopSet() {
        return new CharArraySet(DanishText.STOPWORDS, false);
    }

    /**
     * Indexing: words, folded, stop words out, compounds also indexed by their parts (parts are
     * words of the corpus vocabulary {@code dictionary}), then stemmed. A corpus repeats its words
     * a lot, so each word's stems are worked out once by Lucene's filters and then remembered.
     */
    public static Analyzer index(CharArraySet dictionary) {
        CharArraySet stop = stopSet();
        Analyzer perWord = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream s = new DictionaryCompoundWordTokenFilter(source, dictionary, MIN_COMPOUND, MIN_PART, MAX_PART, true);
                return new TokenStreamComponents(source, new SnowballFilter(s, new DanishStemmer()));
            }
        };
        WordCache stems = new WordCache(w -> {
            String folded = DanishText.fold(w);
            if (stop.contains(folded)) return new String[0];
            return tokens(perWord, folded).stream().distinct().toArray(String[]::new);
        });
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, new StemsFilter(source, stems));
            }
        };
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

    /**
     * Replaces each word by its stems (folded; none for a stop word): the first at the word's
     * position, compound parts stacked on it.
     */
    static final class StemsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final WordCache stems;
        private String[] pending;
        private int next;

        StemsFilter(TokenStream input, WordCache stems) {
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
            while (input.incrementToken()) {
                pending = stems.get(term.buffer(), term.length());
                if (pending.length == 0) continue;
                next = 1;
                term.setEmpty().append(pending[0]);
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
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
                return new TokenStreamComponents(source, new StemsFilter(source, form));
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
