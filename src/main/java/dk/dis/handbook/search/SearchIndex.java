package dk.dis.handbook.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The on-disk Lucene index of the sections: its fields, how it is written, and the per-word query. */
public final class SearchIndex {

    static final String TITLE = "title";
    static final String HEADING = "heading";
    /** The page's summary (its lead), in the introduction only. */
    static final String SUMMARY = "summary";
    /** The heading's (the introduction's: the page title's) key, see {@link #headingKey}. */
    static final String KEY = "key";
    /** Ends each stem of a heading key; no word contains it, and a key sorts just after its first stem (the same shard, mostly). */
    static final String KEY_MARK = "!";
    /** The section's heading (or page title) and text: every stem of the section is here. */
    static final String BODY = "body";
    /** Where a stem's document frequency and the list of all stems come from. */
    static final String STEMS = BODY;
    /** The surface forms (folded, not stemmed): prefixes and typos are matched against these. */
    static final String FORM = "form";
    static final String SECTION_ID = "sid";
    /** The part of the handbook (see {@link Section#partOf}), for filtering. */
    static final String PART = "part";
    static final String PAGE_URL = "pageUrl";
    static final String PAGE_TITLE = "pageTitle";
    static final String ANCHOR = "anchor";
    static final String HEADING_TEXT = "headingText";
    static final String EXCERPT = "excerpt";

    static final String SYNONYMS_FILE = "synonyms.json";
    /** The index's language code (its analysis), beside the index files. */
    static final String LANGUAGE_FILE = "language.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final FieldType DOCS_ONLY = new FieldType();
    /**
     * The scored fields: BM25 needs each word's frequency and the field's length, not where the words
     * are (word order is matched by pairs indexed as terms of their own), so no positions are kept.
     */
    private static final FieldType SCORED = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
        DOCS_ONLY.setTokenized(true);
        DOCS_ONLY.setOmitNorms(true);
        DOCS_ONLY.freeze();
        SCORED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        SCORED.freeze();
    }

    private SearchIndex() {}

    /** A page's vocabulary: every folded word of at least {@link DanishAnalysis#MIN_PART} letters in its sections. */
    static Set<String> words(List<Section> pageSections, Analyzer surface) {
        Set<String> found = new java.util.TreeSet<>();
        for (Section s : pageSections) {
            for (String text : List.of(s.pageTitle(), s.heading(), s.text())) {
                for (String w : DanishAnalysis.tokens(surface, text)) if (w.length() >= DanishAnalysis.MIN_PART) found.add(w);
            }
        }
        return found;
    }

    private static IndexWriterConfig config(Analyzer analyzer) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setIndexSort(new Sort(new SortField(SECTION_ID, SortField.Type.LONG)))
                .setRAMBufferSizeMB(256);
    }

    private static Analyzer analyzer(SearchLanguage language, Set<String> vocabulary) {
        return new PerFieldAnalyzerWrapper(language.index(vocabulary), Map.of(FORM, language.surface()));
    }

    /** Writes a fresh index of {@code sections}, all in one language, into {@code directory}. */
    static void write(List<Section> sections, SearchLanguage language, Set<String> vocabulary, Directory directory) throws IOException {
        // Sections are analysed on every core; sorting the index by section id keeps a document's
        // number equal to its section's place, whatever order the threads added them in.
        try (IndexWriter writer = new IndexWriter(directory, config(analyzer(language, vocabulary)))) {
            addAll(writer, sections, language);
            writer.forceMerge(1);
            writer.commit();
        }
    }

    /**
     * Writes into {@code directory} the index a fresh {@link #write} would: the documents of
     * {@code previous} (one segment in section order) that {@code newIdOfOld} keeps (at its new id;
     * -1 drops it), copied as they were analysed, and {@code fresh} analysed now, merged into one
     * segment in section order.
     */
    static void update(Directory previous, int[] newIdOfOld, List<Section> fresh, SearchLanguage language, Set<String> vocabulary,
                       Directory directory) throws IOException {
        Analyzer analyzer = analyzer(language, vocabulary);
        try (ByteBuffersDirectory added = new ByteBuffersDirectory();
             DirectoryReader before = DirectoryReader.open(previous)) {
            if (before.leaves().size() != 1 || before.maxDoc() != newIdOfOld.length) {
                throw new IllegalStateException("the previous search index is not the one its memory describes");
            }
            try (IndexWriter writer = new IndexWriter(added, config(analyzer))) {
                addAll(writer, fresh, language);
                writer.commit();
            }
            try (DirectoryReader addedReader = DirectoryReader.open(added);
                 IndexWriter writer = new IndexWriter(directory, config(analyzer))) {
                List<CodecReader> parts = new ArrayList<>();
                parts.add(new RenumberedSections((CodecReader) before.leaves().get(0).reader(), newIdOfOld));
                for (LeafReaderContext leaf : addedReader.leaves()) parts.add((CodecReader) leaf.reader());
                writer.addIndexes(parts.toArray(CodecReader[]::new));
                writer.forceMerge(1);
                writer.commit();
            }
        }
    }

    private static void addAll(IndexWriter writer, List<Section> sections, SearchLanguage language) throws IOException {
        try {
            sections.parallelStream().forEach(s -> {
                try {
                    writer.addDocument(document(s, language));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The key of a heading or query: the stems of its words in order, stop words and numbers left
     * out, each followed by {@link #KEY_MARK} ("fas!udforsk!" for "Fase 1: Udforsk"); null when none is left. A
     * query with a heading's key equals that heading, and the section comes first.
     */
    static String headingKey(SearchLanguage language, List<String> foldedWords) {
        List<String> stems = new java.util.ArrayList<>();
        for (String w : foldedWords) {
            if (w.isEmpty() || language.stopwords().contains(w) || w.chars().allMatch(Character::isDigit)) continue;
            stems.add(language.stem(w));
        }
        if (stems.isEmpty()) return null;
        StringBuilder key = new StringBuilder();
        for (String stem : stems) key.append(stem).append(KEY_MARK);
        return key.toString();
    }

    private static Document document(Section s, SearchLanguage language) {
                Document doc = new Document();
                doc.add(new NumericDocValuesField(SECTION_ID, s.id()));
                doc.add(new StoredField(PAGE_URL, s.pageUrl()));
                doc.add(new StoredField(PAGE_TITLE, s.pageTitle()));
                doc.add(new StoredField(ANCHOR, s.anchor()));
                doc.add(new StoredField(HEADING_TEXT, s.heading()));
                doc.add(new StoredField(EXCERPT, excerpt(s.text())));
                if (s.isIntro()) {
                    doc.add(new Field(TITLE, s.pageTitle(), SCORED));
                    if (!s.summary().isEmpty()) doc.add(new Field(SUMMARY, s.summary(), SCORED));
                } else {
                    doc.add(new Field(HEADING, s.heading(), SCORED));
                }
                if (!s.part().isEmpty()) doc.add(new StringField(PART, s.part(), Field.Store.NO));
                String key = headingKey(language, language.words(s.isIntro() ? s.pageTitle() : s.heading()).stream().map(language::fold).toList());
                if (key != null) doc.add(new StringField(KEY, key, Field.Store.NO));
                String all = (s.isIntro() ? s.pageTitle() : s.heading()) + " \n " + s.text();
                doc.add(new Field(BODY, all, SCORED));
                doc.add(new Field(FORM, all, DOCS_ONLY));
                return doc;
    }

    /** Copies an index built in memory to {@code dir}, with the synonyms and language the searcher needs. */
    static void save(Directory built, Map<String, List<String>> synonyms, SearchLanguage language, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (FSDirectory target = FSDirectory.open(dir)) {
            for (String file : built.listAll()) target.copyFrom(built, file, file, IOContext.DEFAULT);
        }
        JSON.writeValue(dir.resolve(SYNONYMS_FILE).toFile(), synonyms);
        Files.writeString(dir.resolve(LANGUAGE_FILE), language.code() + "\n");
    }

    static SearchLanguage readLanguage(Path dir) throws IOException {
        Path file = dir.resolve(LANGUAGE_FILE);
        String code = Files.exists(file) ? Files.readString(file).strip() : SearchLanguage.DA.code();
        return SearchLanguage.of(code).orElseThrow(() -> new IOException(file + ": unknown search language '" + code
                + "' (known: " + SearchLanguage.codes() + "); rebuild with `java -jar target/handbook.jar build`."));
    }

    static Map<String, List<String>> readSynonyms(Path dir) throws IOException {
        Path file = dir.resolve(SYNONYMS_FILE);
        if (!Files.exists(file)) return new HashMap<>();
        return JSON.readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {});
    }

    /** The field a term's document frequency is counted in: heading keys in theirs, stems in the text. */
    static String fieldOf(String term) {
        return term.contains(KEY_MARK) ? KEY : STEMS;
    }

    /** The score of one stem in a section: BM25 over title, summary, heading and text, with their boosts; a heading key's own. */
    static Query stemQuery(String stem) {
        if (stem.contains(KEY_MARK)) return new TermQuery(new Term(KEY, stem));
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(SUMMARY, stem)), SearchRules.SUMMARY_BOOST), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(TITLE, stem)), SearchRules.TITLE_BOOST), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(HEADING, stem)), SearchRules.HEADING_BOOST), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(BODY, stem)), BooleanClause.Occur.SHOULD)
                .build();
    }

    static String excerpt(String text) {
        if (text.length() <= SearchRules.EXCERPT_CHARS) return text;
        int cut = text.lastIndexOf(' ', SearchRules.EXCERPT_CHARS);
        return text.substring(0, cut > SearchRules.EXCERPT_CHARS / 2 ? cut : SearchRules.EXCERPT_CHARS) + " …";
    }
}
