package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.FileStamp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a built site for the publish checks: every file's path, and for each HTML page its
 * links, its ids and what the output guard found in it. Each page is read and parsed once, on every
 * core, instead of once per check (which dominated the publish stage of large sites).
 */
final class SiteScan {

    /** What the checks need from one HTML page. */
    record ScannedPage(String outputPath, List<String> links, Set<String> ids, Set<String> citable, List<ContentProblem> guardProblems) {}

    private final Path siteDir;
    private final Map<String, FileStamp> files;
    private final Map<String, ScannedPage> pages;
    private final Set<String> unchanged;
    private final int parsed;

    private SiteScan(Path siteDir, Map<String, FileStamp> files, Map<String, ScannedPage> pages, Set<String> unchanged,
                     int parsed) {
        this.parsed = parsed;
        this.siteDir = siteDir;
        this.files = files;
        this.pages = pages;
        this.unchanged = unchanged;
    }

    /**
     * @param pageGuard the output guard's checks of one parsed page, given its source for messages
     */
    static SiteScan of(Path siteDir, Map<String, String> sourceOf, PageGuard pageGuard) throws IOException {
        return of(siteDir, sourceOf, pageGuard, ScanMemory.empty());
    }

    /** As {@link #of(Path, Map, PageGuard)}, reading again only the files {@code memory} does not know as they are. */
    static SiteScan of(Path siteDir, Map<String, String> sourceOf, PageGuard pageGuard, ScanMemory memory) throws IOException {
        Map<String, FileStamp> stamps = new HashMap<>();
        Files.walkFileTree(siteDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) stamps.put(relative(siteDir, file), FileStamp.of(attributes));
                return FileVisitResult.CONTINUE;
            }
        });
        Map<String, ScannedPage> pages = new ConcurrentHashMap<>();
        Set<String> unchanged = new HashSet<>();
        List<String> toRead = new ArrayList<>();
        for (Map.Entry<String, FileStamp> e : stamps.entrySet()) {
            ScanMemory.Seen seen = memory.unchanged(e.getKey(), e.getValue());
            boolean html = e.getKey().endsWith(".html");
            if (seen != null && (seen.page() != null) == html) {
                unchanged.add(e.getKey());
                if (html) pages.put(e.getKey(), seen.page());
            } else if (html) {
                toRead.add(e.getKey());
            }
        }
        try {
            toRead.parallelStream().forEach(p -> pages.put(p, scan(siteDir, p, sourceOf, pageGuard)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new SiteScan(siteDir, stamps, pages, unchanged, toRead.size());
    }

    /** The output guard's checks of one page. */
    interface PageGuard {
        void check(Document doc, String where, List<ContentProblem> problems);
    }

    private static ScannedPage scan(Path siteDir, String outputPath, Map<String, String> sourceOf, PageGuard guard) {
        Document doc;
        try {
            doc = Jsoup.parse(Files.readString(siteDir.resolve(outputPath), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> links = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if ((tag.equals("a") || tag.equals("link")) && e.hasAttr("href")) links.add(e.attr("href"));
            else if ((tag.equals("img") || tag.equals("script")) && e.hasAttr("src")) links.add(e.attr("src"));
            if (!e.id().isEmpty()) ids.add(e.id());
        }
        List<ContentProblem> problems = new ArrayList<>();
        guard.check(doc, sourceOf.getOrDefault(outputPath, "output " + outputPath), problems);
        return new ScannedPage(outputPath, List.copyOf(links), ids, AnchorRecord.citable(doc), List.copyOf(problems));
    }

    private static String relative(Path siteDir, Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }

    Path siteDir() {
        return siteDir;
    }

    /** Every file of the site, relative and with '/' separators, sorted. */
    List<String> files() {
        return files.keySet().stream().sorted().toList();
    }

    boolean exists(String outputPath) {
        return files.containsKey(outputPath);
    }

    /** The file's identity as scanned (null when the file system gives none). */
    FileStamp stamp(String outputPath) {
        return files.get(outputPath);
    }

    /** True when the file is the one the last publish checked (so it passed every check then). */
    boolean unchanged(String outputPath) {
        return unchanged.contains(outputPath);
    }

    /** How many pages were read and parsed (the others were published unchanged before). */
    int parsed() {
        return parsed;
    }

    /** The HTML pages in path order. */
    List<ScannedPage> pages() {
        return pages.values().stream().sorted(java.util.Comparator.comparing(ScannedPage::outputPath)).toList();
    }

    ScannedPage page(String outputPath) {
        return pages.get(outputPath);
    }
}
