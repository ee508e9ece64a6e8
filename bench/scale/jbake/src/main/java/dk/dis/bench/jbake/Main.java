package dk.dis.bench.jbake;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Stock JBake 2.7.0 on the generated corpus, for bench/scale: what {@code jbake -b SITE OUT} does.
 *
 * <pre>
 *   prepare SKELETON CORPUS SITE   a JBake project in SITE: SKELETON's jbake.properties and templates,
 *                                  and CORPUS's pages in content/ (not timed)
 *   bake SITE OUT                  new Oven(config).bake() into OUT (timed)
 * </pre>
 *
 * JBake reads the corpus's page headers as they are: they are Asciidoc header attributes
 * ({@code :jbake-type:}, {@code :jbake-status:}, {@code :jbake-date:}, ...), which JBake's own
 * Asciidoctor engine reads. Only the file layout is changed: {@code omraade-001/side-00002.adoc}
 * becomes {@code omraade-001/side-00002/index.adoc}, so that JBake writes each page to the same
 * clean URL the handbook publishes it at ({@code /omraade-001/side-00002/}) and the links
 * between pages, the navigation and the breadcrumbs of the templates point at real pages.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("bake")) {
            System.exit(bake(Path.of(args[1]), Path.of(args[2])));
        } else {
            System.err.println("usage: jbake-bench prepare SKELETON CORPUS SITE\n"
                + "       jbake-bench bake SITE OUT");
            System.exit(2);
        }
    }

    static void prepare(Path skeleton, Path corpus, Path site) throws IOException {
        if (!Files.isRegularFile(skeleton.resolve("jbake.properties"))) {
            throw new IllegalArgumentException(skeleton + ": no jbake.properties");
        }
        copyTree(skeleton, site);
        Path content = site.resolve("content");
        int pages = 0;
        for (Path page : adocFiles(corpus)) {
            Path relative = corpus.relativize(page);
            String name = relative.getFileName().toString();
            Path target = name.equals("index.adoc")
                ? content.resolve(relative)
                : content.resolve(relative).resolveSibling(name.substring(0, name.length() - ".adoc".length()))
                    .resolve("index.adoc");
            Files.createDirectories(target.getParent());
            Files.copy(page, target, StandardCopyOption.REPLACE_EXISTING);
            pages++;
        }
        System.out.println("wrote " + pages + " pages into " + content);
    }

    static int bake(Path site, Path out) throws IOException {
        // Like JBake's launcher: OrientDB logs through java.util.logging.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        int expected = adocFiles(site.resolve("content")).size();
        long start = System.nanoTime();
        JBakeConfiguration config = new JBakeConfigurationFactory()
            .createDefaultJbakeConfiguration(site.toFile(), out.toFile(), true);
        Oven oven = new Oven(config);
        oven.bake();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Throwable> errors = oven.getErrors();
        if (!errors.isEmpty()) {
            System.err.println("JBake failed with " + errors.size() + " error(s):");
            errors.forEach(error -> System.err.println("- " + error.getMessage()));
            return 1;
        }
        // The crawler only logs a page it cannot read (a bad header) and goes on; count the pages.
        long written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(file -> file.getFileName().toString().equals("index.html")).count();
        }
        if (written != expected) {
            System.err.println("JBake wrote " + written + " pages of " + expected + " in " + site.resolve("content")
                + ": see the log for pages it left out");
            return 1;
        }
        System.out.printf(Locale.ROOT, "JBake baked %d pages into %s in %.2f s%n", written, out, seconds);
        return 0;
    }

    private static List<Path> adocFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
