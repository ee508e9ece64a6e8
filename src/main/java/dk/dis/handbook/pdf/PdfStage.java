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
 * Stage "pdf": the whole handbook ({@value #WHOLE}) and one PDF per section of the navigation
 * (except the front page's), composed from the pages' Asciidoc in reading order and converted by
 * asciidoctor-pdf in the build's one Asciidoctor instance. Web pages link to their section's PDF;
 * the link's file size is only known afterwards, so the pages carry a placeholder that
 * {@link #run} fills in.
 */
public final class PdfStage {
    public static final String WHOLE = "dis-modellen.pdf";
    public static final String FOLDER = "pdf";
    static final String PREVIEW_MARK = "Forhåndsvisning med kladder – må ikke deles";
    private static final String SIZE_TOKEN = "@@pdf-size:";
    private static final Pattern SIZE_PLACEHOLDER = Pattern.compile("@@pdf-size:([a-z0-9-]+\\.pdf)@@");

    /** One PDF: its file name, title and pages in reading order, grouped in parts for the whole handbook. */
    public record Book(String fileName, String title, List<Part> parts) {
        public List<Page> pages() {
            return parts.stream().flatMap(p -> p.pages().stream()).toList();
        }
    }

    /** A group of chapters; a null title puts the chapters before the first part. */
    public record Part(String id, String title, List<Page> pages) {}

    /** A PDF written: file name, title and size in bytes. */
    public record Written(String fileName, String title, long bytes) {}

    /** @param seconds from the start of the conversions until the last one ended */
    public record Result(List<Written> files, long bytes, List<String> warnings, double seconds) {}

    private final AsciidocEngine engine;

    public PdfStage(AsciidocEngine engine) {
        this.engine = engine;
    }

    /**
     * The PDFs a site gets: the whole handbook first, then one per part: the sections listed in
     * handbook.yml's pdfParts, or every section but the front page's when it has none.
     */
    public static List<Book> plan(SiteMap site, HandbookConfig config) {
        List<Book> books = new ArrayList<>();
        List<Part> all = new ArrayList<>();
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            boolean home = index.url().equals("/");
            all.add(new Part(home ? null : "del-" + index.section(), home ? null : index.navTitle(), section.readingOrder()));
        }
        books.add(new Book(WHOLE, site.home().title(), all));
        for (SiteMap.Section section : site.sections()) {
            Page index = section.index();
            if (!hasOwnPdf(index, config)) continue;
            books.add(new Book(index.section() + ".pdf", index.navTitle(),
                    List.of(new Part(null, null, section.readingOrder()))));
        }
        return books;
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
            // Largest first (the whole handbook): the other thread meanwhile takes the parts one by one.
            for (Book book : plan(site, config)) {
                Map<String, Object> attributes = new LinkedHashMap<>(shared);
                attributes.put("toclevels", book.parts().size() > 1 ? "1" : "2");
                rendering.futures.add(rendering.pool.submit(() ->
                        rendering.convert(book, compose(book, contentDir, config.baseUrlTrimmed()), attributes, root)));
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
        private final List<Future<Converted>> futures = new ArrayList<>();
        private final Path themeDir;
        private final List<String> warnings;
        private final long started = System.nanoTime();
        private volatile long lastDone = started;

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
            for (Future<Converted> f : futures) converted(f, results);
            double seconds = (lastDone - started) / 1e9;
            List<ContentProblem> problems = new ArrayList<>();
            for (Converted c : results) problems.addAll(c.problems());
            if (!problems.isEmpty()) throw new ContentException(problems);
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
            fillSizes(siteDir, written);
            return new Result(List.copyOf(written), total, List.copyOf(warnings), seconds);
        }

        private Converted done(Converted c) {
            lastDone = Math.max(lastDone, System.nanoTime());
            return c;
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

        private Converted convert(Book book, String source, Map<String, Object> attributes, Path root) {
            return done(PdfStage.this.convert(book, source, attributes, root));
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
        String name = FOLDER + "/" + book.fileName();
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
        a.put("handbook-municipality", config.municipality());
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
