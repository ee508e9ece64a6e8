package dk.dis.handbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English text rules, in the manner of Lucene's EnglishAnalyzer: words are runs of letters,
 * digits and inner apostrophes; a word is lower-cased, a possessive 's is dropped, then the
 * Porter stemmer applies. No accent folding and no compound splitting.
 * assets/js/search.js implements the same rules; the parity test holds them together.
 */
public final class EnglishText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}'’]+");

    /** Lucene's English stop words. */
    public static final Set<String> STOPWORDS;

    /** Question words (not stop words), which count little in a query (see DanishText.QUESTION_WORDS). */
    public static final Set<String> QUESTION_WORDS = Set.of("how", "what", "when", "where", "which", "who", "why");

    static {
        Set<String> stop = new TreeSet<>();
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) stop.add(new String((char[]) word));
        STOPWORDS = Collections.unmodifiableSet(stop);
    }

    /** The Porter stemmer over one already folded word (Lucene's own, so the index and the searcher agree). */
    private static final Analyzer PORTER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    private EnglishText() {}

    /** The words of a text, in order, as they were written (apostrophes at either end dropped). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (m.find()) {
            String w = trimApostrophes(m.group());
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    /** Lower case, ’ as ', no apostrophe at either end, no possessive 's ("council's" → "council"). */
    public static String fold(String word) {
        String s = trimApostrophes(Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\''));
        if (s.endsWith("'s")) s = trimApostrophes(s.substring(0, s.length() - 2));
        return s;
    }

    private static String trimApostrophes(String s) {
        int start = 0, end = s.length();
        while (start < end && isApostrophe(s.charAt(start))) start++;
        while (end > start && isApostrophe(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    public static String stem(String folded) {
        List<String> out = DanishAnalysis.tokens(PORTER, folded);
        return out.isEmpty() ? folded : out.get(0);
    }

    private static Tokenizer tokenizer() {
        return CharTokenizer.fromTokenCharPredicate(c -> DanishText.isTokenChar(c) || c == '\'' || c == '’');
    }

    private static Analyzer perWord(DanishAnalysis.WordCache cache) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, new DanishAnalysis.FormFilter(source, cache));
            }
        };
    }

    /** Indexing: words, folded, stop words out, stemmed. */
    public static Analyzer index() {
        return perWord(new DanishAnalysis.WordCache(w -> {
            String folded = fold(w);
            return folded.isEmpty() || STOPWORDS.contains(folded) ? new String[0] : new String[] {stem(folded)};
        }));
    }

    /** Surface forms: words, folded, stop words out, not stemmed. */
    public static Analyzer surface() {
        return perWord(new DanishAnalysis.WordCache(w -> {
            String folded = fold(w);
            return folded.isEmpty() || STOPWORDS.contains(folded) ? new String[0] : new String[] {folded};
        }));
    }
}
