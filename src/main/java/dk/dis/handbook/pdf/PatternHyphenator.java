package dk.dis.handbook.pdf;

import com.openhtmltopdf.extend.Hyphenator;
import org.apache.fop.hyphenation.Hyphenation;
import org.apache.fop.hyphenation.HyphenationTree;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyphenation for the PDFs' text: TeX's hyphenation patterns for the handbook's language (from the
 * OFFO pattern files, read by Apache FOP's hyphenation), as soft hyphens the layout may break at.
 */
final class PatternHyphenator implements Hyphenator {
    private static final char SOFT_HYPHEN = '\u00AD';
    private static final Pattern WORD = Pattern.compile("\\p{L}{5,}");
    /** At least two letters before and after a break, as in Danish typesetting. */
    private static final int MIN_BEFORE = 2;
    private static final int MIN_AFTER = 2;

    private final HyphenationTree patterns;

    private PatternHyphenator(HyphenationTree patterns) {
        this.patterns = patterns;
    }

    /** The patterns for a language ("da", "en"), or null when there are none. */
    static PatternHyphenator forLanguage(String language) throws IOException {
        InputStream in = PatternHyphenator.class.getResourceAsStream("/hyph/" + language + ".hyp");
        if (in == null) return null;
        try (ObjectInputStream objects = new ObjectInputStream(new BufferedInputStream(in))) {
            // The pattern file is a serialized HyphenationTree: accept nothing else.
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "org.apache.fop.hyphenation.*;java.lang.*;java.util.*;!*"));
            return new PatternHyphenator((HyphenationTree) objects.readObject());
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("hyph/" + language + ".hyp: not a hyphenation pattern file", e);
        }
    }

    @Override
    public String hyphenateText(String text) {
        Matcher word = WORD.matcher(text);
        if (!word.find()) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int done = 0;
        do {
            out.append(text, done, word.start());
            out.append(hyphenate(word.group()));
            done = word.end();
        } while (word.find());
        return out.append(text, done, text.length()).toString();
    }

    /** One word with soft hyphens at its break points. */
    String hyphenate(String word) {
        Hyphenation points;
        synchronized (patterns) {
            points = patterns.hyphenate(word, MIN_BEFORE, MIN_AFTER);
        }
        if (points == null) return word;
        StringBuilder out = new StringBuilder(word.length() + 8);
        int done = 0;
        for (int at : points.getHyphenationPoints()) {
            out.append(word, done, at).append(SOFT_HYPHEN);
            done = at;
        }
        return out.append(word.substring(done)).toString();
    }
}
