package dk.dis.handbook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits a folded Danish word into the words it is made of: a cover of the whole word by known
 * words (the lexicon's and the handbook's), each of at least {@link #MIN_PART} letters, a linking
 * "s" or "e" allowed after a part, the last part in any inflection (its stem is a known word's
 * stem). The split with the fewest parts wins, and each part is split again, so
 * "sundhedsdataprojektet" gives "sundhedsdata", "projektet", "sundhed", "data".
 */
final class CompoundSplitter {

    static final int MIN_COMPOUND = 7;
    static final int MIN_PART = 4;

    private final Predicate<String> word;
    private final Predicate<String> listed;
    private final Predicate<String> lastPart;

    /**
     * @param words  known folded words (the lexicon's and the handbook's)
     * @param listed words the lexicon lists as words of their own (split only into longer parts)
     * @param stems  the stems of the known words of {@link #MIN_PART} letters or more (for an inflected last part)
     */
    CompoundSplitter(Predicate<String> words, Predicate<String> listed, Predicate<String> stems) {
        this.word = words;
        this.listed = listed;
        this.lastPart = p -> {
            if (words.test(p)) return true;
            String stem = DanishText.stem(p);
            return stem.length() >= MIN_PART - 1 && stems.test(stem);
        };
    }

    /** All parts of {@code folded} and of its parts, as written; empty when it is not a compound. */
    List<String> parts(String folded) {
        Set<String> out = new LinkedHashSet<>();
        collect(folded, out);
        out.remove(folded);
        return new ArrayList<>(out);
    }

    private void collect(String w, Set<String> out) {
        List<String> split = bestSplit(w);
        for (String p : split) {
            if (out.add(p)) collect(p, out);
        }
    }

    /** The fewest-parts split of {@code w} into two or more parts, or none. */
    List<String> bestSplit(String w) {
        int n = w.length();
        if (n < MIN_COMPOUND) return List.of();
        // A listed word splits only into longer parts ("projektleder", not "sparring" into "spar" and "ring").
        int minPart = listed.test(w) ? MIN_PART + 1 : MIN_PART;
        // The split must inflect as the whole word does: "politikerne" (stem "politik") is not "politi" + "kerne".
        String wholeStem = DanishText.stem(w);
        // cost[i]: fewest parts covering w[i..]; next[i]: where the part starting at i ends; gap[i]: a linking letter after it.
        int[] cost = new int[n + 1];
        int[] next = new int[n + 1];
        boolean[] gap = new boolean[n + 1];
        java.util.Arrays.fill(cost, Integer.MAX_VALUE);
        for (int i = n - minPart; i >= 0; i--) {
            // The whole word is not a split of itself, even when it is a known word ("projektleder" still splits).
            String last = w.substring(i);
            if (i > 0 && lastPart.test(last) && wholeStem.equals(w.substring(0, i) + DanishText.stem(last))) {
                cost[i] = 1;
                next[i] = n;
            }
            // Longer first parts are tried first, so among equal splits the longest first part wins.
            for (int j = n - minPart; j >= i + minPart; j--) {
                String part = w.substring(i, j);
                boolean known = word.test(part);
                if (known && cost[j] != Integer.MAX_VALUE && cost[j] + 1 < cost[i]) {
                    cost[i] = cost[j] + 1;
                    next[i] = j;
                    gap[i] = false;
                }
                // A linking s or e; before an s a word's final e may go ("arbejde" in "arbejdsgruppe").
                char link = w.charAt(j);
                boolean linked = (link == 's' || link == 'e') && (known || link == 's' && word.test(part + "e"));
                if (linked && j + 1 <= n - minPart && cost[j + 1] != Integer.MAX_VALUE && cost[j + 1] + 1 < cost[i]) {
                    cost[i] = cost[j + 1] + 1;
                    next[i] = j;
                    gap[i] = true;
                }
            }
        }
        if (cost[0] == Integer.MAX_VALUE) return List.of();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < n) {
            parts.add(w.substring(i, next[i]));
            i = next[i] + (gap[i] ? 1 : 0);
        }
        return parts;
    }
}
