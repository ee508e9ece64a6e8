package dk.dis.handbook.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Lays out one PDF from its HTML with openhtmltopdf: tagged (PDF/UA, so screen readers get
 * headings, lists, tables and reading order), the handbook's fonts embedded, the inline SVG
 * diagrams drawn as vector graphics (their labels as outlines), and hyphenation in the handbook's
 * language.
 * Nothing is fetched from the network: images are read from the handbook's folder only.
 */
final class PdfLayout {
    static final String FONTS = "pdf/fonts";
    /**
     * The text typeface's four files, and the style each is for. The style sheet's family, and the
     * names the diagrams and Asciidoctor's HTML ask for, all map to it. openhtmltopdf looks up the
     * generic families under its own names ("sans-serif" as "SansSerif", "serif" as "Serif").
     */
    private static final Typeface TEXT = new Typeface(
            List.of("Noto Sans", "SansSerif", "Serif", "sans-serif", "serif", "Arial", "Helvetica"),
            List.of(new Face("NotoSans-Regular.ttf", 400, FontStyle.NORMAL),
                    new Face("NotoSans-Bold.ttf", 700, FontStyle.NORMAL),
                    new Face("NotoSans-Italic.ttf", 400, FontStyle.ITALIC),
                    new Face("NotoSans-BoldItalic.ttf", 700, FontStyle.ITALIC)));
    /**
     * Code (inline code, listing and source blocks): the style sheet asks for "Noto Sans Mono", and
     * the generic "monospace" (openhtmltopdf's "Monospaced") of its default style for code, pre and kbd
     * maps to it too. It has no italic: italic code is drawn upright.
     */
    private static final Typeface CODE = new Typeface(
            List.of("Noto Sans Mono", "Monospaced"),
            List.of(new Face("NotoSansMono-Regular.ttf", 400, FontStyle.NORMAL),
                    new Face("NotoSansMono-Bold.ttf", 700, FontStyle.NORMAL)));
    private static final List<Typeface> TYPEFACES = List.of(TEXT, CODE);
    /**
     * The families the SVG renderer gets too: the diagrams and logos ask for "Arial, Helvetica,
     * sans-serif" (it takes the first it has). Each one costs a font load per PDF; the document's
     * fonts are loaded only when a text uses them.
     */
    private static final Set<String> SVG_FAMILIES = Set.of("Noto Sans", "Arial", "sans-serif");

    private static final CompressParameters PIECE_COMPRESSION = new CompressParameters(1_000_000);

    /** The ids a bound PDF links to: parts, chapters and everything in them (see {@link PrintDocument}). */
    private static final java.util.regex.Pattern ANCHORS = java.util.regex.Pattern.compile("(del|side)-.*");

    private static final java.util.regex.Pattern INLINE_STYLE = java.util.regex.Pattern.compile("\\([^()]*#inline_style_\\d+\\)");

    private static final String FONT_WAY_OUT = "Restore the fonts from the handbook's repository (see assets/" + FONTS
            + "/README.md), or build with --no-pdf.";

    private record Face(String file, int weight, FontStyle style) {}

    private record Typeface(List<String> families, List<Face> faces) {}

    static {
        // Warnings reach the build through each layout's diagnostics (withDiagnosticConsumer); the
        // library's own log stays quiet.
        XRLog.setLoggerImpl(new XRLogger() {
            @Override public void log(String where, Level level, String message) {}
            @Override public void log(String where, Level level, String message, Throwable th) {}
            @Override public void setLevel(String logger, Level level) {}
            @Override public boolean isLogLevelEnabled(Diagnostic diagnostic) {
                return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
            }
        });
    }

    private final Path fonts;
    private final Path root;
    private final java.util.Set<Path> images;
    private final PatternHyphenator hyphenator;
    private final String producer;
    private final String linkLabel;

    private PdfLayout(Path fonts, Path root, java.util.Set<Path> images, PatternHyphenator hyphenator, String producer, String linkLabel) {
        this.fonts = fonts;
        this.root = root;
        this.images = images;
        this.hyphenator = hyphenator;
        this.producer = producer;
        this.linkLabel = linkLabel;
    }

    /**
     * @param root      the handbook's folder, where the logo is read from
     * @param producer  the PDFs' producer in their metadata (handbook.yml's pdfProducer)
     * @param linkLabel what a link's annotation says when it has no text of its own
     * @param images    the pages' image files (content/uploads/…), the only other files a PDF may read
     */
    static PdfLayout of(Path assetsDir, Path root, String language, String producer, String linkLabel,
                        java.util.Collection<Path> images) throws IOException, ContentException {
        Path fonts = assetsDir.resolve(FONTS);
        List<ContentProblem> problems = new ArrayList<>();
        for (Face face : TYPEFACES.stream().flatMap(t -> t.faces().stream()).toList()) {
            String name = "assets/" + FONTS + "/" + face.file();
            Path file = fonts.resolve(face.file());
            if (!Files.isRegularFile(file)) {
                problems.add(new ContentProblem(name, null, "is missing: a font of the PDFs.", FONT_WAY_OUT));
                continue;
            }
            // Read once here, so that a broken file is named, not reported from deep inside the layout.
            try (RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file.toFile())) {
                new TTFParser().parse(in).close();
            } catch (IOException | RuntimeException e) {
                problems.add(new ContentProblem(name, null, "is not a TrueType font (" + e.getMessage() + ").", FONT_WAY_OUT));
            }
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        return new PdfLayout(fonts, root.toAbsolutePath().normalize(), java.util.Set.copyOf(images), PatternHyphenator.forLanguage(language),
                producer, linkLabel);
    }

    /**
     * Lays out a small throwaway document on a background thread, so that loading and compiling
     * the layout's code (openhtmltopdf, Batik, PDFBox, the fonts and hyphenation patterns) happens
     * while JRuby boots and the pages are converted, not when the PDFs are waited for. Does nothing
     * when the fonts are broken: the pdf stage reports that.
     */
    static void warmUp(Path assetsDir) {
        Thread thread = new Thread(() -> {
            try {
                PdfLayout layout = of(assetsDir, assetsDir, "da", "warm-up", "Link", List.of());
                StringBuilder body = new StringBuilder("<section><h1>Opvarmning</h1><nav><ul><li><a href='#a'>Afsnit</a></li></ul></nav>");
                try (var diagrams = Files.list(assetsDir.resolve("diagrams"))) {
                    for (Path svg : diagrams.filter(f -> f.toString().endsWith(".svg")).sorted().limit(1).toList()) {
                        body.append(Files.readString(svg));
                    }
                }
                body.append("<h2 id='a'>Afsnit</h2><p>Innovationsarbejdet i kommunalbestyrelsen og organisationen.</p>")
                        .append("<table><tr><th>Princip</th><td>Samskabelse</td></tr></table></section>");
                Document html = org.jsoup.Jsoup.parse("<html lang='da'><head><title>Opvarmning</title><style>"
                        + Files.readString(assetsDir.resolve(PrintStyle.FILE)) + "</style></head><body>" + body + "</body></html>");
                layout.render(html, warning -> { });
            } catch (IOException | ContentException | RuntimeException e) {
                // Only a warm-up: the real layout reports problems.
            }
        }, "pdf-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The text typeface's regular face, for what the binder draws (page numbers). */
    Path textFont() {
        return fonts.resolve(TEXT.faces().get(0).file());
    }

    /** A piece laid out: its bytes, and the document itself while the binder may still use it (the caller closes it). */
    record Rendered(byte[] pdf, PDDocument document) {}

    /** The PDF's bytes; the layout's warnings go to {@code warnings}. */
    byte[] render(Document html, Consumer<String> warnings) throws IOException {
        Rendered rendered = render(html, warnings, false);
        return rendered.pdf();
    }

    /** The PDF, and with {@code keepOpen} its document, so that the binder need not read it back. */
    Rendered render(Document html, Consumer<String> warnings, boolean keepOpen) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer(producer);
        builder.useSVGDrawer(new BatikSVGDrawer());
        if (hyphenator != null) builder.useHyphenation(hyphenator);
        for (Typeface typeface : TYPEFACES) {
            for (String family : typeface.families()) {
                // The diagrams' text is drawn as outlines in these fonts.
                Set<FSFontUseCase> uses = SVG_FAMILIES.contains(family)
                        ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG) : EnumSet.of(FSFontUseCase.DOCUMENT);
                for (Face face : typeface.faces()) {
                    builder.useFont(fonts.resolve(face.file()).toFile(), family, face.weight(), face.style(), true, uses);
                }
            }
        }
        builder.useExternalResourceAccessControl((uri, type) -> isInside(uri), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withDiagnosticConsumer(d -> {
            if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                // The style sheet is put into the document: name its file, not the document's place for it.
                warnings.accept(INLINE_STYLE.matcher(d.getFormattedMessage()).replaceAll("(assets/" + PrintStyle.FILE + ")"));
            }
        });
        builder.withW3cDocument(new W3CDom().fromJsoup(html), root.toUri().toString());
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument pdf = renderer.createPDFKeepOpen();
            try {
                describeLinks(pdf);
                nameAnchors(pdf, renderer);
                // A piece from the cache is read again by the binder: PDFBox reads each object stream
                // with a pass over the whole cross-reference table, so a piece has a few large ones.
                pdf.save(out, PIECE_COMPRESSION);
            } catch (IOException | RuntimeException e) {
                pdf.close();
                throw e;
            }
            if (!keepOpen) pdf.close();
            return new Rendered(out.toByteArray(), keepOpen ? pdf : null);
        }
    }

    /**
     * Every place a link or bookmark of a bound PDF may lead to becomes a named destination, so
     * that the binder finds it in the laid-out chunk (which may come from an earlier build's cache).
     */
    private static void nameAnchors(PDDocument pdf, PdfBoxRenderer renderer) {
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        Map<String, PDPageDestination> named = new TreeMap<>();
        for (PagePosition<Box> anchor : renderer.findPagePositionsByID(ANCHORS)) {
            if (named.containsKey(anchor.getId())) continue;
            // A box across pages is listed for each of them: the page is the one its top is on.
            int y = anchor.getElement().getAbsY();
            int page = 0;
            while (page < pages.size() - 1 && y >= pages.get(page).getBottom()) page++;
            if (page >= pdf.getNumberOfPages()) continue;
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(pdf.getPage(page));
            float height = pdf.getPage(page).getMediaBox().getHeight();
            float top = anchor.getPageNo() == page ? anchor.getY() + anchor.getHeight() : height;
            destination.setTop(Math.round(Math.min(top, height)));
            destination.setLeft(Math.round(anchor.getX()));
            named.put(anchor.getId(), destination);
        }
        PDDestinationNameTreeNode tree = new PDDestinationNameTreeNode();
        tree.setNames(named);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
        names.setDests(tree);
        pdf.getDocumentCatalog().setNames(names);
    }

    /**
     * PDF/UA asks every link annotation to say what it is (/Contents). The layout tags each link
     * with its title as /Alt; the annotation gets the same text.
     */
    private void describeLinks(PDDocument pdf) throws IOException {
        PDStructureTreeRoot tree = pdf.getDocumentCatalog().getStructureTreeRoot();
        PDNumberTreeNode parents = tree == null ? null : tree.getParentTree();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationLink link) || link.getContents() != null) continue;
                String text = null;
                if (parents != null && link.getStructParent() >= 0
                        && parents.getValue(link.getStructParent()) instanceof COSObjectable value
                        && value.getCOSObject() instanceof COSDictionary element) {
                    text = new PDStructureElement(element).getAlternateDescription();
                }
                if (text == null && link.getAction() instanceof PDActionURI uri) text = uri.getURI();
                link.setContents(text == null ? linkLabel : text);
            }
        }
    }

    /** Only files in the handbook's folder and the fonts: no network, nothing else on the machine. */
    private boolean isInside(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equals(u.getScheme())) return false;
            Path file = Path.of(u).toAbsolutePath().normalize();
            return file.startsWith(root) || images.contains(file) || file.startsWith(fonts.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
