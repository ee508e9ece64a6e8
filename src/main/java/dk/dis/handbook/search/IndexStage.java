package dk.dis.handbook.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stage "index": reads the baked pages in the staging folder, writes the Lucene index (kept
 * beside the site, e.g. target/search-index) and exports it as static files under /soeg/data/.
 * It also fills in the search page (the element {@code #soeg-app}) and the subject index page
 * ({@code #emneindeks-liste}) when the content has them.
 */
public final class IndexStage {

    public static final String DATA_FOLDER = "soeg/data";
    /** The search client's logical asset name; its URL carries a content hash (see AssetFingerprinter). */
    public static final String SCRIPT_ASSET = "js/search.js";

    /**
     * What the stage produced. The Lucene index stays in memory until {@link #swapIn()}, called once
     * the site is published, writes it beside the site: a failed build leaves the previous index.
     */
    public record Result(int pages, int sections, int files, long bytes, int subjects,
                         ByteBuffersDirectory builtIndex, Map<String, List<String>> synonyms, Path indexDir) {
        public void swapIn() throws IOException {
            Files.createDirectories(indexDir.getParent());
            Path fresh = Files.createTempDirectory(indexDir.getParent(), indexDir.getFileName() + ".new-");
            Path old = indexDir.resolveSibling(indexDir.getFileName() + ".old-" + System.nanoTime());
            try {
                SearchIndex.save(builtIndex, synonyms, fresh);
                if (Files.exists(indexDir)) Files.move(indexDir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, indexDir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(fresh);
                deleteTree(old);
                builtIndex.close();
            }
        }

        public String summary() {
            return String.format(Locale.ROOT, "%d sections of %d pages, %d subject index terms, %d files (%.1f KB)",
                    sections, pages, subjects, files, bytes / 1024.0);
        }
    }

    private final Path contentDir;
    private final Path indexDir;
    private final Consumer<String> warn;
    private String scriptUrl = "/assets/" + SCRIPT_ASSET;
    /** Where the time went, for the benchmark. */
    String phases = "";

    /** @param indexDir where the Lucene index lives between builds (the search command reads it) */
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

    /** The default place of the Lucene index for a site folder: target/site → target/search-index. */
    public static Path indexDirFor(Path siteDir) {
        return siteDir.toAbsolutePath().normalize().resolveSibling("search-index");
    }

    public Result run(Path staging) throws IOException {
        long t0 = System.nanoTime();
        SectionExtractor.Scan scan = SectionExtractor.scan(staging);
        List<Section> sections = scan.sections();
        long t1 = System.nanoTime();
        Map<String, List<String>> synonyms = Synonyms.load(contentDir.resolve(Synonyms.FILE_NAME), warn);
        ByteBuffersDirectory built = new ByteBuffersDirectory();
        boolean ok = false;
        try {
            SearchIndex.write(sections, built);
            long t2 = System.nanoTime();
            StaticExport.Result exported;
            List<SubjectIndex.Entry> subjects;
            try (LuceneSearcher searcher = new LuceneSearcher(built, synonyms)) {
                exported = StaticExport.write(searcher, sections, staging.resolve(DATA_FOLDER), "/" + DATA_FOLDER + "/");
                long t3 = System.nanoTime();
                subjects = SubjectIndex.build(searcher, sections);
                phases = String.format(Locale.ROOT, "extract %.2f s, lucene %.2f s, export %.2f s",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            }
            fillSearchPages(scan.searchPages(), exported.metaUrl());
            fillSubjectIndexPages(scan.subjectIndexPages(), subjects);
            long pages = sections.stream().map(Section::pageUrl).distinct().count();
            ok = true;
            return new Result((int) pages, sections.size(), exported.files(), exported.bytes(), subjects.size(),
                    built, synonyms, indexDir);
        } finally {
            if (!ok) built.close();
        }
    }

    private void fillSearchPages(List<Path> files, String metaUrl) throws IOException {
        for (Path file : files) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            doc.getElementById(SectionExtractor.SEARCH_PAGE_MARK).html(SearchPageHtml.app(metaUrl));
            doc.head().appendElement("script").attr("src", scriptUrl).attr("defer", true);
            write(file, doc);
        }
    }

    private static void fillSubjectIndexPages(List<Path> files, List<SubjectIndex.Entry> entries) throws IOException {
        for (Path file : files) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            doc.getElementById(SectionExtractor.SUBJECT_INDEX_MARK).html(subjectIndexHtml(entries));
            write(file, doc);
        }
    }

    static String subjectIndexHtml(List<SubjectIndex.Entry> entries) {
        Map<String, List<SubjectIndex.Entry>> byLetter = new LinkedHashMap<>();
        for (SubjectIndex.Entry e : entries) {
            String letter = e.label().substring(0, 1).toUpperCase(Locale.ROOT);
            byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(e);
        }
        StringBuilder html = new StringBuilder("<nav class=\"subject-letters\" aria-label=\"Bogstaver\"><ul>");
        byLetter.keySet().forEach(letter -> html.append("<li><a href=\"#").append(letterId(letter)).append("\">")
                .append(Entities.escape(letter)).append("</a></li>"));
        html.append("</ul></nav>");
        byLetter.forEach((letter, list) -> {
            html.append("<section class=\"subject-letter\" aria-labelledby=\"").append(letterId(letter)).append("\">")
                    .append("<h2 id=\"").append(letterId(letter)).append("\">").append(Entities.escape(letter)).append("</h2><dl>");
            for (SubjectIndex.Entry e : list) {
                html.append("<dt>").append(Entities.escape(e.label())).append("</dt><dd><ul>");
                for (SubjectIndex.Link l : e.links()) {
                    html.append("<li><a href=\"").append(Entities.escape(l.url())).append("\">").append(Entities.escape(l.pageTitle()));
                    if (!l.heading().isEmpty()) html.append(": ").append(Entities.escape(l.heading()));
                    html.append("</a></li>");
                }
                html.append("</ul></dd>");
            }
            html.append("</dl></section>");
        });
        return html.toString();
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

    private static void write(Path file, Document doc) throws IOException {
        doc.outputSettings().prettyPrint(false);
        Files.writeString(file, doc.outerHtml(), StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }
}
