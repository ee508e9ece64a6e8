package dk.dis.handbook.search;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark entry (bench/search/run.js): runs the index stage on an already built site folder and
 * prints one JSON line with its time and output. Not a test.
 * Usage: IndexBench SITE_DIR INDEX_DIR [CONTENT_DIR]
 */
public final class IndexBench {
    private IndexBench() {}

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        Path content = Path.of(args.length > 2 ? args[2] : "content");
        long start = System.nanoTime();
        IndexStage stage = new IndexStage(content, Path.of(args[1]), System.err::println);
        IndexStage.Result result = stage.run(site, dk.dis.handbook.bake.LatePages.none());
        System.err.println(stage.phases);
        result.swapIn();
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time too: on a shared machine the wall time also measures the neighbours.
        double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        System.out.printf(Locale.ROOT, "{\"seconds\": %.3f, \"cpuSeconds\": %.3f, \"pages\": %d, \"sections\": %d, \"files\": %d, \"bytes\": %d}%n",
                seconds, cpu, result.pages(), result.sections(), result.files(), result.bytes());
    }
}
