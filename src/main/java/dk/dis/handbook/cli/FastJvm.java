package dk.dis.handbook.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A build is a short-lived JVM that spends most of its time booting JRuby. With the JIT limited to
 * its first tier and the serial collector (and JRuby's interpreter for a small handbook), it finishes about four times
 * sooner on two cores (measured: ~27 s → ~6.5 s for the handbook). A jar cannot carry JVM flags, so
 * {@code java -jar handbook.jar build} starts itself once more with them.
 * Set HANDBOOK_JVM_TUNING=off to run in the JVM as started.
 */
final class FastJvm {
    // JRuby's mode (interpreter for a small handbook, bytecode for a large one) is chosen by the
    // build from the number of pages: see AsciidocEngine.COMPILE_FROM_PAGES.
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1");
    // The serial collector, and the heap kept close to what is live (the collector otherwise grows it towards a quarter
    // of the machine's memory): a 10,000-page build lives in at most about 700 MB, and peaked at 1.8 GB without.
    static final List<String> LEAN_HEAP = List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=15");
    /**
     * A build that lays out PDFs holds a whole book's layout live (about 900 MB for 1,000 chapters)
     * and grows it all the time: with the heap kept within 5–15 % of what is live, the collector
     * stopped a 1,000-page build 159 times (21 of them full) for 22 s; with 20–40 % 137 times (9 full)
     * for 11 s. In alternating builds of 1,000 pages with PDFs: 54 s of CPU instead of 66 s, peak
     * memory 1.75 GB instead of 1.60 GB (bench/ab.sh 3 … corpus-pdf 1000). Its collections are done
     * on both cores (the parallel collector): the serial one stopped both PDF threads for about 12 s
     * of such a build, which took 65.9 s with it and 58.8 s with the parallel one (3 alternating runs each).
     */
    static final List<String> ROOMY_HEAP = List.of("-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");
    private static final String MARKER = "-Dhandbook.tuned=true";

    private FastJvm() {}

    /** True when this JVM should hand the command to a tuned child JVM. */
    static boolean shouldRelaunch(String[] args) {
        if (args.length == 0 || !"build".equals(args[0])) return false;
        if ("off".equalsIgnoreCase(System.getenv("HANDBOOK_JVM_TUNING"))) return false;
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return !jvmArgs.contains(MARKER) && !jvmArgs.contains("-XX:TieredStopAtLevel=1");
    }

    /**
     * The child JVM's flags for {@code args}: the lean heap for a clean build without PDFs, the roomy
     * one otherwise. An incremental build holds the last build's pages, index memory and caches live
     * from the start: at 10,000 pages, one page edited, the lean heap's collections took about 5 s of
     * a 24–27 s build (46 pauses), the roomy heap's about 1.4 s (peak memory 905 → 960 MB).
     */
    static List<String> flags(String[] args) {
        List<String> flags = new ArrayList<>(FLAGS);
        List<String> given = List.of(args);
        flags.addAll(given.contains("--no-pdf") && given.contains("--clean") ? LEAN_HEAP : ROOMY_HEAP);
        return flags;
    }

    /** Runs the same command in a tuned JVM, sharing this process's console, and returns its exit code. */
    static int relaunch(String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags(args));
        command.add(MARKER);
        ClassSharing sharing = ClassSharing.beside(ownJar());
        if (sharing != null) command.addAll(sharing.flags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HandbookCli.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        int exit = child.waitFor();
        if (sharing != null) sharing.keep(exit == 0);
        return exit;
    }

    /** handbook.jar when running from it, else null (classes folders, as in the tests). */
    private static Path ownJar() {
        try {
            Path location = Path.of(FastJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Class data sharing: the JVM maps the classes a build loads (JRuby's, most of all) from an
     * archive instead of reading and verifying them from the jars every time (measured on 2 cores:
     * JRuby's boot ~3.8 s → ~2.7 s). The first build after handbook.jar changed writes the archive
     * beside it (handbook.jsa); the builds after it use it. Where that folder is read-only, builds
     * run without. The JVM checks the archive against the class path and ignores one that does not
     * match; its messages about that are turned off.
     */
    record ClassSharing(Path archive, Path writing) {
        private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:class+path=off");

        static ClassSharing beside(Path jar) {
            if (jar == null || "off".equalsIgnoreCase(System.getenv("HANDBOOK_CLASS_SHARING"))) return null;
            Path archive = jar.resolveSibling("handbook.jsa");
            try {
                if (Files.isRegularFile(archive)
                        && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                    return new ClassSharing(archive, null);
                }
            } catch (IOException e) {
                return null;
            }
            if (!Files.isWritable(jar.getParent())) return null;
            // Written under a name of its own, and renamed once complete: builds running side by side
            // never read a half-written archive.
            return new ClassSharing(archive, jar.resolveSibling("handbook.jsa." + ProcessHandle.current().pid() + ".tmp"));
        }

        List<String> flags() {
            List<String> flags = new ArrayList<>(QUIET);
            flags.add(writing == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + writing);
            return flags;
        }

        /** After the build: keeps a newly written archive if the build succeeded. */
        void keep(boolean succeeded) {
            if (writing == null) return;
            try {
                if (succeeded && Files.isRegularFile(writing)) {
                    Files.move(writing, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(writing);
                }
            } catch (IOException e) {
                // Without an archive the next build writes one again.
            }
        }
    }
}
