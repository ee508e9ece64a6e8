package dk.dis.handbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.tartarus.snowball.ext.DanishStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Lucene analyzers built from {@link DanishText}'s rules. */
public final class DanishAnalysis {

    /** Shortest word that may be a compound, and shortest part of one. */
    static final int MIN_COMPOUND = 7;
    static final int MIN_PART = 4;
    static final int MAX_PART = 20;

    private DanishAnalysis() {}

    /** Folds each token with {@link DanishText#fold}. */
    static final class FoldFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            String folded = DanishText.fold(term.toString());
            term.setEmpty().append(folded);
            return true;
        }
    }

    private static Tokenizer tokenizer() {
        return CharTokenizer.fromTokenCharPredicate(DanishText::isTokenChar);
    }

    private static CharArraySet stopSet() {
        return new CharArraySet(DanishText.STOPWORDS, false);
    }

    /**
     * Indexing: words, folded, stop words out, compounds also indexed by their parts (parts are
     * words of the corpus vocabulary {@code dictionary}), then stemmed.
     */
    public static Analyzer index(CharArraySet dictionary) {
        CharArraySet stop = stopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                TokenStream s = new StopFilter(new FoldFilter(source), stop);
                s = new DictionaryCompoundWordTokenFilter(s, dictionary, MIN_COMPOUND, MIN_PART, MAX_PART, true);
                s = new SnowballFilter(s, new DanishStemmer());
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** Surface forms: words, folded, stop words out, not stemmed (the vocabulary). */
    public static Analyzer surface() {
        CharArraySet stop = stopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, new StopFilter(new FoldFilter(source), stop));
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
