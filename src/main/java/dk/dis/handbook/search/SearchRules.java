package dk.dis.handbook.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a query is expanded and scored. The exported metadata carries these numbers to the browser
 * client, so the Lucene searcher and the client rank by the same rules.
 */
public final class SearchRules {
    private SearchRules() {}

    /** Field boosts: a page title counts most, then a section heading, then the text. */
    public static final float TITLE_BOOST = 3f;
    public static final float HEADING_BOOST = 2f;
    /** A page's summary counts this much besides being part of its introduction's text. */
    public static final float SUMMARY_BOOST = 1f;
    /** Weight of a heading key that equals the query's (see SearchIndex.headingKey). */
    public static final float KEY_WEIGHT = 2f;
    /** A question word's weight in a query ("hvordan" in "hvordan kobles borgerne til medarbejdere"). */
    public static final float QUESTION_WEIGHT = 0.3f;
    /** Weight of each part of a query compound that is nowhere in the index, split into two words that are. */
    public static final float SPLIT_WEIGHT = 0.9f;

    public static final float SYNONYM_WEIGHT = 0.9f;
    /** Weight of a pair term: adjacent query words that stand next to each other (or written as one) in a section. */
    public static final float PAIR_WEIGHT = 1f;
    public static final float PREFIX_WEIGHT = 0.8f;
    public static final float TYPO1_WEIGHT = 0.7f;
    public static final float TYPO2_WEIGHT = 0.5f;
    /**
     * A long word found nowhere, not even within two typos, stands for the words that begin as its
     * longest beginning the index has, of at least BEGINNING_MIN letters and BEGINNING_SHARE of the
     * word ("samarbejdsdrevne" for the forms of "samarbejdsdreven…"), at this weight.
     */
    public static final int BEGINNING_FROM = 8;
    public static final int BEGINNING_MIN = 6;
    public static final double BEGINNING_SHARE = 0.6;
    public static final float BEGINNING_WEIGHT = 0.4f;
    /** Most words a prefix or a typo expands to (highest document frequency first). */
    public static final int MAX_EXPANSIONS = 10;
    /** Shortest last word that is completed as a prefix. */
    public static final int MIN_PREFIX = 3;
    /** Word lengths from which one and two typos are forgiven. */
    public static final int TYPO1_FROM = 5;
    public static final int TYPO2_FROM = 8;

    /** Scores are exported as integers of 1/SCORE_SCALE. */
    public static final int SCORE_SCALE = 100;
    /** Each word's postings keep its best-scoring sections only. */
    public static final int MAX_POSTINGS = 1000;
    /** Section records per fetched file. */
    public static final int RECORD_CHUNK = 8;
    /** Longest excerpt kept per section (characters). */
    public static final int EXCERPT_CHARS = 360;

    static Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synonymWeight", SYNONYM_WEIGHT);
        m.put("pairWeight", PAIR_WEIGHT);
        m.put("keyWeight", KEY_WEIGHT);
        m.put("splitWeight", SPLIT_WEIGHT);
        m.put("questionWeight", QUESTION_WEIGHT);
        m.put("minCompound", CompoundSplitter.MIN_COMPOUND);
        m.put("minPart", CompoundSplitter.MIN_PART);
        m.put("prefixWeight", PREFIX_WEIGHT);
        m.put("typo1Weight", TYPO1_WEIGHT);
        m.put("typo2Weight", TYPO2_WEIGHT);
        m.put("beginningFrom", BEGINNING_FROM);
        m.put("beginningMin", BEGINNING_MIN);
        m.put("beginningShare", BEGINNING_SHARE);
        m.put("beginningWeight", BEGINNING_WEIGHT);
        m.put("maxExpansions", MAX_EXPANSIONS);
        m.put("minPrefix", MIN_PREFIX);
        m.put("typo1From", TYPO1_FROM);
        m.put("typo2From", TYPO2_FROM);
        m.put("scoreScale", SCORE_SCALE);
        m.put("recordChunk", RECORD_CHUNK);
        return m;
    }

    /** Optimal string alignment distance (edits, with adjacent transpositions), as Lucene's fuzzy matching counts. */
    public static int editDistance(String a, String b) {
        int[] ca = a.codePoints().toArray(), cb = b.codePoints().toArray();
        int[][] d = new int[ca.length + 1][cb.length + 1];
        for (int i = 0; i <= ca.length; i++) d[i][0] = i;
        for (int j = 0; j <= cb.length; j++) d[0][j] = j;
        for (int i = 1; i <= ca.length; i++) {
            for (int j = 1; j <= cb.length; j++) {
                int cost = ca[i - 1] == cb[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] && ca[i - 2] == cb[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[ca.length][cb.length];
    }
}
