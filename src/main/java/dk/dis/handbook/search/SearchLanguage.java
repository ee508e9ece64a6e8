package dk.dis.handbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The languages the search can analyse, each with its own index: how a text becomes words, a
 * written word its surface form (folded) and a surface form its stem. The browser client has the
 * same languages (assets/js/search.js) and picks one by the {@code language} of the exported index.
 */
public enum SearchLanguage {

    /** Danish: aa/oe/ae and accents folded, compounds also found by their parts, Snowball stems. */
    DA {
        @Override
        public List<String> words(String text) {
            return DanishText.words(text);
        }

        @Override
        public String fold(String word) {
            return DanishText.fold(word);
        }

        @Override
        public String stem(String folded) {
            return DanishText.stem(folded);
        }

        @Override
        public Set<String> stopwords() {
            return DanishText.STOPWORDS;
        }

        @Override
        public Set<String> questionWords() {
            return DanishText.QUESTION_WORDS;
        }

        @Override
        Analyzer surface() {
            return DanishAnalysis.surface();
        }

        @Override
        public boolean hasPairs() {
            return true;
        }

        @Override
        public String pair(String firstFolded, String secondFolded) {
            return DanishText.pair(firstFolded, secondFolded);
        }

        @Override
        Analyzer index(Set<String> vocabulary) {
            CharArraySet words = new CharArraySet(Math.max(8192, vocabulary.size()), false);
            words.addAll(vocabulary);
            return DanishAnalysis.index(words);
        }

        @Override
        boolean splitsCompounds() {
            return true;
        }
    },

    /** English: lower case, possessive 's dropped, Porter stems. */
    EN {
        @Override
        public List<String> words(String text) {
            return EnglishText.words(text);
        }

        @Override
        public String fold(String word) {
            return EnglishText.fold(word);
        }

        @Override
        public String stem(String folded) {
            return EnglishText.stem(folded);
        }

        @Override
        public Set<String> stopwords() {
            return EnglishText.STOPWORDS;
        }

        @Override
        public Set<String> questionWords() {
            return EnglishText.QUESTION_WORDS;
        }

        @Override
        Analyzer surface() {
            return EnglishText.surface();
        }

        @Override
        Analyzer index(Set<String> vocabulary) {
            return EnglishText.index();
        }
    };

    /** The language's code, as in handbook.yml's locales and the pages' {@code <html lang>}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The words of a text, in order, as written. */
    public abstract List<String> words(String text);

    /** One written word as the index keeps it: lower case and folded ("" when nothing is left). */
    public abstract String fold(String word);

    /** The stem of a folded word. */
    public abstract String stem(String folded);

    /** Folded stop words: not indexed, and skipped in queries. */
    public abstract Set<String> stopwords();

    /** Folded question words: indexed, but of little weight in a query ({@link SearchRules#QUESTION_WEIGHT}). */
    public abstract Set<String> questionWords();

    /** Whether adjacent words are also indexed as one pair term (see {@link DanishText#pair}). */
    public boolean hasPairs() {
        return false;
    }

    /** The pair term of two adjacent folded words, for a language that has them. */
    public String pair(String firstFolded, String secondFolded) {
        throw new UnsupportedOperationException(code() + " has no pair terms");
    }

    /** Surface forms: folded words, stop words out (prefixes and typos are matched against these). */
    abstract Analyzer surface();

    /** The stems of a text; {@code sections} are the corpus being indexed (Danish splits compounds by its words). */
    /** The indexing analysis, given the handbook's vocabulary (see {@link SearchIndex#words}) for splitting compounds. */
    abstract Analyzer index(Set<String> vocabulary);

    /** True when the analysis of a section depends on the vocabulary of the whole handbook. */
    boolean splitsCompounds() {
        return false;
    }

    /** The language of a code such as "en" or "en-GB". */
    public static Optional<SearchLanguage> of(String code) {
        if (code == null) return Optional.empty();
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (SearchLanguage l : values()) {
            if (l.code().equals(primary)) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The codes of all languages, for messages. */
    public static String codes() {
        return String.join(", ", java.util.Arrays.stream(values()).map(SearchLanguage::code).toList());
    }
}
