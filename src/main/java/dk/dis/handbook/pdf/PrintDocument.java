package dk.dis.handbook.pdf;

import dk.dis.handbook.convert.SectionLinks;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML of one PDF, composed from the pages' converted (and sanitized) HTML, in pieces that are
 * laid out apart and then bound ({@link PdfBinder}): the front (a cover and a table of contents
 * with the page numbers the binder found) and the body in chunks of whole chapters, a chunk for each
 * part and more for a long part, so that the chunks are laid out in parallel and an edit lays out
 * again only its own chunk. Every chapter starts a new page, so the chunks' pages are the pages
 * the whole would have.
 * A page's ids get its slug as prefix (pages reuse ids such as "formaal"); links to pages in the
 * same chunk become links inside it, links to pages in other chunks of the PDF become
 * {@link #TARGET} links the binder points at their pages, links to other pages point at the
 * published site.
 */
final class PrintDocument {
    /** Between a page's slug and its own ids. */
    static final String ID_SEPARATOR = "_";
    /** A link to a place in another chunk of the same PDF: the binder makes it a link inside the PDF. */
    static final String TARGET = "urn:handbook-pdf:";
    /** A chunk grows by whole chapters until its pages' HTML has about this many characters. */
    static final int CHUNK_CHARS = Integer.getInteger("handbook.pdf.chunkChars", 1_500_000);

    /**
     * What every PDF of a build shares: who publishes it, when, and how it looks; {@code contentsTitle}
     * and {@code diagramLabel} (what a diagram without title is called) are in the PDFs' language.
     */
    record Cover(String municipality, String handbookTitle, String subject, String keywords, String date,
                 String logoUri, String previewMark, String language, String contentsTitle, String diagramLabel) {}

    /** A bookmark: its title, the id it leads to, and the bookmarks under it. */
    record Mark(String title, String target, List<Mark> children) {}

    /** A chunk's pieces: the part whose title page opens it (or null), and its chapters. */
    private record Piece(PdfStage.Part opensPart, Page page) {}

    private final PdfStage.Book book;
    private final Cover cover;
    private final String baseUrl;
    private final Map<String, String> slugByUrl = new HashMap<>();
    private final Map<String, Integer> chunkBySlug = new HashMap<>();
    private final List<List<Piece>> chunks = new ArrayList<>();
    private final boolean whole;

    PrintDocument(PdfStage.Book book, Cover cover, String baseUrl) {
        this(book, cover, baseUrl, CHUNK_CHARS);
    }

    PrintDocument(PdfStage.Book book, Cover cover, String baseUrl, int chunkChars) {
        this.book = book;
        this.cover = cover;
        this.baseUrl = baseUrl;
        this.whole = book.parts().stream().anyMatch(p -> p.title() != null);
        List<Piece> chunk = new ArrayList<>();
        long chars = 0;
        for (PdfStage.Part part : book.parts()) {
            boolean first = true;
            for (Page page : part.pages()) {
                boolean opensPart = first && part.title() != null;
                if (!chunk.isEmpty() && (opensPart || chars >= chunkChars)) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    chars = 0;
                }
                chunk.add(new Piece(opensPart ? part : null, page));
                chars += page.bodyHtml().length();
                slugByUrl.put(page.url(), page.slug());
                chunkBySlug.put(page.slug(), chunks.size());
                first = false;
            }
        }
        if (!chunk.isEmpty()) chunks.add(chunk);
    }

    int chunkCount() {
        return chunks.size();
    }

    /** The cover and the contents; {@code pageNumbers} (by target id) fills in the contents' page numbers, "0" where it has none. */
    Document front(String css, Map<String, Integer> pageNumbers) {
        Document doc = shell(css);
        Element body = doc.body();
        appendCover(body);
        Element contents = body.appendElement("nav").addClass("contents").attr("aria-labelledby", "indhold");
        contents.appendElement("h2").id("indhold").text(cover.contentsTitle());
        Element list = contents.appendElement("ul");
        for (PdfStage.Part part : book.parts()) {
            Element chapterList = list;
            if (part.title() != null) {
                chapterList = entry(list, part.id(), part.title(), pageNumbers).addClass("part-entry").appendElement("ul");
            }
            for (Page page : part.pages()) {
                Element entry = entry(chapterList, pageId(page.slug()), page.title(), pageNumbers);
                // The parts' contents go down to each page's sections; the whole handbook's would not fit on its pages.
                if (whole) continue;
                Element sections = null;
                for (Page.Heading h : page.headings()) {
                    String target = pageId(page.slug()) + ID_SEPARATOR + h.id();
                    if (!pageNumbers.isEmpty() && !pageNumbers.containsKey(target)) continue;
                    if (sections == null) sections = entry.appendElement("ul");
                    entry(sections, target, h.title(), pageNumbers);
                }
            }
        }
        return doc;
    }

    /** Chunk {@code index} of the body: its parts' title pages and its chapters. */
    Document chunk(int index, String css) {
        Document doc = shell(css);
        Element body = doc.body();
        for (Piece piece : chunks.get(index)) {
            int level = 2;
            if (piece.opensPart() != null) {
                Element partPage = body.appendElement("section").addClass("part").id(piece.opensPart().id());
                partPage.appendElement("h2").addClass("part-title").text(piece.opensPart().title());
            }
            if (whole) level = 3;
            appendChapter(body, piece.page(), level, index);
        }
        return doc;
    }

    /** The bookmarks: parts (in the whole handbook), chapters and their sections. */
    List<Mark> outline() {
        List<Mark> marks = new ArrayList<>();
        for (PdfStage.Part part : book.parts()) {
            List<Mark> chapters = new ArrayList<>();
            for (Page page : part.pages()) {
                List<Mark> sections = new ArrayList<>();
                for (Page.Heading h : page.headings()) {
                    sections.add(new Mark(h.title(), pageId(page.slug()) + ID_SEPARATOR + h.id(), List.of()));
                }
                chapters.add(new Mark(page.title(), pageId(page.slug()), sections));
            }
            if (part.title() != null) marks.add(new Mark(part.title(), part.id(), chapters));
            else marks.addAll(chapters);
        }
        return marks;
    }

    private Document shell(String css) {
        Document doc = Jsoup.parse("");
        doc.outputSettings().prettyPrint(false);
        doc.selectFirst("html").attr("lang", cover.language());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("title").text(book.title());
        head.appendElement("meta").attr("name", "author").attr("content", cover.municipality());
        head.appendElement("meta").attr("name", "subject").attr("content", cover.subject());
        head.appendElement("meta").attr("name", "description").attr("content", cover.subject());
        head.appendElement("meta").attr("name", "keywords").attr("content", cover.keywords());
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
        return doc;
    }

    /** A page as a chapter. */
    private void appendChapter(Element body, Page page, int level, int chunk) {
        String id = pageId(page.slug());
        Element chapter = body.appendElement("section").addClass("chapter").id(id);
        chapter.appendElement("h" + level).addClass("chapter-title").text(page.title());
        if (page.summary() != null && !page.summary().isBlank()) chapter.appendElement("p").addClass("lead").text(page.summary());
        Element content = chapter.appendElement("div").addClass("chapter-body");
        content.html(page.bodyHtml());
        prepare(content, id, level - 1, chunk);
    }

    private void appendCover(Element body) {
        Element page = body.appendElement("section").addClass("cover");
        Element band = page.appendElement("div").addClass("cover-band");
        if (cover.logoUri() != null) {
            band.appendElement("img").addClass("cover-logo").attr("src", cover.logoUri()).attr("alt", cover.municipality());
        }
        page.appendElement("h1").addClass("cover-title").text(book.title());
        if (!book.title().equals(cover.handbookTitle())) page.appendElement("p").addClass("cover-subtitle").text(cover.handbookTitle());
        page.appendElement("p").addClass("cover-author").text(cover.municipality());
        page.appendElement("p").addClass("cover-date").text(cover.date());
        if (cover.previewMark() != null) page.appendElement("p").addClass("preview-mark").text(cover.previewMark());
    }

    private static Element entry(Element list, String target, String title, Map<String, Integer> pageNumbers) {
        Element item = list.appendElement("li");
        Integer number = pageNumbers.get(target);
        item.appendElement("a").attr("href", TARGET + target).attr("title", title)
                .attr("data-page", number == null ? "0" : number.toString()).text(title);
        return item;
    }

    /**
     * Makes one page's HTML a chapter: ids prefixed, links rewritten, headings moved below the
     * chapter's title, and the web page's note boxes (tables in Asciidoctor's HTML) made plain blocks.
     */
    private void prepare(Element content, String pageId, int shift, int chunk) {
        String prefix = pageId + ID_SEPARATOR;
        // A heading's link to itself is for citing the web page; on paper it is nothing.
        content.select("a." + SectionLinks.CLASS).remove();
        // A diagram's ids stay: its own references (markers, aria-labelledby) point at them, and
        // each SVG is drawn as a document of its own.
        for (Element e : content.select("[id]")) {
            if (!e.tagName().equals("svg") && e.closest("svg") == null) e.id(prefix + e.id());
        }
        for (Element svg : content.select("svg")) svg.attr("alt", description(svg, cover.diagramLabel()));
        for (Element a : content.select("a[href]")) {
            a.attr("href", target(a.attr("href"), prefix, chunk));
            // PDF/UA: a link's annotation says what it is (/Contents, from the title).
            if (!a.hasAttr("title")) a.attr("title", a.text().isBlank() ? a.attr("href") : a.text());
        }
        if (shift > 0) {
            // Deepest first, so that a heading is moved once.
            for (int level = 5; level >= 1; level--) {
                for (Element h : content.select("h" + level)) {
                    h.tagName("h" + Math.min(6, level + shift)).addClass("level-" + level);
                }
            }
        }
        for (Element box : content.select(".admonitionblock")) {
            Element label = box.selectFirst("td.icon .title");
            Element text = box.selectFirst("td.content");
            if (text == null) continue;
            Element plain = new Element(Tag.valueOf("div"), "").addClass("admonition-content");
            plain.html(text.html());
            box.empty();
            if (label != null) box.appendElement("p").addClass("admonition-label").text(label.text());
            box.appendChild(plain);
        }
    }

    /** What a screen reader says for a diagram: its title and description. */
    private static String description(Element svg, String fallback) {
        Element title = svg.selectFirst("title");
        Element desc = svg.selectFirst("desc");
        String text = (title == null ? "" : title.text().strip());
        if (desc != null && !desc.text().isBlank()) text = text.isEmpty() ? desc.text().strip() : text + ". " + desc.text().strip();
        return text.isEmpty() ? fallback : text;
    }

    private String target(String href, String prefix, int chunk) {
        if (href.startsWith("#")) return "#" + prefix + href.substring(1);
        if (!href.startsWith("/")) return href;
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        String slug = slugByUrl.get(path);
        if (slug == null) return baseUrl + href;
        String id = pageId(slug);
        String target = fragment.isEmpty() ? id : id + ID_SEPARATOR + fragment;
        return (chunkBySlug.get(slug) == chunk ? "#" : TARGET) + target;
    }

    /** A page's chapter id. Slugs may start with a digit (dated posts); ids should not. */
    static String pageId(String slug) {
        return "side-" + slug;
    }
}
