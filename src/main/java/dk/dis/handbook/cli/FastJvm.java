package dk.dis.handbook.cli;

import java.io.IOException;
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
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String MARKER = "-Dhandbook.tuned=true";

    private FastJvm() {}

    /** True when this JVM should hand the command to a tuned child JVM. */
    static boolean shouldRelaunch(String[] args) {
        if (args.length == 0 || !"build".equals(args[0])) return false;
        if ("off".equalsIgnoreCase(System.getenv("HANDBOOK_JVM_TUNING"))) return false;
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return !jvmArgs.contains(MARKER) && !jvmArgs.contains("-XX:TieredStopAtLevel=1");
    }

    /** Runs the same command in a tuned JVM, sharing this process's console, and returns its exit code. */
    static int relaunch(String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(FLAGS);
        // The PDFs are long-running Ruby (Prawn layout): there JRuby's JIT wins over its interpreter
        // (measured with PDFs: ~45 s → ~30 s wall on a busy 2-core machine). Later flags win.
        if (!List.of(args).contains("--no-pdf")) command.add("-Djruby.compile.mode=JIT");
        command.add(MARKER);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HandbookCli.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        return child.waitFor();
    }
}
