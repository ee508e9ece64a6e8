package dk.dis.handbook.convert;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.jruby.AsciidoctorJRuby;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The one Asciidoctor instance of a build. Booting JRuby is the most expensive thing the build does,
 * so it starts in the background as soon as the CLI starts and every stage shares it.
 */
public final class AsciidocEngine implements AutoCloseable {
    /** Held so the setting below stays on the logger (JUL keeps loggers only weakly). */
    private static final java.util.logging.Logger ASCIIDOCTOR_LOG = java.util.logging.Logger.getLogger("asciidoctor");


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

    private final CompletableFuture<Asciidoctor> booting;
    private final Diagrams diagrams;
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
        // Asciidoctor's messages reach the build through its log handler, naming the file; its
        // default JUL output would print them a second time, without the file.
        ASCIIDOCTOR_LOG.setUseParentHandlers(false);
        CompletableFuture<Asciidoctor> booting = CompletableFuture.supplyAsync(() -> {
            Asciidoctor asciidoctor = create();
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

    /**
     * JRuby booted lean: RubyGems is not loaded (Asciidoctor's own lib folder in the AsciidoctorJ jar
     * goes on the load path instead) and no native POSIX library is bound (in SECURE mode Asciidoctor
     * reads and writes no files). On two cores that takes JRuby's boot from about 1.4 s to 0.8 s.
     * Set properties win; without the gem's folder, the boot is AsciidoctorJ's own.
     */
    private static Asciidoctor create() {
        String libFolder = asciidoctorLibFolder();
        if (libFolder == null) return Asciidoctor.Factory.create();
        if (System.getProperty("jruby.cli.rubygems.enable") == null) System.setProperty("jruby.cli.rubygems.enable", "false");
        if (System.getProperty("jruby.native.enabled") == null) System.setProperty("jruby.native.enabled", "false");
        return AsciidoctorJRuby.Factory.create(List.of(libFolder));
    }

    /** The load path of the Asciidoctor gem inside the AsciidoctorJ jar, e.g. uri:classloader:/gems/asciidoctor-2.0.23/lib. */
    static String asciidoctorLibFolder() {
        try {
            Path jar = Path.of(AsciidoctorJRuby.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) return null;
            try (JarFile file = new JarFile(jar.toFile())) {
                return file.stream().map(JarEntry::getName)
                        .filter(name -> GEM_MAIN.matcher(name).matches())
                        .findFirst()
                        .map(name -> "uri:classloader:/" + name.substring(0, name.length() - "/asciidoctor.rb".length()))
                        .orElse(null);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static final Pattern GEM_MAIN = Pattern.compile("gems/asciidoctor-[0-9][^/]*/lib/asciidoctor\\.rb");

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
