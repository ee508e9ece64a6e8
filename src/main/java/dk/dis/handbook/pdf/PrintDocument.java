package dk.dis.handbook.pdf;

import dk.dis.handbook.convert.SectionLinks;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTML of one PDF, composed from the pages' converted (and sanitized) HTML: a cover, a table of
 * contents whose page numbers the layout fills in, then every page as a chapter, in parts for the
 * whole handbook. A page's ids get its slug as prefix (pages reuse ids such as "formaal"); links to
 * pages in the same PDF become links inside it, links to other pages point at the published site.
 */
final class PrintDocument {
    /** Between a page's slug and its own ids. */
    static final String ID_SEPARATOR = "_";

    /**
     * What every PDF of a build shares: who publishes it, when, and how it looks; {@code contentsTitle}
     * and {@code diagramLabel} (what a diagram without title is called) are in the PDFs' language.
     */
    record Cover(String municipality, String handbookTitle, String subject, String keywords, String date,
                 String logoUri, String previewMark, String language, String contentsTitle, String diagramLabel) {}

    private final PdfStage.Book book;
    private final Cover cover;
    private final String baseUrl;
    private final Map<String, String> slugByUrl = new HashMap<>();

    PrintDocument(PdfStage.Book book, Cover cover, String baseUrl) {
        this.book = book;
        this.cover = cover;
        this.baseUrl = baseUrl;
        for (Page p : book.pages()) slugByUrl.put(p.url(), p.slug());
    }

    /** The document, with {@code css} as its only style sheet. */
    Document document(String css) {
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
        Element bookmarks = head.appendElement("bookmarks");

        Element body = doc.body();
        appendCover(body);
        Element contents = body.appendElement("nav").addClass("contents").attr("aria-labelledby", "indhold");
        contents.appendElement("h2").id("indhold").text(cover.contentsTitle());
        Element list = contents.appendElement("ul");
        boolean whole = book.parts().stream().anyMatch(p -> p.title() != null);

        for (PdfStage.Part part : book.parts()) {
            Element chapterList = list;
            Element chapterMarks = bookmarks;
            int chapterLevel = 2;
            if (part.title() != null) {
                Element partPage = body.appendElement("section").addClass("part").id(part.id());
                partPage.appendElement("h2").addClass("part-title").text(part.title());
                Element entry = entry(list, part.id(), part.title()).addClass("part-entry");
                chapterList = entry.appendElement("ul");
                chapterMarks = bookmark(bookmarks, part.title(), part.id());
                chapterLevel = 3;
            }
            // The parts' contents go down to each page's sections; the whole handbook's would not fit on its pages.
            for (Page page : part.pages()) appendChapter(body, page, chapterLevel, chapterList, chapterMarks, !whole);
        }
        return doc;
    }

    /** A page as a chapter, with its line in the contents and its bookmarks. */
    private void appendChapter(Element body, Page page, int level, Element contents, Element marks, boolean sectionsInContents) {
        String id = pageId(page.slug());
        Element chapter = body.appendElement("section").addClass("chapter").id(id);
        chapter.appendElement("h" + level).addClass("chapter-title").text(page.title());
        if (page.summary() != null && !page.summary().isBlank()) chapter.appendElement("p").addClass("lead").text(page.summary());
        Element content = chapter.appendElement("div").addClass("chapter-body");
        content.html(page.bodyHtml());
        prepare(content, id, level - 1);

        Element entry = entry(contents, id, page.title());
        Element mark = bookmark(marks, page.title(), id);
        Element sections = null;
        for (Page.Heading h : page.headings()) {
            String target = id + ID_SEPARATOR + h.id();
            if (content.getElementById(target) == null) continue;
            if (sectionsInContents) {
                if (sections == null) sections = entry.appendElement("ul");
                entry(sections, target, h.title());
            }
            bookmark(mark, h.title(), target);
        }
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

    private static Element entry(Element list, String target, String title) {
        Element item = list.appendElement("li");
        item.appendElement("a").attr("href", "#" + target).attr("title", title).text(title);
        return item;
    }

    private static Element bookmark(Element parent, String title, String target) {
        return parent.appendElement("bookmark").attr("name", title).attr("href", "#" + target);
    }

    /**
     * Makes one page's HTML a chapter: ids prefixed, links rewritten, headings moved below the
     * chapter's title, and the web page's note boxes (tables in Asciidoctor's HTML) made plain blocks.
     */
    private void prepare(Element content, String pageId, int shift) {
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
            a.attr("href", target(a.attr("href"), prefix));
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

    private String target(String href, String prefix) {
        if (href.startsWith("#")) return "#" + prefix + href.substring(1);
        if (!href.startsWith("/")) return href;
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        String slug = slugByUrl.get(path);
        if (slug == null) return baseUrl + href;
        String id = pageId(slug);
        return "#" + (fragment.isEmpty() ? id : id + ID_SEPARATOR + fragment);
    }

    /** A page's chapter id. Slugs may start with a digit (dated posts); ids should not. */
    static String pageId(String slug) {
        return "side-" + slug;
    }
}
