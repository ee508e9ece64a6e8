package dk.dis.handbook.convert;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one Asciidoctor instance of a build. Booting JRuby is the most expensive thing the build does,
 * so it starts in the background as soon as the CLI starts and every stage shares it.
 */
public final class AsciidocEngine implements AutoCloseable {

    /** Asciidoctor's {@code lang} does not translate its captions: these are the Danish ones. */
    static final Map<String, Object> DANISH_LABELS = Map.ofEntries(
            Map.entry("lang", "da"),
            Map.entry("toc-title", "Indholdsfortegnelse"),
            Map.entry("note-caption", "Bemærk"),
            Map.entry("tip-caption", "Tips"),
            Map.entry("important-caption", "Vigtigt"),
            Map.entry("warning-caption", "Advarsel"),
            Map.entry("caution-caption", "Forsigtig"),
            Map.entry("example-caption", "Eksempel"),
            Map.entry("figure-caption", "Figur"),
            Map.entry("table-caption", "Tabel"),
            Map.entry("appendix-caption", "Bilag"),
            Map.entry("last-update-label", "Sidst opdateret"),
            Map.entry("version-label", "Version"),
            Map.entry("untitled-label", "Uden titel"));

    /** asciidoctor-pdf's converter plus the document language in the PDF catalog (Ruby, loaded into JRuby). */
    private static final String PDF_CONVERTER = "/dk/dis/handbook/pdf/handbook-pdf-converter.rb";
    /** Makes loading asciidoctor-pdf cheaper (Ruby, run before it is required). */
    private static final String PDF_PRELOAD = "/dk/dis/handbook/pdf/handbook-pdf-preload.rb";

    private final CompletableFuture<Asciidoctor> booting;
    private final Diagrams diagrams;
    private volatile CompletableFuture<Asciidoctor> pdfBackend;
    private final ThreadLocal<List<LogRecord>> messages = ThreadLocal.withInitial(ArrayList::new);

    private AsciidocEngine(CompletableFuture<Asciidoctor> booting, Diagrams diagrams) {
        this.booting = booting;
        this.diagrams = diagrams;
    }

    /**
     * From this many pages on, JRuby compiles Asciidoctor's Ruby to JVM bytecode: measured on the
     * generated corpus, a page then takes about 7 ms instead of 17–22 ms once a few hundred pages
     * have warmed it up, while below that the compiling costs more than it saves.
     */
    public static final int COMPILE_FROM_PAGES = 400;

    /** Starts booting JRuby and Asciidoctor on a background thread and returns at once. */
    public static AsciidocEngine startBooting(Path diagramDir) {
        return startBooting(diagramDir, 0);
    }

    /**
     * As {@link #startBooting(Path)}, tuned for converting about {@code pages} pages (a set
     * {@code jruby.compile.mode} property wins).
     */
    public static AsciidocEngine startBooting(Path diagramDir, int pages) {
        if (System.getProperty("jruby.compile.mode") == null) {
            System.setProperty("jruby.compile.mode", pages >= COMPILE_FROM_PAGES ? "JIT" : "OFF");
        }
        Diagrams diagrams = new Diagrams(diagramDir);
        CompletableFuture<Asciidoctor> booting = CompletableFuture.supplyAsync(() -> {
            Asciidoctor asciidoctor = Asciidoctor.Factory.create();
            asciidoctor.javaExtensionRegistry().blockMacro(new DiagramMacro(diagrams));
            // The first document defines the extension's Ruby classes; doing that once here keeps
            // pages converted on several threads from racing to define them.
            asciidoctor.load("= Start\n\nTekst.", Options.builder().safe(SafeMode.SECURE).build()).convert();
            return asciidoctor;
        });
        AsciidocEngine engine = new AsciidocEngine(booting, diagrams);
        booting.thenAccept(a -> a.registerLogHandler(engine::record));
        return engine;
    }

    private void record(LogRecord logRecord) {
        messages.get().add(logRecord);
    }

    public Diagrams diagrams() {
        return diagrams;
    }

    Asciidoctor asciidoctor() {
        return booting.join();
    }

    /** Parses a page. SECURE mode: no include, no docinfo, no file access from content. */
    public Document load(String source, Map<String, Object> extraAttributes) {
        // Danish captions for Danish pages; other languages get Asciidoctor's own (English) captions.
        boolean danish = "da".equals(extraAttributes.getOrDefault("lang", "da"));
        Map<String, Object> attributes = new LinkedHashMap<>(danish ? DANISH_LABELS : Map.of());
        attributes.put("idprefix", "");
        attributes.put("idseparator", "-");
        attributes.put("nofooter", "");
        attributes.putAll(extraAttributes);
        Options options = Options.builder()
                .safe(SafeMode.SECURE)
                .standalone(false)
                .attributes(attributes)
                .build();
        return asciidoctor().load(source, options);
    }

    /**
     * Starts loading asciidoctor-pdf into the same JRuby on a background thread, once. Loading it takes
     * seconds; started early, it overlaps the HTML conversion on the second core.
     */
    public synchronized void preloadPdfBackend() {
        if (pdfBackend == null) {
            pdfBackend = booting.thenApplyAsync(asciidoctor -> {
                loadRuby(asciidoctor, PDF_PRELOAD);
                asciidoctor.requireLibrary("asciidoctor-pdf");
                loadRuby(asciidoctor, PDF_CONVERTER);
                return asciidoctor;
            });
        }
    }

    /**
     * The classpath folder of the fonts that come with asciidoctor-pdf (the theme's GEM_FONTS_DIR), for
     * text the build adds to the PDFs itself. Waits for asciidoctor-pdf to be loaded.
     */
    public String pdfFontsFolder() {
        preloadPdfBackend();
        Object dir = JRubyRuntimeContext.get(pdfBackend.join()).evalScriptlet("Asciidoctor::PDF::ThemeLoader::FontsDir").toString();
        return dir.toString().replaceFirst("^uri:classloader:/*", "");
    }

    private static void loadRuby(Asciidoctor asciidoctor, String resource) {
        try (InputStream ruby = AsciidocEngine.class.getResourceAsStream(resource)) {
            asciidoctor.rubyExtensionRegistry().loadClass(ruby);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts a whole document to PDF, written to {@code out}. SECURE mode as for pages; images
     * (the diagrams) are read only from inside {@code baseDir}.
     */
    public void convertToPdf(String source, Map<String, Object> extraAttributes, Path baseDir, OutputStream out) {
        preloadPdfBackend();
        Map<String, Object> attributes = new LinkedHashMap<>(DANISH_LABELS);
        attributes.put("idseparator", "-");
        attributes.putAll(extraAttributes);
        Options options = Options.builder()
                .safe(SafeMode.SECURE)
                .backend("pdf")
                .standalone(true)
                .baseDir(baseDir.toFile())
                .attributes(attributes)
                .toStream(out)
                .build();
        pdfBackend.join().convert(source, options);
    }

    /** Asciidoctor's warnings and errors logged on this thread since the last call. */
    public List<LogRecord> drainMessages() {
        List<LogRecord> list = new ArrayList<>(messages.get());
        messages.get().clear();
        return list;
    }

    public static boolean isError(LogRecord r) {
        return r.getSeverity() == Severity.ERROR || r.getSeverity() == Severity.FATAL;
    }

    @Override
    public void close() {
        if (booting.isDone() && !booting.isCompletedExceptionally()) {
            booting.join().shutdown();
        }
    }
}
