package dk.dis.handbook.search;

import dk.dis.handbook.bake.LatePages;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.Trees;
import dk.dis.handbook.site.Messages;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Stage "index": reads the baked pages in the staging folder and indexes each language on its own
 * (by the pages' {@code <html lang>}, with that language's analysis): one Lucene index per language,
 * kept beside the site (e.g. target/search-index/da, target/search-index/en), each exported as
 * static files, the default language's under /soeg/data/ and another's under its folder
 * (/en/soeg/data/). It then renders each language's search page and subject index page, when the
 * content has them, with the exported files and the subject terms (see {@link LatePages}).
 */
public final class IndexStage {

    public static final String DATA_FOLDER = "soeg/data";
    /** The search client's logical asset name; its URL carries a content hash (see AssetFingerprinter). */
    public static final String SCRIPT_ASSET = "js/search.js";
    /** In the index folder: the languages indexed, the default first, one per line. */
    static final String LANGUAGES_FILE = "languages.txt";

    /** One language's index, in memory until the site is published. */
    /** @param analysed the pages whose sections were analysed (the others were copied from the last build's index) */
    public record Built(SearchLanguage language, int pages, int sections, ByteBuffersDirectory index,
                        Map<String, List<String>> synonyms, int analysed) {}

    /**
     * What the stage produced. The Lucene indexes stay in memory until {@link #swapIn()}, called once
     * the site is published, writes them beside the site: a failed build leaves the previous index.
     *
     * @param memory what the stage read, to go beside the indexes ({@link IndexMemory}); null when the build keeps none
     */
    public record Result(int pages, int sections, int files, long bytes, int subjects, List<Built> languages, Path indexDir,
                         Path memory) {
        public void swapIn() throws IOException {
            Files.createDirectories(indexDir.getParent());
            Path fresh = Files.createTempDirectory(indexDir.getParent(), indexDir.getFileName() + ".new-");
            Path old = indexDir.resolveSibling(indexDir.getFileName() + ".old-" + System.nanoTime());
            try {
                for (Built b : languages) {
                    SearchIndex.save(b.index(), b.synonyms(), b.language(), languageDir(fresh, b.language().code()));
                }
                Files.write(fresh.resolve(LANGUAGES_FILE), languages.stream().map(b -> b.language().code()).toList());
                if (memory != null) Files.move(memory, fresh.resolve(IndexMemory.FILE));
                if (Files.exists(indexDir)) Files.move(indexDir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, indexDir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Trees.delete(fresh);
                Trees.delete(old);
                for (Built b : languages) b.index().close();
            }
        }

        /** For a build that failed after this stage: what {@link #swapIn()} would have written is dropped. */
        public void discard() throws IOException {
            if (memory != null) Files.deleteIfExists(memory);
            for (Built b : languages) b.index().close();
        }

        public String summary() {
            String perLanguage = languages.stream().map(b -> b.language().code() + " " + b.sections())
                    .collect(java.util.stream.Collectors.joining(", "));
            String analysed = memory == null ? "" : String.format(Locale.ROOT, "; %d pages analysed, %d unchanged",
                    languages.stream().mapToInt(Built::analysed).sum(), pages - languages.stream().mapToInt(Built::analysed).sum());
            return String.format(Locale.ROOT, "%d sections of %d pages (%s), %d subject index terms, %d files (%.1f KB)%s",
                    sections, pages, perLanguage, subjects, files, bytes / 1024.0, analysed);
        }
    }

    private final Path contentDir;
    private final Path indexDir;
    private final Consumer<String> warn;
    private String scriptUrl = "/assets/" + SCRIPT_ASSET;
    private List<String> locales = List.of(SearchLanguage.DA.code());
    /** Turns on the index memory (null: every build reads and analyses every page). */
    private String memoryKey;
    /** The published site, whose unchanged search files are kept rather than written again. */
    private Path previousSite;
    /** Where the time went, for the benchmark. */
    String phases = "";

    /** @param indexDir where the Lucene indexes live between builds (the search command reads them) */
    public IndexStage(Path contentDir, Path indexDir, Consumer<String> warn) {
        this.contentDir = contentDir;
        this.indexDir = indexDir.toAbsolutePath().normalize();
        this.warn = warn;
    }

    /** The URL under which the build published the search client. */
    public IndexStage withScriptUrl(String url) {
        if (url != null) this.scriptUrl = url;
        return this;
    }

    /**
     * Remembers what each build read (beside the Lucene indexes), so the next one reads and analyses
     * only what changed, and keeps the files of {@code previousSite} whose content it would write again.
     *
     * @param key changes with the build's own code
     */
    public IndexStage withMemory(String key, Path previousSite) {
        this.memoryKey = key;
        this.previousSite = previousSite;
        return this;
    }

    /** The site's languages, the default first (handbook.yml's locales); the default is Danish. */
    public IndexStage withLocales(List<String> locales) {
        if (locales != null && !locales.isEmpty()) this.locales = List.copyOf(locales);
        return this;
    }

    /** The default place of the Lucene indexes for a site folder: target/site → target/search-index. */
    public static Path indexDirFor(Path siteDir) {
        return siteDir.toAbsolutePath().normalize().resolveSibling("search-index");
    }

    /** One language's Lucene index in the index folder: target/search-index/en. */
    public static Path languageDir(Path indexDir, String locale) {
        return indexDir.resolve(locale);
    }

    /** The languages the last build indexed into {@code indexDir}, the default first (none if there is no index). */
    public static List<String> languagesIn(Path indexDir) throws IOException {
        Path file = indexDir.resolve(LANGUAGES_FILE);
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** Where a language's exported files go, relative to the site: soeg/data, en/soeg/data. */
    String dataFolder(SearchLanguage language) {
        return language.code().equals(locales.get(0)) ? DATA_FOLDER : language.code() + "/" + DATA_FOLDER;
    }

    private Path synonymsFile(SearchLanguage language) {
        Path dir = language.code().equals(locales.get(0)) ? contentDir : contentDir.resolve(language.code());
        return dir.resolve(Synonyms.FILE_NAME);
    }

    public Result run(Path staging, LatePages late) throws IOException, ContentException {
        long t0 = System.nanoTime();
        IndexMemory previous = memoryKey == null ? IndexMemory.none() : IndexMemory.read(indexDir, memoryKey());
        SectionExtractor.Scan scan = SectionExtractor.scan(staging, previous::page);
        long t1 = System.nanoTime();
        Map<SearchLanguage, List<Section>> byLanguage = byLanguage(scan.sections(), scan.languages(), late, true);
        Map<SearchLanguage, List<Section>> before = previous.isEmpty() ? Map.of()
                : byLanguage(previousSections(previous), previousLanguages(previous), late, false);
        Map<String, List<String>> allWords = new HashMap<>();
        List<Built> built = new ArrayList<>();
        boolean ok = false;
        long lucene = 0, export = 0;
        int files = 0, subjectCount = 0;
        long bytes = 0;
        try {
            for (Map.Entry<SearchLanguage, List<Section>> e : byLanguage.entrySet()) {
                SearchLanguage language = e.getKey();
                List<Section> sections = e.getValue();
                long l0 = System.nanoTime();
                ByteBuffersDirectory index = new ByteBuffersDirectory();
                Map<String, List<String>> synonyms;
                int analysed;
                try {
                    synonyms = Synonyms.load(synonymsFile(language), language, warn);
                    if (language == SearchLanguage.DA && DanishLexicon.system().isEmpty()) warn.accept(DanishLexicon.missingMessage());
                    Map<String, List<String>> words = language.splitsCompounds() ? words(sections, language, scan.reused(), previous) : Map.of();
                    allWords.putAll(words);
                    Set<String> vocabulary = new HashSet<>();
                    words.values().forEach(vocabulary::addAll);
                    analysed = IndexUpdate.plan(language, sections, before.get(language), scan.reused(), words,
                                    before.containsKey(language) ? previousWords(before.get(language), previous) : null)
                            .writeInto(index, vocabulary, languageDir(indexDir, language.code()));
                } catch (IOException | RuntimeException ex) {
                    index.close();
                    throw ex;
                }
                int pages = (int) sections.stream().map(Section::pageUrl).distinct().count();
                built.add(new Built(language, pages, sections.size(), index, synonyms, analysed));
                long l1 = System.nanoTime();
                StaticExport.Result exported;
                List<SubjectIndex.Entry> subjects;
                String folder = dataFolder(language);
                try (LuceneSearcher searcher = new LuceneSearcher(index, synonyms, language)) {
                    exported = StaticExport.write(searcher, sections, staging.resolve(folder), "/" + folder + "/",
                            previousSite == null ? null : previousSite.resolve(folder));
                    subjects = SubjectIndex.build(searcher, sections);
                }
                lucene += l1 - l0;
                export += System.nanoTime() - l1;
                List<LatePages.LatePage> subjectPages = ofLanguage(late, LatePages.SUBJECTS, language);
                String subjectUrl = subjectPages.isEmpty() ? null : subjectPages.get(0).url();
                for (LatePages.LatePage page : ofLanguage(late, LatePages.SEARCH, language)) {
                    Map<String, Object> search = new HashMap<>();
                    search.put("metaUrl", exported.metaUrl());
                    search.put("action", page.url());
                    search.put("scriptUrl", scriptUrl);
                    if (subjectUrl != null) search.put("subjectIndexUrl", subjectUrl);
                    search.put("messages", clientMessages(language));
                    // The parts of the handbook the index has sections of: the search page offers them as filters.
                    search.put("parts", List.copyOf(StaticExport.parts(sections).keySet()));
                    late.render(page, Map.of("search", search));
                }
                for (LatePages.LatePage page : subjectPages) late.render(page, Map.of("subjects", subjectLetters(subjects)));
                files += exported.files();
                bytes += exported.bytes();
                subjectCount += subjects.size();
            }
            phases = String.format(Locale.ROOT, "extract %.2f s, lucene %.2f s, export %.2f s", (t1 - t0) / 1e9, lucene / 1e9, export / 1e9);
            int pages = built.stream().mapToInt(Built::pages).sum();
            int sections = built.stream().mapToInt(Built::sections).sum();
            // Written now, not held until the site is published: the pages' text is a large share of a big build's memory.
            Path memory = null;
            if (memoryKey != null) {
                Files.createDirectories(indexDir.getParent());
                memory = Files.createTempFile(indexDir.getParent(), indexDir.getFileName() + ".memory-", ".tmp");
                memory.toFile().deleteOnExit();
                IndexMemory.of(memoryKey(), scan.pages(), allWords).write(memory);
            }
            ok = true;
            return new Result(pages, sections, files, bytes, subjectCount, List.copyOf(built), indexDir, memory);
        } finally {
            if (!ok) for (Built b : built) b.index().close();
        }
    }

    /** The language of a page: its {@code <html lang>}, or the site's default when it has none. */
    private String languageCode(String lang) {
        return lang == null || lang.isBlank() ? locales.get(0) : lang;
    }

    /**
     * The sections of each language, numbered from 0 in each (a section's id is its place in its
     * language's index), the site's languages in their order. A language with neither sections nor
     * a search page is left out; pages in a language search cannot analyse are reported.
     */
    private Map<SearchLanguage, List<Section>> byLanguage(List<Section> all, Map<String, String> languages, LatePages late,
                                                          boolean report) {
        Map<SearchLanguage, List<Section>> out = new LinkedHashMap<>();
        for (String locale : locales) SearchLanguage.of(locale).ifPresent(l -> out.put(l, new ArrayList<>()));
        Map<String, Integer> unknown = new java.util.TreeMap<>();
        for (Section s : all) {
            String code = languageCode(languages.get(s.pageUrl()));
            SearchLanguage language = SearchLanguage.of(code).orElse(null);
            if (language == null) {
                unknown.merge(code, 1, Integer::sum);
                continue;
            }
            List<Section> list = out.computeIfAbsent(language, k -> new ArrayList<>());
            String root = language.code().equals(locales.get(0)) ? "/" : "/" + language.code() + "/";
            list.add(s.withId(list.size()).withPart(Section.partOf(s.pageUrl(), root)));
        }
        if (report) unknown.forEach((code, n) -> warn.accept(n + " sections in language '" + code + "' (<html lang>) are left out of search: "
                + "search can analyse " + SearchLanguage.codes() + ". Add the language to SearchLanguage, or leave it out of handbook.yml's locales."));
        out.entrySet().removeIf(e -> e.getValue().isEmpty() && ofLanguage(late, LatePages.SEARCH, e.getKey()).isEmpty());
        return out;
    }

    /** The sections the last build indexed, in its order (as {@link SectionExtractor#scan} lists them). */
    private static List<Section> previousSections(IndexMemory previous) {
        List<Section> out = new ArrayList<>();
        for (SectionExtractor.PageFound p : previous.pages()) {
            if (p.kind().equals(SectionExtractor.PageFound.SECTIONS)) for (Section s : p.sections()) out.add(s.withId(out.size()));
        }
        return out;
    }

    private static Map<String, String> previousLanguages(IndexMemory previous) {
        Map<String, String> out = new HashMap<>();
        for (SectionExtractor.PageFound p : previous.pages()) {
            for (Section s : p.sections()) out.put(s.pageUrl(), p.lang());
        }
        return out;
    }

    /** Each page's vocabulary: the last build's for a page read then, worked out for the others. */
    private static Map<String, List<String>> words(List<Section> sections, SearchLanguage language, Set<String> reused, IndexMemory previous) {
        Map<String, List<Section>> byPage = new LinkedHashMap<>();
        for (Section s : sections) byPage.computeIfAbsent(s.pageUrl(), k -> new ArrayList<>()).add(s);
        org.apache.lucene.analysis.Analyzer surface = language.surface();
        Map<String, List<String>> out = new java.util.concurrent.ConcurrentHashMap<>();
        // A word is on many pages: each page's list refers to one copy of it.
        Map<String, String> one = new java.util.concurrent.ConcurrentHashMap<>();
        byPage.entrySet().parallelStream().forEach(e -> {
            List<String> kept = reused.contains(e.getKey()) ? previous.words(e.getKey()) : null;
            if (kept == null) kept = SearchIndex.words(e.getValue(), surface).stream().map(w -> one.computeIfAbsent(w, k -> k)).toList();
            out.put(e.getKey(), kept);
        });
        return out;
    }

    /** The last build's vocabulary of each of its pages in one language. */
    private static Map<String, List<String>> previousWords(List<Section> sections, IndexMemory previous) {
        Map<String, List<String>> out = new HashMap<>();
        for (Section s : sections) {
            if (out.containsKey(s.pageUrl())) continue;
            List<String> w = previous.words(s.pageUrl());
            out.put(s.pageUrl(), w == null ? List.of() : w);
        }
        return out;
    }

    /** The memory is for the same code, languages and lexicon. */
    private String memoryKey() {
        return memoryKey + " " + locales + " " + DanishLexicon.system().map(Set::size).orElse(0);
    }

    private List<LatePages.LatePage> ofLanguage(LatePages late, String kind, SearchLanguage language) {
        return late.pages().stream().filter(p -> p.kind().equals(kind))
                .filter(p -> SearchLanguage.of(languageCode(p.locale())).orElse(null) == language).toList();
    }

    /** The search client's texts (data-msg-NAME on the form), from the language's message bundle. */
    private static Map<String, String> clientMessages(SearchLanguage language) {
        Map<String, String> t = Messages.of(language.code());
        Map<String, String> messages = new LinkedHashMap<>();
        for (String name : CLIENT_MESSAGES) {
            String value = t.get("search.client." + name);
            if (value == null) {
                throw new IllegalStateException("The message bundle has no 'search.client." + name
                        + "': add it to src/main/resources/messages/messages_*.properties.");
            }
            messages.put(name, value);
        }
        return messages;
    }

    /** The client's texts: data-msg-NAME ← message search.client.NAME. */
    static final String[] CLIENT_MESSAGES = {"count", "best", "none", "error", "section-one", "section-other",
            "page-one", "page-other", "intro", "filtered"};

    /** The subject index's terms by first letter, each letter with the id its heading gets. */
    static List<Map<String, Object>> subjectLetters(List<SubjectIndex.Entry> entries) {
        Map<String, List<SubjectIndex.Entry>> byLetter = new LinkedHashMap<>();
        for (SubjectIndex.Entry e : entries) {
            String letter = e.label().substring(0, 1).toUpperCase(Locale.ROOT);
            byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> letters = new ArrayList<>();
        byLetter.forEach((letter, list) -> letters.add(Map.of("letter", letter, "id", letterId(letter),
                "entries", list.stream().map(e -> Map.of("label", e.label(), "links", e.links().stream()
                        .map(l -> Map.of("url", l.url(), "pageTitle", l.pageTitle(), "heading", l.heading())).toList())).toList())));
        return letters;
    }

    private static String letterId(String letter) {
        String folded = switch (letter) {
            case "Æ" -> "ae";
            case "Ø" -> "oe";
            case "Å" -> "aa";
            default -> letter.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        };
        return "emne-" + folded;
    }
}
