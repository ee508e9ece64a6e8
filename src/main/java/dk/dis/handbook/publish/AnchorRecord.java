package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The section anchors the handbook has published, so a citation in an agenda ({@code /trin-1/#test})
 * keeps working: a committed file beside the content folder lists every page's citable ids (the ids of the
 * headings in the page's text, and the inline anchors that keep an old id alive), one page a line.
 * The build fails when a recorded page or anchor is gone, unless the page's old URL redirects to a
 * page that has the anchor ({@code jbake-oldslugs}) or the renamed heading keeps its old id as an
 * alias ({@code == [[old-id]]New title}). {@code handbook anchors} writes the file from the built site.
 */
public final class AnchorRecord {
    private static final String HEADER = """
            # The section anchors this handbook has published, one page a line: its URL, then its anchors.
            # The build fails when one of them disappears (a citation in an agenda would break).
            # Written by `java -jar target/handbook.jar anchors` after a build; commit it with the content.
            """;
    /** The subject index's letters come and go with its words: they are not anchors to cite. */
    private static final String SUBJECT_LIST = dk.dis.handbook.bake.LatePages.SUBJECTS_MARK;

    private final Map<String, Set<String>> anchorsByUrl;

    private AnchorRecord(Map<String, Set<String>> anchorsByUrl) {
        this.anchorsByUrl = anchorsByUrl;
    }

    /** The citable ids of a built page: headings with an id and inline anchors in its text (main .body). */
    static Set<String> citable(Document doc) {
        Set<String> ids = new TreeSet<>();
        Element body = doc.selectFirst("main .body");
        if (body == null) return ids;
        for (Element e : body.select("h2[id], h3[id], h4[id], h5[id], h6[id], a[id]")) {
            if (e.closest("#" + SUBJECT_LIST) == null) ids.add(e.id());
        }
        return ids;
    }

    /** Reads the record; an absent file records nothing (a new handbook). */
    public static AnchorRecord read(Path file) throws IOException {
        Map<String, Set<String>> map = new TreeMap<>();
        if (file == null || !Files.isRegularFile(file)) return new AnchorRecord(map);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.strip().split("\\s+");
            map.computeIfAbsent(parts[0], u -> new TreeSet<>()).addAll(List.of(parts).subList(1, parts.length));
        }
        return new AnchorRecord(map);
    }

    /** The anchors of every page of a built site (its index.html files). */
    public static AnchorRecord ofSite(Path siteDir) throws IOException {
        Map<String, Set<String>> map = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            files = walk.filter(p -> p.getFileName().toString().equals("index.html")).toList();
        }
        for (Path file : files) {
            String rel = siteDir.relativize(file.getParent()).toString().replace('\\', '/');
            map.put(rel.isEmpty() ? "/" : "/" + rel + "/", citable(Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8))));
        }
        return new AnchorRecord(map);
    }

    public int pages() {
        return anchorsByUrl.size();
    }

    public int anchors() {
        return anchorsByUrl.values().stream().mapToInt(Set::size).sum();
    }

    /** How many pages and anchors {@code newer} has that this record lacks, and the other way round. */
    public record Difference(int added, int removed) {}

    public Difference comparedWith(AnchorRecord newer) {
        return new Difference(missingFrom(anchorsByUrl, newer.anchorsByUrl), missingFrom(newer.anchorsByUrl, anchorsByUrl));
    }

    /** Pages and anchors of {@code from} that {@code in} lacks. */
    private static int missingFrom(Map<String, Set<String>> in, Map<String, Set<String>> from) {
        int n = 0;
        for (Map.Entry<String, Set<String>> page : from.entrySet()) {
            Set<String> there = in.get(page.getKey());
            if (there == null) n++;
            for (String id : page.getValue()) if (there == null || !there.contains(id)) n++;
        }
        return n;
    }

    /**
     * The anchors a built site has that this record lacks (new pages and sections): they are not
     * protected until the record is written again; 0 when there is no record at all.
     */
    int unrecorded(SiteScan scan) {
        if (anchorsByUrl.isEmpty()) return 0;
        int n = 0;
        for (SiteScan.ScannedPage page : scan.pages()) {
            if (!page.outputPath().endsWith("index.html")) continue;
            String dir = page.outputPath().substring(0, page.outputPath().length() - "index.html".length());
            Set<String> recorded = anchorsByUrl.getOrDefault("/" + dir, Set.of());
            for (String id : page.citable()) if (!recorded.contains(id)) n++;
        }
        return n;
    }

    public void write(Path file) throws IOException {
        StringBuilder s = new StringBuilder(HEADER);
        anchorsByUrl.forEach((url, ids) -> s.append(url).append(ids.isEmpty() ? "" : " " + String.join(" ", ids)).append('\n'));
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    /** Every recorded page and anchor must still be published (at the page's URL, or where its old URL redirects). */
    void check(SiteScan scan, List<Page> pages, Map<String, String> sourceOf, String recordName, List<ContentProblem> problems) {
        Map<String, Page> byUrl = new TreeMap<>();
        Map<String, Page> byOldUrl = new TreeMap<>();
        for (Page p : pages) {
            byUrl.put(p.url(), p);
            for (String old : p.oldUrls()) byOldUrl.put(old.endsWith("/") ? old : old + "/", p);
        }
        anchorsByUrl.forEach((url, ids) -> {
            Page page = byUrl.containsKey(url) ? byUrl.get(url) : byOldUrl.get(url);
            SiteScan.ScannedPage built = page == null ? null : scan.page(page.outputPath());
            if (built == null) {
                problems.add(new ContentProblem(recordName, null, "records the page " + url + ", which this build no longer publishes "
                        + "and no page names in jbake-oldslugs; links to it in agendas would break.",
                        "Add " + url + " to jbake-oldslugs of the page that replaces it, or, if the page is meant to go, "
                                + "run `java -jar target/handbook.jar anchors` after the build and commit " + recordName + "."));
                return;
            }
            String where = sourceOf.getOrDefault(page.outputPath(), "output " + page.outputPath());
            for (String id : ids) {
                if (built.citable().contains(id)) continue;
                problems.add(new ContentProblem(where, null, "no longer has the section anchor #" + id + " that was published as "
                        + url + "#" + id + " (recorded in " + recordName + "); links to it in agendas would break.",
                        "Keep the old id as an alias in the renamed heading: == [[" + id + "]]New title (with the new id in "
                                + "[[new-id]] above it), or, if the section is meant to go, run `java -jar target/handbook.jar anchors` "
                                + "after the build and commit " + recordName + "."));
            }
        });
    }
}
