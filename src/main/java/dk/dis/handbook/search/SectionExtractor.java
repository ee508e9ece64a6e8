package dk.dis.handbook.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import dk.dis.handbook.content.FileStamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads the rendered pages of a site folder and cuts each into sections: the page's lead and
 * text before the first heading, then one section per h2/h3 that has an id.
 */
@SuppressWarnings("unchecked")
public final class SectionExtractor {

    /** Elements on a page that mark it as a search or subject-index page: such pages are not indexed. */
    public static final String SEARCH_PAGE_MARK = dk.dis.handbook.bake.LatePages.SEARCH_MARK;
    public static final String SUBJECT_INDEX_MARK = dk.dis.handbook.bake.LatePages.SUBJECTS_MARK;

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "td", "th", "dt", "dd", "br", "tr",
            "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "title", "desc");

    private SectionExtractor() {}

    /**
     * The sections of a site, its search and subject index pages (which are not indexed), and the
     * language of every page ({@code <html lang>}, "" when missing) by URL.
     */
    /**
     * @param pages  what was found in each page, in path order (what an incremental build remembers)
     * @param reused the URLs of the pages taken from the previous scan (unchanged since the build that read them)
     */
    public record Scan(List<Section> sections, List<Path> searchPages, List<Path> subjectIndexPages,
                       Map<String, String> languages, List<PageFound> pages, Set<String> reused) {
        public String languageOf(Path site, Path file) {
            return languages.getOrDefault(urlOf(site, file), "");
        }
    }

    /**
     * One index.html page: its file (relative to the site) and stamp, what it is ({@code kind}: "sections",
     * {@link #SEARCH_PAGE_MARK} or {@link #SUBJECT_INDEX_MARK}), its {@code <html lang>} and its sections (ids from 0).
     */
    public record PageFound(String path, FileStamp stamp, String kind, String lang, List<Section> sections) {
        static final String SECTIONS = "sections";
    }

    /** The sections of all index.html pages under {@code site}, in path order, except 404 and the search pages. */
    public static List<Section> extract(Path site) throws IOException {
        return scan(site, path -> null).sections();
    }

    /**
     * @param previous what an earlier scan found in a page, by its path relative to the site (null: read
     *                 it); taken only while the file's stamp is the same
     */
    public static Scan scan(Path site, Function<String, PageFound> previous) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> Map.entry(urlOf(site, p), p))
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        }
        // Parsing is most of the work: pages in parallel, numbered in order afterwards.
        Set<String> reused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<PageFound> found = IntStream.range(0, files.size()).parallel().mapToObj(i -> {
            Path file = files.get(i);
            String path = site.relativize(file).toString().replace('\\', '/');
            try {
                FileStamp stamp = FileStamp.of(file);
                PageFound before = previous.apply(path);
                if (before != null && stamp != null && stamp.equals(before.stamp())) {
                    reused.add(urlOf(site, file));
                    return before;
                }
                Document doc = parseMain(Files.readString(file, StandardCharsets.UTF_8));
                String lang = doc.selectFirst("html").attr("lang");
                if (doc.getElementById(SEARCH_PAGE_MARK) != null) return new PageFound(path, stamp, SEARCH_PAGE_MARK, lang, List.of());
                if (doc.getElementById(SUBJECT_INDEX_MARK) != null) return new PageFound(path, stamp, SUBJECT_INDEX_MARK, lang, List.of());
                Element article = doc.selectFirst("main article");
                List<Section> sections = new ArrayList<>();
                if (article != null) addSections(urlOf(site, file), article, sections);
                List<Section> numbered = new ArrayList<>(sections.size());
                for (Section section : sections) numbered.add(section.withId(numbered.size()));
                return new PageFound(path, stamp, PageFound.SECTIONS, lang, List.copyOf(numbered));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        List<Section> sections = new ArrayList<>();
        List<Path> searchPages = new ArrayList<>(), subjectPages = new ArrayList<>();
        Map<String, String> languages = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            PageFound page = found.get(i);
            languages.put(urlOf(site, files.get(i)), page.lang());
            if (page.kind().equals(SEARCH_PAGE_MARK)) searchPages.add(files.get(i));
            else if (page.kind().equals(SUBJECT_INDEX_MARK)) subjectPages.add(files.get(i));
            else for (Section s : page.sections()) sections.add(s.withId(sections.size()));
        }
        return new Scan(sections, searchPages, subjectPages, languages, found, Set.copyOf(reused));
    }

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"");

    /**
     * Only {@code <main>} holds what is indexed; on a large site the navigation, header and footer are
     * most of a page, so just the main element is parsed (with the page's {@code <html lang>}).
     * A page without a main element is parsed whole.
     */
    static Document parseMain(String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        if (start < 0 || end < start) return Jsoup.parse(html);
        Matcher lang = HTML_LANG.matcher(html.substring(0, start));
        Document doc = Jsoup.parse(html.substring(start, end + "</main>".length()));
        doc.selectFirst("html").attr("lang", lang.find() ? lang.group(1) : "");
        return doc;
    }

    private static String collapseSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    static String urlOf(Path site, Path indexHtml) {
        Path dir = site.relativize(indexHtml.getParent());
        String rel = dir.toString().replace('\\', '/');
        return rel.isEmpty() ? "/" : "/" + rel + "/";
    }

    private static void addSections(String url, Element article, List<Section> out) {
        Element h1 = article.selectFirst("h1");
        String pageTitle = h1 == null ? url : h1.text();
        Element lead = article.selectFirst(".page-header .lead");
        Element body = article.selectFirst(".body");
        if (body == null) return;
        String summary = lead == null ? "" : collapseSpace(lead.text());

        class Collector implements NodeVisitor {
            String anchor = "";
            String heading = "";
            StringBuilder text = new StringBuilder(lead == null ? "" : lead.text());
            Element inHeading;
            StringBuilder headingText;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    (inHeading != null ? headingText : text).append(t.text());
                } else if (node instanceof Element e) {
                    if (inHeading == null && (e.nameIs("h2") || e.nameIs("h3")) && !e.id().isEmpty()) {
                        flush();
                        inHeading = e;
                        headingText = new StringBuilder();
                        anchor = e.id();
                    } else if (BLOCKS.contains(e.normalName())) {
                        text.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == inHeading) {
                    heading = headingText.toString().strip();
                    inHeading = null;
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append(' ');
                }
            }

            void flush() {
                String clean = collapseSpace(text);
                // The introduction is kept even when empty: it carries the page title.
                out.add(new Section(out.size(), url, pageTitle, anchor, heading, anchor.isEmpty() ? summary : "", clean));
                text = new StringBuilder();
            }
        }
        Collector c = new Collector();
        body.traverse(c);
        c.flush();
    }
}
