package dk.dis.handbook.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a query, folded, each with the quoted phrase it belongs to (a quote opened and closed
 * again: {@code "…"}, {@code “…”}, {@code „…“}; an unclosed quote counts as none), and the pairs of
 * adjacent words, stop words skipped as the index skips them. assets/js/search.js reads queries the same way.
 */
final class QueryWords {

    static final String QUOTES = "\"“”„«»";

    /** @param phrase the number of its quoted phrase, or -1; {@code closed}: the phrase's quote was closed after it */
    record Word(String folded, int phrase, boolean closed) {}

    record Pair(String term, boolean inPhrase) {}

    private QueryWords() {}

    static List<Word> of(String query, SearchLanguage language) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (QUOTES.indexOf(c) >= 0) {
                segments.add(current.toString());
                current = new StringBuilder();
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        // Segments alternate outside/inside quotes; the last one is inside only if its quote was closed.
        List<Word> words = new ArrayList<>();
        int phrases = 0;
        for (int k = 0; k < segments.size(); k++) {
            boolean quoted = k % 2 == 1 && k < segments.size() - 1;
            int phrase = quoted ? phrases++ : -1;
            List<String> ws = language.words(segments.get(k));
            for (int j = 0; j < ws.size(); j++) {
                String folded = language.fold(ws.get(j));
                if (folded.isEmpty()) continue;
                words.add(new Word(folded, phrase, quoted || k < segments.size() - 1));
            }
        }
        return words;
    }

    /** Pair terms of adjacent words (none for a language without them), stop words left out. */
    static List<Pair> pairs(List<Word> words, SearchLanguage language) {
        List<Pair> out = new ArrayList<>();
        if (!language.hasPairs()) return out;
        Word previous = null;
        for (Word w : words) {
            if (language.stopwords().contains(w.folded())) continue;
            if (previous != null) {
                out.add(new Pair(language.pair(previous.folded(), w.folded()), previous.phrase() >= 0 && previous.phrase() == w.phrase()));
            }
            previous = w;
        }
        return out;
    }
}
