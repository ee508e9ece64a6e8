package dk.dis.handbook.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the whole handbook from the documents asciidoctor-pdf laid out once each (front, parts,
 * groups; see {@link PdfStage.Kind}), so no page is laid out twice: the front's cover, a table of
 * contents drawn here, then every document's pages (a part's own contents pages left out; its cover
 * opens the part). Links between documents become links inside the whole handbook, the bookmarks
 * are joined under one tree, and every page after the cover gets a footer with the municipality's
 * name and "Side n af N", numbered straight through. The parts' own PDFs get the same footers.
 */
final class PdfBinder {
    /** Theme colours, hex without '#'. */
    record Colors(String primary, String text, String muted) {}

    /**
     * @param slugByUrl   every page in the PDFs, URL → slug: links to them at {@code baseUrl} become internal
     * @param fontsFolder classpath folder of asciidoctor-pdf's fonts (the body text's Noto Sans)
     */
    record Binding(String municipality, Colors colors, Map<String, String> slugByUrl, String baseUrl, String fontsFolder) {}

    /** A document as asciidoctor-pdf laid it out. */
    record Laid(PdfStage.Book book, byte[] pdf) {}

    static final String CONTENTS_TITLE = "Indholdsfortegnelse";

    // The theme's page: A4, margins 20 mm (top and sides) and 22 mm (bottom, where the footer goes).
    private static final float MM = 72f / 25.4f;
    private static final float SIDE = 20 * MM;
    private static final float TOP = 20 * MM;
    private static final float BOTTOM = 22 * MM;
    private static final float FOOTER_BASELINE = 10 * MM;
    private static final float FOOTER_SIZE = 9;

    private PdfBinder() {}

    /** A part's own PDF with the footers (municipality, "Side n af N") on every page after the cover. */
    static byte[] numbered(byte[] pdf, Binding binding) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            numberPages(doc, Fonts.load(doc, binding.fontsFolder()), binding);
            return save(doc);
        }
    }

    /** The whole handbook from the laid-out documents, in reading order (the first is the front). */
    static byte[] bind(List<Laid> laid, Binding binding) throws IOException {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument whole = new PDDocument()) {
            WholeHandbook state = new WholeHandbook(whole, binding);
            for (Laid l : laid) {
                PDDocument source = Loader.loadPDF(l.pdf());
                sources.add(source);
                state.add(l.book(), source);
            }
            Fonts fonts = Fonts.load(whole, binding.fontsFolder());
            state.linkAcrossDocuments();
            state.insertContents(fonts);
            numberPages(whole, fonts, binding);
            state.describe(sources.get(0));
            return save(whole);
        } finally {
            for (PDDocument source : sources) source.close();
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        doc.save(out);
        return out.toByteArray();
    }

    /** Footers on every page but the first (the cover): recto name left and number right, verso mirrored. */
    private static void numberPages(PDDocument doc, Fonts fonts, Binding binding) throws IOException {
        int count = doc.getNumberOfPages();
        Color muted = color(binding.colors().muted());
        for (int i = 1; i < count; i++) {
            PDPage page = doc.getPage(i);
            String number = "Side " + (i + 1) + " af " + count;
            boolean recto = i % 2 == 0; // page i + 1 is odd
            String left = recto ? binding.municipality() : number;
            String right = recto ? number : binding.municipality();
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out.setNonStrokingColor(muted);
                text(out, fonts.regular(), FOOTER_SIZE, SIDE, FOOTER_BASELINE, left);
                text(out, fonts.regular(), FOOTER_SIZE, width - SIDE - fonts.regular().getStringWidth(right) / 1000 * FOOTER_SIZE,
                        FOOTER_BASELINE, right);
            }
        }
    }

    private static void text(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static Color color(String hex) {
        return new Color(Integer.parseInt(hex, 16));
    }

    /** A place in the whole handbook. */
    private record Target(PDPage page, float top) {
        PDPageXYZDestination destination() {
            PDPageXYZDestination d = new PDPageXYZDestination();
            d.setPage(page);
            d.setLeft(0);
            d.setTop(Math.round(top));
            return d;
        }
    }

    /** One laid-out document's named places, and its first page: where links that lead nowhere else go. */
    private record Laidout(Map<String, Target> named, Target start) {}

    /** A line of the table of contents: level 0 a part, 1 a chapter. */
    private record ContentsLine(int level, String title, Target target) {}

    /** The whole handbook while it is being bound. */
    private static final class WholeHandbook {
        private final PDDocument whole;
        private final Binding binding;
        private final PDDocumentOutline outline = new PDDocumentOutline();
        private final Map<COSDictionary, PDPage> imported = new IdentityHashMap<>();
        private final Map<String, Target> named = new HashMap<>();
        private final List<ContentsLine> contents = new ArrayList<>();
        /** Imported pages with the named destinations of the document they came from. */
        private final List<Map.Entry<PDPage, Laidout>> pages = new ArrayList<>();
        private PDOutlineItem contentsItem;

        WholeHandbook(PDDocument whole, Binding binding) {
            this.whole = whole;
            this.binding = binding;
        }

        void add(PdfStage.Book book, PDDocument source) throws IOException {
            Map<String, PDPageDestination> destinations = namedDestinations(source);
            int count = source.getNumberOfPages();
            int skipFrom = count;
            int skipTo = count;
            if (book.kind() == PdfStage.Kind.FRONT && book.parts().isEmpty()) {
                skipFrom = 1; // a cover alone
            } else if (book.kind() == PdfStage.Kind.PART && destinations.containsKey("toc") && !book.pages().isEmpty()) {
                // The part's own contents pages: from its "toc" anchor to its first chapter.
                skipFrom = pageIndex(source, destinations.get("toc"));
                PDPageDestination chapter = destinations.get(PdfSource.pageId(book.pages().get(0).slug()));
                skipTo = chapter == null ? skipFrom : pageIndex(source, chapter);
            }
            Map<String, Target> local = new HashMap<>();
            List<PDPage> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (i >= skipFrom && i < skipTo) continue;
                PDPage page = whole.importPage(source.getPage(i));
                imported.put(source.getPage(i).getCOSObject(), page);
                added.add(page);
            }
            PDPage firstPage = added.get(0);
            Laidout document = new Laidout(local, new Target(firstPage, height(firstPage)));
            for (PDPage page : added) pages.add(Map.entry(page, document));
            for (Map.Entry<String, PDPageDestination> d : destinations.entrySet()) {
                Target t = target(d.getValue());
                if (t == null) continue;
                local.put(d.getKey(), t);
                named.putIfAbsent(d.getKey(), t);
            }
            bookmarks(book, source, firstPage);
            contentsLines(book, local, firstPage);
        }

        /** Asciidoctor-pdf's bookmarks of the document, under one bookmark per part. */
        private void bookmarks(PdfStage.Book book, PDDocument source, PDPage cover) throws IOException {
            PDDocumentOutline own = source.getDocumentCatalog().getDocumentOutline();
            List<PDOutlineItem> items = new ArrayList<>();
            if (own != null) own.children().forEach(items::add);
            switch (book.kind()) {
                case FRONT -> {
                    for (int i = 0; i < items.size(); i++) {
                        copy(items.get(i), outline, source);
                        if (i == 0) {
                            contentsItem = new PDOutlineItem();
                            contentsItem.setTitle(CONTENTS_TITLE);
                            outline.addLast(contentsItem);
                        }
                    }
                }
                case PART -> {
                    PDOutlineItem part = new PDOutlineItem();
                    part.setTitle(book.title());
                    part.setDestination(new Target(cover, height(cover)).destination());
                    // The document's first bookmark is its title (the cover); its contents pages are left out.
                    for (int i = 1; i < items.size(); i++) copy(items.get(i), part, source);
                    outline.addLast(part);
                }
                case GROUP -> {
                    // No cover: asciidoctor-pdf still bookmarks the document's title, which here is only a running header.
                    for (PDOutlineItem item : items) if (!book.title().equals(item.getTitle())) copy(item, outline, source);
                }
            }
        }

        private void copy(PDOutlineItem item, PDOutlineNode parent, PDDocument source) throws IOException {
            PDPage page = item.findDestinationPage(source);
            PDPage target = page == null ? null : imported.get(page.getCOSObject());
            if (target == null) return; // on a page left out (a part's contents)
            PDOutlineItem copy = new PDOutlineItem();
            copy.setTitle(item.getTitle());
            float top = height(target);
            if (item.getDestination() instanceof PDPageXYZDestination xyz && xyz.getTop() >= 0) top = xyz.getTop();
            copy.setDestination(new Target(target, top).destination());
            for (PDOutlineItem child : item.children()) copy(child, copy, source);
            parent.addLast(copy);
        }

        /** The contents lines of one document: its parts, then chapters, from the plan and the chapters' anchors. */
        private void contentsLines(PdfStage.Book book, Map<String, Target> local, PDPage cover) {
            if (book.kind() == PdfStage.Kind.PART) contents.add(new ContentsLine(0, book.title(), new Target(cover, height(cover))));
            for (PdfStage.Part part : book.parts()) {
                if (part.title() != null && local.containsKey(part.id())) contents.add(new ContentsLine(0, part.title(), local.get(part.id())));
                for (dk.dis.handbook.content.Page page : part.pages()) {
                    Target t = local.get(PdfSource.pageId(page.slug()));
                    if (t != null) contents.add(new ContentsLine(1, page.title().replaceAll("\\s+", " ").strip(), t));
                }
            }
        }

        private Target target(PDPageDestination destination) throws IOException {
            PDPage page = destination.getPage();
            PDPage target = page == null ? null : imported.get(page.getCOSObject());
            if (target == null) return null;
            float top = destination instanceof PDPageXYZDestination xyz && xyz.getTop() >= 0 ? xyz.getTop() : height(target);
            return new Target(target, top);
        }

        /**
         * Every link now points into the whole handbook: links inside a document to the page it came
         * from, and links to another document's pages (written as the site's address) to that page here.
         */
        void linkAcrossDocuments() throws IOException {
            for (Map.Entry<PDPage, Laidout> entry : pages) {
                PDPage page = entry.getKey();
                Laidout document = entry.getValue();
                for (PDAnnotation annotation : page.getAnnotations()) {
                    annotation.setPage(page);
                    if (!(annotation instanceof PDAnnotationLink link)) continue;
                    PDAction action = link.getAction();
                    PDDestination destination = link.getDestination();
                    if (destination == null && action instanceof PDActionGoTo goTo) destination = goTo.getDestination();
                    Target target = null;
                    if (destination instanceof PDNamedDestination name) {
                        target = document.named().getOrDefault(name.getNamedDestination(), named.get(name.getNamedDestination()));
                        if (target == null) target = document.start();
                    } else if (destination instanceof PDPageDestination pageDestination) {
                        target = target(pageDestination);
                        if (target == null) target = document.start();
                    } else if (action instanceof PDActionURI uri) {
                        target = onSite(uri.getURI());
                    }
                    if (target != null) {
                        link.setAction(null);
                        link.setDestination(target.destination());
                    }
                }
            }
        }

        /** The place in the whole handbook of a link to the published site, or null if it is not in it. */
        private Target onSite(String uri) {
            String base = binding.baseUrl();
            if (uri == null || base == null || base.isEmpty() || !uri.startsWith(base + "/")) return null;
            String rest = uri.substring(base.length());
            int hash = rest.indexOf('#');
            String path = hash < 0 ? rest : rest.substring(0, hash);
            String fragment = hash < 0 ? "" : rest.substring(hash + 1);
            String slug = binding.slugByUrl().get(path);
            if (slug == null) return null;
            String id = PdfSource.pageId(slug);
            Target t = fragment.isEmpty() ? null : named.get(id + PdfSource.ID_SEPARATOR + fragment);
            return t != null ? t : named.get(id);
        }

        /** Draws the table of contents on new pages after the cover, with the page numbers they lead to. */
        void insertContents(Fonts fonts) throws IOException {
            ContentsLayout layout = new ContentsLayout(fonts, binding.colors());
            int pageCount = layout.pagesNeeded(contents);
            PDPage after = whole.getPage(0);
            List<PDPage> added = new ArrayList<>();
            for (int i = 0; i < pageCount; i++) {
                PDPage page = new PDPage(new PDRectangle(after.getMediaBox().getWidth(), after.getMediaBox().getHeight()));
                whole.getPages().insertAfter(page, after);
                added.add(page);
                after = page;
            }
            layout.draw(whole, added, contents);
            if (contentsItem != null && !added.isEmpty()) contentsItem.setDestination(new Target(added.get(0), height(added.get(0))).destination());
        }

        /** Title, author, subject and language from the front document; bookmarks shown when opened. */
        void describe(PDDocument front) {
            PDDocumentInformation from = front.getDocumentInformation();
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(from.getTitle());
            info.setAuthor(from.getAuthor());
            info.setSubject(from.getSubject());
            info.setKeywords(from.getKeywords());
            info.setCreator(from.getCreator());
            info.setProducer(from.getProducer());
            info.setCreationDate(from.getCreationDate());
            info.setModificationDate(from.getModificationDate());
            whole.setDocumentInformation(info);
            PDDocumentCatalog catalog = whole.getDocumentCatalog();
            catalog.setLanguage(front.getDocumentCatalog().getLanguage());
            catalog.setDocumentOutline(outline);
            catalog.setPageMode(PageMode.USE_OUTLINES);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
        }
    }

    private static int pageIndex(PDDocument doc, PDPageDestination destination) throws IOException {
        int n = destination.retrievePageNumber();
        return n < 0 ? doc.getNumberOfPages() : n;
    }

    private static float height(PDPage page) {
        return page.getMediaBox().getHeight();
    }

    /** A document's named destinations (asciidoctor-pdf names one per anchor). */
    private static Map<String, PDPageDestination> namedDestinations(PDDocument doc) throws IOException {
        Map<String, PDPageDestination> all = new HashMap<>();
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names != null && names.getDests() != null) collect(names.getDests(), all);
        return all;
    }

    private static void collect(PDNameTreeNode<PDPageDestination> node, Map<String, PDPageDestination> all) throws IOException {
        Map<String, PDPageDestination> here = node.getNames();
        if (here != null) all.putAll(here);
        if (node.getKids() != null) for (PDNameTreeNode<PDPageDestination> kid : node.getKids()) collect(kid, all);
    }

    /** Noto Sans as in the body text, embedded as a subset. */
    record Fonts(PDFont regular, PDFont bold) {
        static Fonts load(PDDocument doc, String folder) throws IOException {
            return new Fonts(font(doc, folder, "notosans-regular-subset.ttf"), font(doc, folder, "notosans-bold-subset.ttf"));
        }

        private static PDFont font(PDDocument doc, String folder, String file) throws IOException {
            String resource = folder + "/" + file;
            try (InputStream in = PdfBinder.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IOException("font " + resource + " is not on the classpath (it comes with asciidoctorj-pdf)");
                return PDType0Font.load(doc, in, true);
            }
        }
    }

    /** The whole handbook's table of contents: parts in bold, chapters indented, dot leaders, page numbers, links. */
    private static final class ContentsLayout {
        private static final float TITLE_SIZE = 18;
        private static final float PART_SIZE = 11;
        private static final float CHAPTER_SIZE = 10.5f;
        private static final float INDENT = 12;
        private static final float PART_GAP = 6;
        private final Fonts fonts;
        private final Colors colors;

        ContentsLayout(Fonts fonts, Colors colors) {
            this.fonts = fonts;
            this.colors = colors;
        }

        int pagesNeeded(List<ContentsLine> lines) throws IOException {
            return place(lines, null, null, null).size();
        }

        void draw(PDDocument doc, List<PDPage> pages, List<ContentsLine> lines) throws IOException {
            place(lines, doc, pages, doc.getPages());
        }

        /** Lays out the lines; with a document, draws them. Returns the lines' page of each page started. */
        private List<Integer> place(List<ContentsLine> lines, PDDocument doc, List<PDPage> pages,
                                    PDPageTree tree) throws IOException {
            List<Integer> started = new ArrayList<>();
            float pageHeight = PDRectangle.A4.getHeight();
            float right = PDRectangle.A4.getWidth() - SIDE;
            float y = 0;
            PDPageContentStream out = null;
            PDPage page = null;
            try {
                for (int i = 0; i < lines.size(); i++) {
                    ContentsLine line = lines.get(i);
                    PDFont font = line.level() == 0 ? fonts.bold() : fonts.regular();
                    float size = line.level() == 0 ? PART_SIZE : CHAPTER_SIZE;
                    float leading = size * 1.55f;
                    float left = SIDE + (line.level() == 0 ? 0 : INDENT);
                    String number = tree == null ? "000" : String.valueOf(tree.indexOf(line.target().page()) + 1);
                    float numberWidth = width(font, size, number);
                    List<String> wrapped = wrap(line.title(), font, size, right - left - numberWidth - 24);
                    float needed = wrapped.size() * leading + (line.level() == 0 ? PART_GAP : 0);
                    if (started.isEmpty() || y - needed < BOTTOM) {
                        if (out != null) out.close();
                        started.add(i);
                        y = pageHeight - TOP;
                        if (doc != null) {
                            page = pages.get(started.size() - 1);
                            out = new PDPageContentStream(doc, page);
                        }
                        if (started.size() == 1) {
                            y -= TITLE_SIZE;
                            if (out != null) {
                                out.setNonStrokingColor(color(colors.primary()));
                                text(out, fonts.bold(), TITLE_SIZE, SIDE, y, CONTENTS_TITLE);
                            }
                            y -= TITLE_SIZE;
                        }
                    }
                    if (line.level() == 0) y -= PART_GAP;
                    float top = y;
                    for (int w = 0; w < wrapped.size(); w++) {
                        y -= leading;
                        if (out == null) continue;
                        out.setNonStrokingColor(color(line.level() == 0 ? colors.primary() : colors.text()));
                        text(out, font, size, left, y + leading * 0.3f, wrapped.get(w));
                        if (w == wrapped.size() - 1) {
                            float end = left + width(font, size, wrapped.get(w)) + 4;
                            String dots = leader(font, size, right - numberWidth - 4 - end);
                            out.setNonStrokingColor(color(colors.text()));
                            if (!dots.isEmpty()) text(out, fonts.regular(), size, right - numberWidth - 4 - width(fonts.regular(), size, dots), y + leading * 0.3f, dots);
                            text(out, font, size, right - numberWidth, y + leading * 0.3f, number);
                        }
                    }
                    if (page != null) {
                        PDAnnotationLink link = new PDAnnotationLink();
                        link.setRectangle(new PDRectangle(left, y, right - left, top - y));
                        link.setDestination(line.target().destination());
                        // No border: the line itself shows where the link is.
                        link.setBorder(new COSArray(List.of(COSInteger.ZERO, COSInteger.ZERO, COSInteger.ZERO)));
                        link.setPage(page);
                        List<PDAnnotation> annotations = page.getAnnotations();
                        annotations.add(link);
                        page.setAnnotations(annotations);
                    }
                }
            } finally {
                if (out != null) out.close();
            }
            return started;
        }

        private String leader(PDFont font, float size, float space) throws IOException {
            float dot = width(font, size, " .");
            int n = (int) Math.floor(space / dot);
            return n <= 1 ? "" : " .".repeat(n);
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private static List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(font, size, candidate) > max) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) lines.add(line.toString());
            return lines;
        }
    }
}
