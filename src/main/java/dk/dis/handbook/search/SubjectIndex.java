package dk.dis.handbook.search;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Emneindeks (subject index): every word stem that occurs in a page title or section heading,
 * shown as its most common written form, with links to the sections it heads. It is the way into
 * the handbook without JavaScript.
 */
final class SubjectIndex {

    static final int MAX_LINKS = 8;

    record Link(String url, String pageTitle, String heading) {}

    record Entry(String label, List<Link> links) {}

    private SubjectIndex() {}

    static List<Entry> build(LuceneSearcher index, List<Section> sections) throws IOException {
        Map<String, String> labels = labels(index);
        Map<String, List<Integer>> headedBy = new TreeMap<>();
        for (String field : new String[] {SearchIndex.TITLE, SearchIndex.HEADING}) {
            Terms terms = MultiTerms.getTerms(index.reader(), field);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String stem = t.utf8ToString();
                if (stem.length() < 3 || stem.chars().allMatch(Character::isDigit) || !labels.containsKey(stem)) continue;
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    headedBy.computeIfAbsent(stem, k -> new ArrayList<>()).add(doc);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        headedBy.forEach((stem, docs) -> {
            Map<String, Link> byPage = new LinkedHashMap<>();
            docs.stream().sorted().forEach(doc -> {
                Section s = sections.get(doc);
                byPage.putIfAbsent(s.pageUrl(), new Link(s.url(), s.pageTitle(), s.heading()));
            });
            entries.add(new Entry(labels.get(stem), byPage.values().stream().limit(MAX_LINKS).toList()));
        });
        Collator collator = Collator.getInstance(index.language().locale());
        entries.sort((a, b) -> collator.compare(a.label(), b.label()));
        return entries;
    }

    /** For each stem, the written form that occurs in most sections. */
    private static Map<String, String> labels(LuceneSearcher index) throws IOException {
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> bestCount = new HashMap<>();
        Terms forms = MultiTerms.getTerms(index.reader(), SearchIndex.FORM);
        if (forms == null) return best;
        TermsEnum te = forms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            String form = t.utf8ToString();
            String stem = index.language().stem(form);
            int count = te.docFreq();
            if (count > bestCount.getOrDefault(stem, 0)) {
                best.put(stem, form);
                bestCount.put(stem, count);
            }
        }
        return best;
    }
}
