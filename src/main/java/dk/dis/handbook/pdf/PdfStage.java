package dk.dis.handbook.pdf;

import dk.dis.handbook.bake.Dates;
import dk.dis.handbook.bake.SiteMap;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.Page;
import dk.dis.handbook.convert.AsciidocEngine;
import org.asciidoctor.log.LogRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage "pdf": one PDF per section of the navigation listed as a part (except the front page's), and
 * the whole handbook ({@value #WHOLE}). Each page is laid out once: asciidoctor-pdf, in the build's
 * one Asciidoctor instance, converts every part, and the sections without a PDF of their own in
 * groups, on two threads; {@link PdfBinder} then binds the whole handbook from those documents and
 * numbers every PDF's pages. Web pages link to their section's PDF; the link's file size is only
 * known afterwards, so the pages carry a placeholder that {@link Rendering#finish} fills in.
 */
public final class PdfStage {
    public static final String WHOLE = "dis-modellen.pdf";
    public static final String FOLDER = "pdf";
    static final String PREVIEW_MARK = "Forhåndsvisning med kladder – må ikke deles";
    private static final String SIZE_TOKEN = "@@pdf-size:";
    private static final Pattern SIZE_PLACEHOLDER = Pattern.compile("@@pdf-size:([a-z0-9-]+\\.pdf)@@");

    /**
     * One document asciidoctor-pdf lays out: its name, title and pages in reading order, grouped in
     * parts. A {@link Kind#PART} is also published as a PDF of its own.
     */
    public record Book(String fileName, String title, Kind kind, List<Part> parts) {
        public List<Page> pages() {
            return parts.stream().flatMap(p -> p.pages().stream()).toList();
        }
    }

    /** What a laid-out document is to the whole handbook. */
    public enum Kind {
        /** The whole handbook's cover and the chapters before its first part (the front page's section). */
        FRONT,
        /** A section with its own PDF: cover, contents and chapters. In the whole handbook its cover opens the part. */
        PART,
        /** Sections without a PDF of their own, each a part (part page and chapters), no cover. */
        GROUP
    }

    /** A group of chapters; a null title puts the chapters before the first part. */
    public record Part(String id, String title, List<Page> pages) {}

    /** A PDF written: file name, title and size in bytes. */
    public record Written(String fileName, String title, long bytes) {}

    /** @param seconds from the start of the conversions until the PDFs were bound */
    public record Result(List<Written> files, long bytes, List<String> warnings, double seconds, int documents, int reused) {}

    private final AsciidocEngine engine;
    private PdfCache cache;

    public PdfStage(AsciidocEngine engine) {
        this.engine = engine;
    }

    /**
     * Keeps laid-out documents in {@code folder} and reuses them while nothing they depend on changed.
     *
     * @param code changes with the build's own code
     */
    public PdfStage withCache(Path folder, String code, Path assetsDir, Path logo) throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(assetsDir.resolve("pdf"), assetsDir.resolve("diagrams")));
        if (logo != null) inputs.add(logo);
        this.cache = new PdfCache(folder, code, inputs);
        return this;
    }

    /**
     * The documents to lay out, in the whole handbook's order: the front (cover and the front page's
     * chapters), then every section: a section with its own PDF (handbook.yml's pdfParts, or every
     * section but the front page's when it has none) as a {@link Kind#PART}, the others grouped.
     */
    public static List<Book> plan(SiteMap site, HandbookConfig config) {
        List<Book> books = new ArrayList<>();
        List<Part> waiting = new ArrayList<>();
        String title = site.home().title();
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            boolean home = index.url().equals("/");
            if (hasOwnPdf(index, config)) {
                addGroup(books, waiting, title);
                books.add(new Book(index.section() + ".pdf", index.navTitle(), Kind.PART,
                        List.of(new Part(null, null, section.readingOrder()))));
            } else {
                waiting.add(new Part(home ? null : "del-" + index.section(), home ? null : index.navTitle(), section.readingOrder()));
            }
        }
        addGroup(books, waiting, title);
        // The whole handbook opens with its own cover even when the front page's section is a part.
        if (books.get(0).kind() != Kind.FRONT) books.add(0, new Book("forside", title, Kind.FRONT, List.of()));
        return books;
    }

    private static void addGroup(List<Book> books, List<Part> waiting, String title) {
        if (waiting.isEmpty()) return;
        boolean front = books.isEmpty();
        books.add(new Book(front ? "forside" : "gruppe-" + books.size(), title, front ? Kind.FRONT : Kind.GROUP, List.copyOf(waiting)));
        waiting.clear();
    }

    /**
     * What the templates get: for every section, the PDF its pages link to ({@code url}, {@code title}
     * and {@code size}, a placeholder until the PDFs exist). The front page links to the whole handbook.
     */
    public static Map<String, Map<String, String>> links(SiteMap site, HandbookConfig config) {
        Map<String, Map<String, String>> links = new HashMap<>();
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            boolean own = hasOwnPdf(index, config);
            String file = own ? index.section() + ".pdf" : WHOLE;
            links.put(index.section(), Map.of(
                    "url", "/" + FOLDER + "/" + file,
                    "title", own ? index.navTitle() : "hele håndbogen",
                    "size", SIZE_TOKEN + file + "@@"));
        }
        return links;
    }

    private static boolean hasOwnPdf(Page sectionIndex, HandbookConfig config) {
        if (config.pdfParts() != null) return config.pdfParts().contains(sectionIndex.section());
        return !sectionIndex.url().equals("/");
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
     * Writes every PDF of {@link #plan} to {@code siteDir}/pdf/ and fills in the file sizes in the
     * site's HTML pages: {@link #start} and {@link Rendering#finish} in one.
     */
    public Result run(SiteMap site, HandbookConfig config, Path contentDir, Path assetsDir, Path root, Path siteDir,
                      boolean preview) throws IOException, ContentException {
        try (Rendering rendering = start(site, config, contentDir, assetsDir, root, preview)) {
            return rendering.finish(siteDir);
        }
    }

    /**
     * Starts converting every PDF of {@link #plan} on background threads and returns at once, so
     * the PDFs are laid out while the site is baked and indexed. The PDFs stay in memory until
     * {@link Rendering#finish}.
     *
     * @param root the handbook's folder: the only place images (diagrams, logo) are read from
     */
    public Rendering start(SiteMap site, HandbookConfig config, Path contentDir, Path assetsDir, Path root,
                           boolean preview) throws IOException, ContentException {
        Path logo = null;
        if (config.logo() != null) {
            logo = root.resolve(config.logo()).normalize();
            if (!Files.isRegularFile(logo)) {
                throw new ContentException(new ContentProblem("handbook.yml", "logo", "names " + config.logo() + ", which does not exist.",
                        "Put the logo there, or remove the field."));
            }
        }
        Path themeDir = Files.createTempDirectory("handbook-pdf-theme");
        Rendering rendering = new Rendering(themeDir, unknownParts(site, config));
        try {
            Path theme = PdfTheme.write(assetsDir.resolve("pdf/theme.yml"), config.colors(), themeDir);
            Map<String, Object> shared = sharedAttributes(config, theme, assetsDir, logo);
            // A preview's PDFs contain drafts: say so on the cover and on every page.
            if (preview) shared.put("revremark", PREVIEW_MARK);
            shared.put("handbook-status", preview ? PREVIEW_MARK : "");
            List<Book> books = plan(site, config);
            rendering.plan = books;
            PdfBinder.Colors colors = PdfTheme.colors(theme);
            Map<String, String> slugs = PdfSource.slugs(books.stream().flatMap(b -> b.pages().stream()).toList());
            // The fonts' folder is known once asciidoctor-pdf is loaded, by which time the PDFs are laid out.
            rendering.binding = () -> new PdfBinder.Binding(config.municipality(), colors, slugs, config.baseUrlTrimmed(),
                    engine.pdfFontsFolder());
            // Largest first, so that the two threads end at about the same time.
            List<Book> bySize = new ArrayList<>(books);
            bySize.sort(java.util.Comparator.comparingInt((Book b) -> b.pages().size()).reversed());
            for (Book book : bySize) {
                Map<String, Object> attributes = new LinkedHashMap<>(shared);
                switch (book.kind()) {
                    case PART -> attributes.put("toclevels", "2");
                    case FRONT -> attributes.remove("toc");
                    case GROUP -> {
                        attributes.remove("toc");
                        attributes.remove("title-page");
                        attributes.put("notitle", "");
                    }
                }
                String source = compose(book, contentDir, config.baseUrlTrimmed());
                String key = cache == null ? null : cache.key(source, attributes);
                byte[] earlier = key == null ? null : cache.get(key);
                if (earlier != null) {
                    rendering.reused++;
                    rendering.futures.put(book, java.util.concurrent.CompletableFuture.completedFuture(
                            new Converted(book.fileName(), book.title(), earlier, List.of(), List.of())));
                } else {
                    rendering.futures.put(book, rendering.pool.submit(() -> rendering.remember(key,
                            convert(book, source, attributes, root))));
                }
            }
            return rendering;
        } catch (IOException | RuntimeException e) {
            rendering.close();
            throw e;
        }
    }

    /** PDFs being converted in the background. Close it to stop (it waits for conversions under way). */
    public final class Rendering implements AutoCloseable {
        // Conversions share the one JRuby, which runs Ruby threads in parallel.
        private final ExecutorService pool = Executors.newFixedThreadPool(threads(), runnable -> {
            Thread t = new Thread(runnable, "pdf");
            t.setDaemon(true);
            return t;
        });
        private final Map<Book, Future<Converted>> futures = new HashMap<>();
        private List<Book> plan;
        private java.util.function.Supplier<PdfBinder.Binding> binding;
        private int reused;
        private final Map<String, byte[]> laidOut = new java.util.concurrent.ConcurrentHashMap<>();
        private final Path themeDir;
        private final List<String> warnings;
        private final long started = System.nanoTime();

        private Rendering(Path themeDir, List<String> warnings) {
            this.themeDir = themeDir;
            this.warnings = new ArrayList<>(warnings);
        }

        /**
         * Waits for the conversions, then writes the PDFs to {@code siteDir}/pdf/ and fills in the
         * file sizes in the site's HTML pages. Nothing is written when a PDF failed.
         */
        public Result finish(Path siteDir) throws IOException, ContentException {
            List<Converted> results = new ArrayList<>();
            for (Book book : plan) converted(futures.get(book), results);
            List<ContentProblem> problems = new ArrayList<>();
            for (Converted c : results) problems.addAll(c.problems());
            // Documents sharing a fault (a broken theme) report it once.
            if (!problems.isEmpty()) throw new ContentException(new ArrayList<>(new java.util.LinkedHashSet<>(problems)));
            // The published PDFs: every part numbered on its own, then the whole handbook bound from all.
            PdfBinder.Binding binding = this.binding.get();
            List<PdfBinder.Laid> laid = new ArrayList<>();
            List<Converted> published = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Converted c = results.get(i);
                warnings.addAll(c.warnings());
                laid.add(new PdfBinder.Laid(plan.get(i), c.pdf()));
                if (plan.get(i).kind() == Kind.PART) {
                    published.add(new Converted(c.fileName(), c.title(), PdfBinder.numbered(c.pdf(), binding), List.of(), List.of()));
                }
            }
            published.add(0, new Converted(WHOLE, plan.get(0).title(), PdfBinder.bind(laid, binding), List.of(), List.of()));
            double seconds = (System.nanoTime() - started) / 1e9;
            Path folder = Files.createDirectories(siteDir.resolve(FOLDER));
            List<Written> written = new ArrayList<>();
            long total = 0;
            for (Converted c : published) {
                Files.write(folder.resolve(c.fileName()), c.pdf());
                Written w = new Written(c.fileName(), c.title(), c.pdf().length);
                written.add(w);
                total += w.bytes();
            }
            fillSizes(siteDir, written);
            if (cache != null) {
                for (Map.Entry<String, byte[]> e : laidOut.entrySet()) cache.put(e.getKey(), e.getValue());
                cache.prune();
            }
            return new Result(List.copyOf(written), total, List.copyOf(warnings), seconds, plan.size(), reused);
        }

        /** Drops the conversions not begun and waits for those under way (they use the engine, which closes after). */
        @Override
        public void close() throws IOException {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.list(themeDir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(themeDir);
        }

        /**
         * Keeps a document for later builds if it was laid out without problems or warnings. It is
         * written in {@link #finish}, so a build that fails leaves the cache as it was.
         */
        private Converted remember(String key, Converted c) {
            if (key != null && c.problems().isEmpty() && c.warnings().isEmpty()) laidOut.put(key, c.pdf());
            return c;
        }

    }

    /** Two conversions at a time on two or more cores; -Dhandbook.pdf.threads=N to measure others. */
    private static int threads() {
        int fallback = Math.min(2, Runtime.getRuntime().availableProcessors());
        return Math.max(1, Integer.getInteger("handbook.pdf.threads", fallback));
    }

    /** One PDF in memory, or the problems that stopped it. */
    private record Converted(String fileName, String title, byte[] pdf, List<ContentProblem> problems, List<String> warnings) {}

    private Converted convert(Book book, String source, Map<String, Object> attributes, Path root) {
        // Problems name the PDF a reader gets: the part's own, or the whole handbook for the other documents.
        String name = FOLDER + "/" + (book.kind() == Kind.PART ? book.fileName() : WHOLE);
        List<ContentProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(1 << 20);
        engine.drainMessages();
        try {
            engine.convertToPdf(source, attributes, root, pdf);
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(name, null, "could not be rendered: " + firstLine(e), "Check the pages of " + book.title() + "."));
            return new Converted(book.fileName(), book.title(), null, problems, warnings);
        }
        for (LogRecord r : engine.drainMessages()) {
            if (AsciidocEngine.isError(r)) problems.add(new ContentProblem(name, null, r.getMessage(), null));
            else warnings.add(name + ": " + r.getMessage());
        }
        return new Converted(book.fileName(), book.title(), pdf.toByteArray(), problems, warnings);
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

    private static Map<String, Object> sharedAttributes(HandbookConfig config, Path theme, Path assetsDir, Path logo) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("doctype", "book");
        a.put("title-page", "");
        a.put("toc", "");
        a.put("outlinelevels", "2");
        a.put("author", config.municipality());
        a.put("revdate", Dates.format(LocalDate.now(ZoneId.of("Europe/Copenhagen")), config.language()));
        a.put("lang", config.language());
        a.put("hyphens", config.language());
        a.put("subject", config.tagline() == null ? config.name() : config.tagline());
        a.put("keywords", config.name() + ", " + config.municipality());
        a.put("pdf-theme", theme.toAbsolutePath().toString());
        a.put("imagesdir", assetsDir.resolve("diagrams").toAbsolutePath().toString());
        // Page numbers and the municipality's name are put in the footers by PdfBinder, which numbers
        // the whole handbook's pages straight through.
        a.put("nofooter", "");
        a.put("chapter-signifier", "Kapitel");
        a.put("part-signifier", "Del");
        a.put("section-refsig", "afsnit");
        a.put("chapter-refsig", "kapitel");
        a.put("part-refsig", "del");
        if (logo != null) a.put("title-logo-image", "image:" + logo.toAbsolutePath() + "[pdfwidth=40mm]");
        return a;
    }

    /** The Asciidoc of one PDF: a title, then every page as a chapter (in parts for the whole handbook). */
    static String compose(Book book, Path contentDir, String baseUrl) throws IOException {
        PdfSource source = new PdfSource(PdfSource.slugs(book.pages()), baseUrl);
        source.title(book.title());
        for (Part part : book.parts()) {
            if (part.title() != null) source.part(part.id(), part.title());
            for (Page page : part.pages()) {
                source.page(page, Files.readString(contentDir.resolve(page.source()), StandardCharsets.UTF_8));
            }
        }
        return source.text();
    }

    /** Replaces the size placeholders of the PDF links in the site's HTML with the real sizes. */
    private static void fillSizes(Path siteDir, List<Written> written) throws IOException {
        Map<String, String> sizes = new HashMap<>();
        for (Written w : written) sizes.put(w.fileName(), humanSize(w.bytes()));
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            if (!html.contains(SIZE_TOKEN)) continue;
            Matcher m = SIZE_PLACEHOLDER.matcher(html);
            String filled = m.replaceAll(r -> {
                String size = sizes.get(r.group(1));
                if (size == null) throw new IllegalStateException(page + " links to " + r.group(1) + ", which was not built");
                return Matcher.quoteReplacement(size);
            });
            dk.dis.handbook.content.SiteFiles.replace(page, filled);
        }
    }

    /** A file size as Danish readers write it: 412 kB, 1,2 MB. */
    public static String humanSize(long bytes) {
        DecimalFormat oneDecimal = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da")));
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
