package dk.dis.handbook.pdf;

import dk.dis.handbook.site.Dates;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.MediaFile;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.search.SectionExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Stage "pdf": one PDF per section of the navigation listed as a part (except the front page's), and
 * the whole handbook (handbook.yml's {@code pdfFile}). The PDFs are in the site's language: their
 * interface text (contents, page numbers, the preview mark) is from its message bundle. Each PDF is laid out from the HTML the build's Asciidoctor
 * instance converted for the web pages ({@link PrintDocument}), by openhtmltopdf on two threads:
 * tagged for screen readers (PDF/UA), with the fonts embedded, the diagrams as vector graphics and
 * the text hyphenated. Web pages link to their section's PDF (without its size: the pages are
 * baked before the PDFs are written).
 */
public final class PdfStage {
    public static final String FOLDER = "pdf";

    /** One PDF: its file name, title and pages in reading order, grouped in parts. */
    public record Book(String fileName, String title, List<Part> parts) {
        public List<Page> pages() {
            return parts.stream().flatMap(p -> p.pages().stream()).toList();
        }
    }

    /** A group of chapters; a null title puts the chapters before the first part (or makes them the whole PDF). */
    public record Part(String id, String title, List<Page> pages) {}

    /** A PDF written: file name, title and size in bytes. */
    public record Written(String fileName, String title, long bytes) {}

    /**
     * @param seconds   from the start of the layout until the build had every PDF
     * @param documents the PDFs planned
     * @param reused    those of them taken from an earlier build
     * @param pieces    the fronts and chunks the PDFs were bound from (or would have been, for those reused)
     * @param piecesLaidOut those of them laid out by this build (the others were unchanged)
     */
    public record Result(List<Written> files, long bytes, List<String> warnings, double seconds, int documents, int reused,
                         int pieces, int piecesLaidOut) {}

    private PdfCache cache;

    /**
     * Keeps laid-out PDFs in {@code folder} and reuses them while nothing they depend on changed.
     *
     * @param code changes with the build's own code
     */
    public PdfStage withCache(Path folder, String code, Path assetsDir, Path logo) throws IOException {
        // The diagrams and the style sheet are in the HTML itself, and so in each PDF's key.
        List<Path> inputs = new ArrayList<>(List.of(assetsDir.resolve(PdfLayout.FONTS)));
        if (logo != null) inputs.add(logo);
        this.cache = new PdfCache(folder, code, inputs);
        return this;
    }

    /**
     * The PDFs to lay out: the whole handbook first (the front page's section first, every other
     * section a part), then one for every section with its own PDF (handbook.yml's pdfParts, or every
     * section but the front page's when it has none).
     */
    public static List<Book> plan(SiteMap site, HandbookConfig config) {
        List<Part> whole = new ArrayList<>();
        List<Book> parts = new ArrayList<>();
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            boolean home = index.url().equals("/");
            List<Page> pages = section.readingOrder().stream().filter(PdfStage::isPrintable).toList();
            if (pages.isEmpty()) continue;
            whole.add(new Part(home ? null : "del-" + index.section(), home ? null : index.navTitle(), pages));
            if (hasOwnPdf(index, config)) {
                parts.add(new Book(index.section() + ".pdf", index.navTitle(), List.of(new Part(null, null, pages))));
            }
        }
        List<Book> books = new ArrayList<>();
        books.add(new Book(config.pdfFile(), site.home().title(), whole));
        books.addAll(parts);
        return books;
    }

    /**
     * The search page and the subject index work only on the web (the index stage fills them in):
     * on paper they would be a page of instructions for a search field that is not there.
     */
    private static boolean isPrintable(Page page) {
        return !page.bodyHtml().contains("id=\"" + SectionExtractor.SEARCH_PAGE_MARK + "\"")
                && !page.bodyHtml().contains("id=\"" + SectionExtractor.SUBJECT_INDEX_MARK + "\"");
    }

    /** Starts loading the layout's code in the background (see {@link PdfLayout#warmUp}). */
    public static void warmUp(Path assetsDir) {
        PdfLayout.warmUp(assetsDir);
    }

    /**
     * What the templates get: for every section, the PDF its pages link to ({@code file}, {@code url},
     * {@code title} and {@code label}, the link's text; the link shows no size, since the PDFs are written after the pages).
     * The front page links to the whole handbook. Title and label are in the PDFs' language.
     */
    public static Map<String, Map<String, String>> links(SiteMap site, HandbookConfig config) {
        Map<String, String> t = Messages.of(config.language());
        Map<String, Map<String, String>> links = new HashMap<>();
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            boolean own = hasOwnPdf(index, config) && section.readingOrder().stream().anyMatch(PdfStage::isPrintable);
            String file = own ? index.section() + ".pdf" : config.pdfFile();
            links.put(index.section(), Map.of(
                    "file", file,
                    "url", "/" + FOLDER + "/" + file,
                    "title", own ? index.navTitle() : text(t, "pdf.whole"),
                    "label", text(t, "pdf.download")));
        }
        return links;
    }

    private static boolean hasOwnPdf(Page sectionIndex, HandbookConfig config) {
        if (config.pdfParts() != null) return config.pdfParts().contains(sectionIndex.section());
        return !sectionIndex.url().equals("/");
    }

    private static String text(Map<String, String> t, String key) {
        String text = t.get(key);
        if (text == null) {
            throw new IllegalStateException("The message bundle has no '" + key + "': add it to src/main/resources/messages/messages_*.properties.");
        }
        return text;
    }

    /** Parts in handbook.yml's pdfParts that are not sections of this build (a typo, or content not there yet). */
    private static List<String> unknownParts(SiteMap site, HandbookConfig config) {
        List<String> warnings = new ArrayList<>();
        if (config.pdfParts() == null) return warnings;
        for (String part : config.pdfParts()) {
            if (site.sections().stream().noneMatch(s -> s.index().section().equals(part) && !s.index().url().equals("/"))) {
                warnings.add("handbook.yml: pdfParts names '" + part + "', which is not a section of the handbook: no PDF for it."
                        + " Use a folder name under content/, e.g. trin-1.");
            }
        }
        return warnings;
    }

    /**
     * Starts laying out every PDF of {@link #plan} on background threads and returns at once, so the
     * PDFs are laid out while the site is baked and indexed. The PDFs stay in memory until
     * {@link Rendering#finish}.
     *
     * @param root the handbook's folder: the only place images (the logo) are read from
     */
    public Rendering start(SiteMap site, HandbookConfig config, Path assetsDir, Path root, boolean preview, List<MediaFile> images)
            throws IOException, ContentException {
        Map<String, Path> imageFiles = new HashMap<>();
        for (MediaFile image : images) imageFiles.put(image.url(), image.source().toAbsolutePath().normalize());
        Path logo = null;
        if (config.logo() != null) {
            logo = root.resolve(config.logo()).normalize();
            if (!Files.isRegularFile(logo)) {
                throw new ContentException(new ContentProblem("handbook.yml", "logo", "names " + config.logo() + ", which does not exist.",
                        "Put the logo there, or remove the field."));
            }
        }
        Map<String, String> t = Messages.of(config.language());
        // A preview's PDFs contain drafts: say so on the cover and on every page.
        String mark = preview ? text(t, "pdf.previewMark") : null;
        PdfLayout layout = PdfLayout.of(assetsDir, root, config.language(), config.pdfProducer(), text(t, "pdf.link"), imageFiles.values());
        String css = PrintStyle.css(assetsDir, config, mark);
        PrintDocument.Cover cover = new PrintDocument.Cover(config.municipality(), site.home().title(),
                config.tagline() == null ? config.name() : config.tagline(), config.name() + ", " + config.municipality(),
                Dates.format(LocalDate.now(ZoneId.of("Europe/Copenhagen")), config.language()),
                logo == null ? null : logo.toUri().toString(), mark, config.language(), text(t, "pdf.contents"), text(t, "pdf.diagram"));
        List<Book> books = plan(site, config);
        for (Book part : books.subList(1, books.size())) {
            if (part.fileName().equals(config.pdfFile())) {
                throw new ContentException(new ContentProblem("handbook.yml", "pdfFile", "is '" + config.pdfFile()
                        + "', the name of the PDF of the section " + part.title() + ".", "Choose another name for the whole handbook's PDF."));
            }
        }
        Rendering rendering = new Rendering(unknownParts(site, config), config.language(), layout, css,
                text(t, "pdf.pageNumbers"), imageFiles);
        rendering.plan = books;
        try {
            for (Book book : books) {
                rendering.futures.put(book, rendering.book(book, new PrintDocument(book, cover, config.baseUrlTrimmed())));
            }
            return rendering;
        } catch (RuntimeException e) {
            rendering.close();
            throw e;
        }
    }

    /** PDFs being laid out in the background. Close it to stop (it waits for layouts under way). */
    public final class Rendering implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(threads(), runnable -> {
            Thread t = new Thread(runnable, "pdf");
            t.setDaemon(true);
            return t;
        });
        private final Map<Book, Future<Converted>> futures = new HashMap<>();
        private List<Book> plan;
        private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger laidOutPieces = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger pieces = new java.util.concurrent.atomic.AtomicInteger();
        private final Map<String, byte[]> laidOut = new ConcurrentHashMap<>();
        private final List<String> warnings;
        private final long started = System.nanoTime();
        private final String language;
        private final PdfLayout layout;
        private final String css;
        private final String pageNumbers;
        private final Map<String, Path> imageFiles;

        private Rendering(List<String> warnings, String language, PdfLayout layout, String css, String pageNumbers,
                          Map<String, Path> imageFiles) {
            this.warnings = new ArrayList<>(warnings);
            this.language = language;
            this.layout = layout;
            this.css = css;
            this.pageNumbers = pageNumbers;
            this.imageFiles = imageFiles;
        }

        /**
         * Lays out a book's chunks and a draft of its front (contents without page numbers) in
         * parallel; when all are done, the front with the page numbers they show, and binds them.
         */
        private CompletableFuture<Converted> book(Book book, PrintDocument print) {
            String name = FOLDER + "/" + book.fileName();
            List<CompletableFuture<Piece>> chunks = new ArrayList<>();
            for (int i = 0; i < print.chunkCount(); i++) chunks.add(piece(name, print.chunk(i, css), true));
            CompletableFuture<Piece> draft = piece(name, print.front(css, Map.of()), false);
            List<CompletableFuture<Piece>> all = new ArrayList<>(chunks);
            all.add(draft);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApplyAsync(done -> {
                List<Piece> pieces = chunks.stream().map(CompletableFuture::join).toList();
                try {
                    return bind(book, print, draft.join(), pieces);
                } catch (IOException | RuntimeException e) {
                    return new Converted(book.fileName(), book.title(), null, List.of(new ContentProblem(name, null,
                            "could not be bound: " + firstLine(e), "Build again with --clean; if it stays, report it with the build's log.")),
                            List.of());
                }
            }, pool);
        }

        /** The book bound from its pieces, or the bound book of an earlier build when none of them changed. */
        private Converted bind(Book book, PrintDocument print, Piece draft, List<Piece> chunks) throws IOException {
            List<ContentProblem> problems = new ArrayList<>(draft.problems());
            List<String> warned = new ArrayList<>(draft.warnings());
            StringBuilder keys = new StringBuilder("bound");
            List<org.apache.pdfbox.pdmodel.PDDocument> read = new ArrayList<>();
            try {
                for (Piece chunk : chunks) {
                    problems.addAll(chunk.problems());
                    warned.addAll(chunk.warnings());
                    keys.append(' ').append(chunk.key());
                }
                if (!problems.isEmpty()) return new Converted(book.fileName(), book.title(), null, problems, warned);
                String key = cache == null ? null : cache.key(keys + " " + draft.key());
                byte[] earlier = key == null ? null : cache.get(key);
                if (earlier != null) {
                    reused.incrementAndGet();
                    return new Converted(book.fileName(), book.title(), earlier, List.of(), warned);
                }
                List<PdfBinder.Places> places = new ArrayList<>();
                for (Piece chunk : chunks) {
                    read.add(chunk.read());
                    places.add(PdfBinder.places(read.get(read.size() - 1)));
                }
                return bindWithContents(book, print, draft, places, read, key, warned);
            } finally {
                for (org.apache.pdfbox.pdmodel.PDDocument doc : read) doc.close();
                for (Piece chunk : chunks) chunk.close();
            }
        }

        /** Lays out the front with the page numbers the chunks show, and binds. */
        private Converted bindWithContents(Book book, PrintDocument print, Piece draft, List<PdfBinder.Places> places,
                                           List<org.apache.pdfbox.pdmodel.PDDocument> chunks, String key, List<String> warned)
                throws IOException {
            String name = FOLDER + "/" + book.fileName();
            // The contents' page numbers depend on how many pages the contents take: at most a few tries.
            int frontPages = PdfBinder.places(draft.pdf()).pages();
            Piece front = null;
            for (int attempt = 0; ; attempt++) {
                if (attempt == 3) throw new IOException("its contents take " + frontPages + " or more pages, depending on their page numbers");
                Map<String, Integer> numbers = new HashMap<>();
                int offset = frontPages;
                for (PdfBinder.Places p : places) {
                    for (Map.Entry<String, Integer> e : p.pageOf().entrySet()) numbers.put(e.getKey(), offset + e.getValue() + 1);
                    offset += p.pages();
                }
                front = pieceHere(name, print.front(css, numbers));
                if (!front.problems().isEmpty()) return new Converted(book.fileName(), book.title(), null, front.problems(), warned);
                int pages = PdfBinder.places(front.pdf()).pages();
                if (pages == frontPages) break;
                frontPages = pages;
            }
            warned.addAll(front.warnings());
            byte[] pdf = PdfBinder.bind(front.pdf(), chunks, print.outline(), pageNumbers, layout.textFont());
            if (key != null && warned.isEmpty()) this.laidOut.put(key, pdf);
            return new Converted(book.fileName(), book.title(), pdf, List.of(), warned);
        }

        /** A piece from the cache, or laid out on the pool. */
        private CompletableFuture<Piece> piece(String name, org.jsoup.nodes.Document html, boolean keepOpen) {
            pieces.incrementAndGet();
            String key = cache == null ? null : cache.key(html.outerHtml());
            try {
                byte[] earlier = key == null ? null : cache.get(key);
                if (earlier != null) return CompletableFuture.completedFuture(new Piece(key, earlier, List.of(), List.of()));
            } catch (IOException e) {
                // Laid out again below.
            }
            return CompletableFuture.supplyAsync(() -> layOut(name, key, html, keepOpen), pool);
        }

        /** A piece from the cache, or laid out on this thread. */
        private Piece pieceHere(String name, org.jsoup.nodes.Document html) throws IOException {
            pieces.incrementAndGet();
            String key = cache == null ? null : cache.key(html.outerHtml());
            byte[] earlier = key == null ? null : cache.get(key);
            return earlier != null ? new Piece(key, earlier, List.of(), List.of()) : layOut(name, key, html, false);
        }

        private Piece layOut(String name, String key, org.jsoup.nodes.Document html, boolean keepOpen) {
            // The pages' images, read from their files (the published names carry the content hash, so the key holds it).
            for (org.jsoup.nodes.Element img : html.select("img[src]")) {
                Path file = imageFiles.get(img.attr("src"));
                if (file != null) img.attr("src", file.toUri().toString());
            }
            List<String> warned = new ArrayList<>();
            try {
                PdfLayout.Rendered rendered = layout.render(html, message -> warned.add(name + ": " + message), keepOpen);
                laidOutPieces.incrementAndGet();
                if (key != null && warned.isEmpty()) laidOut.put(key, rendered.pdf());
                return new Piece(key, rendered.pdf(), List.of(), warned, rendered.document());
            } catch (IOException | RuntimeException e) {
                return new Piece(key, null, List.of(new ContentProblem(name, null, "could not be laid out: " + firstLine(e),
                        "Check the pages of " + html.title() + " and assets/" + PrintStyle.FILE + ".")), warned);
            }
        }

        /**
         * Waits for the layouts, then writes the PDFs to {@code siteDir}/pdf/. Nothing is written when a PDF failed.
         */
        public Result finish(Path siteDir) throws IOException, ContentException {
            List<Converted> results = new ArrayList<>();
            for (Book book : plan) converted(futures.get(book), results);
            List<ContentProblem> problems = new ArrayList<>();
            for (Converted c : results) problems.addAll(c.problems());
            // PDFs sharing a fault (a broken style sheet) report it once.
            if (!problems.isEmpty()) throw new ContentException(new ArrayList<>(new LinkedHashSet<>(problems)));
            double seconds = (System.nanoTime() - started) / 1e9;
            Path folder = Files.createDirectories(siteDir.resolve(FOLDER));
            List<Written> written = new ArrayList<>();
            long total = 0;
            for (Converted c : results) {
                warnings.addAll(c.warnings());
                Files.write(folder.resolve(c.fileName()), c.pdf());
                Written w = new Written(c.fileName(), c.title(), c.pdf().length);
                written.add(w);
                total += w.bytes();
            }
            if (cache != null) {
                for (Map.Entry<String, byte[]> e : laidOut.entrySet()) cache.put(e.getKey(), e.getValue());
                cache.prune();
            }
            return new Result(List.copyOf(written), total, List.copyOf(new LinkedHashSet<>(warnings)), seconds, plan.size(),
                    reused.get(), pieces.get(), laidOutPieces.get());
        }

        /** Drops the layouts not begun and waits for those under way. */
        @Override
        public void close() {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

    }

    /** Two layouts at a time on two or more cores; -Dhandbook.pdf.threads=N to measure others. */
    private static int threads() {
        int fallback = Math.min(2, Runtime.getRuntime().availableProcessors());
        return Math.max(1, Integer.getInteger("handbook.pdf.threads", fallback));
    }

    /** One PDF in memory, or the problems that stopped it. */
    private record Converted(String fileName, String title, byte[] pdf, List<ContentProblem> problems, List<String> warnings) {}

    /** A laid-out piece of a PDF (a chunk or a front) and its cache key, or the problems that stopped it. */
    private record Piece(String key, byte[] pdf, List<ContentProblem> problems, List<String> warnings,
                         org.apache.pdfbox.pdmodel.PDDocument document) {
        Piece(String key, byte[] pdf, List<ContentProblem> problems, List<String> warnings) {
            this(key, pdf, problems, warnings, null);
        }

        /** The piece's document: the one just laid out, or read from its bytes. */
        org.apache.pdfbox.pdmodel.PDDocument read() throws IOException {
            return document != null ? document : org.apache.pdfbox.Loader.loadPDF(pdf);
        }

        void close() throws IOException {
            if (document != null) document.close();
        }
    }

    private static void converted(Future<Converted> future, List<Converted> results) throws IOException {
        try {
            results.add(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing PDFs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** A file size for the build's log, as Danish readers write it: 412 kB, 1,2 MB. */
    public static String humanSize(long bytes) {
        return humanSize(bytes, "da");
    }

    /** A file size as readers of {@code language} write it: 412 kB, 1,2 MB in Danish, 1.2 MB in English. */
    public static String humanSize(long bytes, String language) {
        DecimalFormat oneDecimal = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag(language)));
        if (bytes < 1000 * 1000) return Math.max(1, Math.round(bytes / 1000.0)) + " kB";
        return oneDecimal.format(bytes / 1_000_000.0) + " MB";
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
