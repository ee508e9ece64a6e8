package dk.dis.handbook.search;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.tartarus.snowball.ext.DanishStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Danish text rules shared by the index, the Lucene searcher and the browser client
 * (assets/js/search.js implements the same rules; the parity test holds them together):
 * words are runs of letters and digits; a word is lower-cased, accents are dropped (é→e, ä→æ,
 * ö→ø) and the digraphs aa/oe/ae become å/ø/æ, so "noeglespoergsmaal" and "nøglespørgsmål"
 * are one word; then Snowball's Danish stemmer applies.
 */
public final class DanishText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

    /** Danish stop words (Lucene's list), folded like every other word. */
    public static final Set<String> STOPWORDS;

    static {
        Set<String> stop = new TreeSet<>();
        CharArraySet lucene = DanishAnalyzer.getDefaultStopSet();
        for (Object word : lucene) stop.add(fold(new String((char[]) word)));
        STOPWORDS = java.util.Collections.unmodifiableSet(stop);
    }

    /**
     * Question words that are not stop words: a question's topic is in its other words, so these
     * count little in a query (they still belong to a heading's key: "Hvordan følges op?").
     */
    public static final Set<String> QUESTION_WORDS = Set.of("hvordan", "hvem", "hvornår", "hvilke", "hvilken", "hvilket", "hvorfor", "hvorledes");

    private DanishText() {}

    /** Lower-cases and folds one word or a whole text (see the class comment). */
    public static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                char digraph = c == 'a' && d == 'a' ? 'å' : c == 'o' && d == 'e' ? 'ø' : c == 'a' && d == 'e' ? 'æ' : 0;
                if (digraph != 0) {
                    out.append(digraph);
                    i++;
                    continue;
                }
            }
            out.append(plain(c));
        }
        return out.toString();
    }

    private static char plain(char c) {
        return switch (c) {
            case 'é', 'è', 'ê', 'ë' -> 'e';
            case 'á', 'à', 'â' -> 'a';
            case 'ä' -> 'æ';
            case 'ö' -> 'ø';
            case 'í', 'ì', 'î', 'ï' -> 'i';
            case 'ó', 'ò', 'ô' -> 'o';
            case 'ú', 'ù', 'û', 'ü' -> 'u';
            default -> c;
        };
    }

    /** The words of a text, in order, as they were written (not folded). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (m.find()) words.add(m.group());
        return words;
    }

    /** Snowball's Danish stem of an already folded word. Not thread-safe stemmer, so one per call. */
    public static String stem(String folded) {
        DanishStemmer stemmer = new DanishStemmer();
        stemmer.setCurrent(folded);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * The pair term of two adjacent folded words: the stem of the two written together, so
     * "iværksætter projekt" gives the stem of "iværksætterprojekt" (a compound and its parts written
     * apart meet) and a phrase's words meet in order.
     */
    public static String pair(String firstFolded, String secondFolded) {
        return stem(firstFolded + secondFolded);
    }

    public static boolean isTokenChar(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
