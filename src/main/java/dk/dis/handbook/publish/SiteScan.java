package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One pass over a built site for the publish checks: every file's path, and for each HTML page its
 * links, its ids and what the output guard found in it. Each page is read and parsed once, on every
 * core, instead of once per check (which dominated the publish stage of large sites).
 */
final class SiteScan {

    /** What the checks need from one HTML page. */
    record ScannedPage(String outputPath, List<String> links, Set<String> ids, Set<String> citable, List<ContentProblem> guardProblems) {}

    private final Path siteDir;
    private final Set<String> files;
    private final Map<String, ScannedPage> pages;

    private SiteScan(Path siteDir, Set<String> files, Map<String, ScannedPage> pages) {
        this.siteDir = siteDir;
        this.files = files;
        this.pages = pages;
    }

    /**
     * @param pageGuard the output guard's checks of one parsed page, given its source for messages
     */
    static SiteScan of(Path siteDir, Map<String, String> sourceOf, PageGuard pageGuard) throws IOException {
        List<String> all;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            all = walk.filter(Files::isRegularFile).map(p -> relative(siteDir, p)).sorted().toList();
        }
        Map<String, ScannedPage> pages;
        try {
            pages = all.parallelStream().filter(p -> p.endsWith(".html"))
                    .map(p -> scan(siteDir, p, sourceOf, pageGuard))
                    .collect(Collectors.toMap(ScannedPage::outputPath, Function.identity()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new SiteScan(siteDir, new HashSet<>(all), pages);
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
        return files.stream().sorted().toList();
    }

    boolean exists(String outputPath) {
        return files.contains(outputPath);
    }

    /** The HTML pages in path order. */
    List<ScannedPage> pages() {
        return pages.values().stream().sorted(java.util.Comparator.comparing(ScannedPage::outputPath)).toList();
    }

    ScannedPage page(String outputPath) {
        return pages.get(outputPath);
    }
}
