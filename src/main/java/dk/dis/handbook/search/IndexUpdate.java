package dk.dis.handbook.search;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one language's index is written: from scratch, or from the last build's index with only the
 * pages that need it analysed again. A page needs it when its file changed, or, in a language that
 * splits compounds, when it has a long word that a word that came into or left the handbook's
 * vocabulary could be a part of (the split of such a word may differ now).
 */
final class IndexUpdate {

    /** Above this share of pages analysed again, a fresh index is as cheap. */
    private static final double MOST = 0.5;
    /** So many words in or out of the vocabulary: analysed from scratch. */
    private static final int MANY_WORDS = 500;

    private final SearchLanguage language;
    private final List<Section> sections;
    /** Null: a fresh index. */
    private final int[] newIdOfOld;
    private final List<Section> fresh;
    private final int analysed;

    private IndexUpdate(SearchLanguage language, List<Section> sections, int[] newIdOfOld, List<Section> fresh, int analysed) {
        this.language = language;
        this.sections = sections;
        this.newIdOfOld = newIdOfOld;
        this.fresh = fresh;
        this.analysed = analysed;
    }

    /**
     * @param sections    this build's sections of the language, ids from 0
     * @param before      the last build's, ids from 0 (null: there is no last build to start from)
     * @param reused      URLs of pages whose file is the one the last build read
     * @param words       each page's vocabulary now (empty for a language that does not split compounds)
     * @param beforeWords each page's vocabulary in the last build
     */
    static IndexUpdate plan(SearchLanguage language, List<Section> sections, List<Section> before, Set<String> reused,
                            Map<String, List<String>> words, Map<String, List<String>> beforeWords) {
        Map<String, int[]> pagesNow = ranges(sections);
        IndexUpdate scratch = new IndexUpdate(language, sections, null, sections, pagesNow.size());
        if (before == null) return scratch;
        Map<String, int[]> pagesBefore = ranges(before);
        Set<String> again = new HashSet<>();
        for (String url : pagesNow.keySet()) {
            int[] was = pagesBefore.get(url);
            if (!reused.contains(url) || was == null || was[1] != pagesNow.get(url)[1]) again.add(url);
        }
        if (language.splitsCompounds()) {
            Set<String> changed = changedWords(words, beforeWords);
            if (changed.size() > MANY_WORDS) return scratch;
            Set<String> affected = wordsContainingAPartOf(changed, words, beforeWords);
            if (!affected.isEmpty()) {
                words.forEach((url, w) -> {
                    for (String word : w) {
                        if (affected.contains(word)) {
                            again.add(url);
                            break;
                        }
                    }
                });
            }
        }
        if (again.size() > MOST * pagesNow.size()) return scratch;
        int[] newIdOfOld = new int[before.size()];
        Arrays.fill(newIdOfOld, -1);
        List<Section> fresh = new ArrayList<>();
        for (Map.Entry<String, int[]> page : pagesNow.entrySet()) {
            int[] now = page.getValue();
            if (again.contains(page.getKey())) {
                fresh.addAll(sections.subList(now[0], now[0] + now[1]));
            } else {
                int[] was = pagesBefore.get(page.getKey());
                for (int k = 0; k < now[1]; k++) newIdOfOld[was[0] + k] = now[0] + k;
            }
        }
        return new IndexUpdate(language, sections, newIdOfOld, fresh, again.size());
    }

    /**
     * Writes the index into {@code index}, starting from the last build's in {@code previousDir}
     * when the plan allows; returns how many pages were analysed.
     */
    int writeInto(Directory index, Set<String> vocabulary, Path previousDir) throws IOException {
        if (newIdOfOld == null || !Files.isDirectory(previousDir)) {
            SearchIndex.write(sections, language, vocabulary, index);
            return ranges(sections).size();
        }
        try (FSDirectory previous = FSDirectory.open(previousDir)) {
            SearchIndex.update(previous, newIdOfOld, fresh, language, vocabulary, index);
        }
        return analysed;
    }

    /** Each page's first section id and number of sections, in order. */
    private static Map<String, int[]> ranges(List<Section> sections) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Section s : sections) {
            int[] r = out.get(s.pageUrl());
            if (r == null) out.put(s.pageUrl(), new int[] {s.id(), 1});
            else r[1]++;
        }
        return out;
    }

    /** Words in the vocabulary now and not before, or before and not now. */
    static Set<String> changedWords(Map<String, List<String>> words, Map<String, List<String>> beforeWords) {
        Map<String, Integer> now = new HashMap<>();
        for (List<String> w : words.values()) for (String word : w) now.merge(word, 1, Integer::sum);
        Set<String> was = new HashSet<>();
        for (List<String> w : beforeWords.values()) was.addAll(w);
        Set<String> changed = new HashSet<>();
        for (String word : now.keySet()) if (!was.contains(word)) changed.add(word);
        for (String word : was) if (!now.containsKey(word)) changed.add(word);
        return changed;
    }

    /**
     * The words (of {@link CompoundSplitter#MIN_COMPOUND} letters or more) whose split may use one
     * of {@code changed}. The splitter knows a part by the lexicon or the vocabulary, and an
     * inflected last part by its stem, so a changed word that the lexicon has, with a stem the
     * lexicon has, changes nothing. Otherwise a part it could be is a substring of the word: the
     * changed word itself, without a final "e" (a part before a linking "s"), or its stem (a prefix).
     */
    static Set<String> wordsContainingAPartOf(Set<String> changed, Map<String, List<String>> words, Map<String, List<String>> beforeWords) {
        if (changed.isEmpty()) return Set.of();
        Set<String> lexicon = DanishLexicon.system().orElse(Set.of());
        Set<String> lexiconStems = DanishLexicon.systemStems().orElse(Set.of());
        Set<String> cores = new HashSet<>();
        for (String v : changed) {
            String stem = DanishText.stem(v);
            boolean known = lexicon.contains(v), knownStem = lexiconStems.contains(stem);
            if (known && knownStem) continue;
            String core = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
            if (!knownStem && stem.length() < core.length()) core = stem;
            cores.add(core);
        }
        if (cores.isEmpty()) return Set.of();
        Set<String> all = new HashSet<>();
        words.values().forEach(all::addAll);
        beforeWords.values().forEach(all::addAll);
        Set<String> out = new HashSet<>();
        for (String w : all) {
            if (w.length() < CompoundSplitter.MIN_COMPOUND) continue;
            for (String core : cores) {
                if (!core.isEmpty() && w.contains(core)) {
                    out.add(w);
                    break;
                }
            }
        }
        return out;
    }
}
