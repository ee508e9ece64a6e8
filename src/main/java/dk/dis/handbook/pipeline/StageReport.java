package dk.dis.handbook.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Progress lines while the build runs, and the per-stage timing table at the end. */
public final class StageReport {

    public record Timing(String stage, String what, double seconds) {}

    private final PrintStream out;
    private final List<Timing> timings = new ArrayList<>();
    private final long started = System.nanoTime();
    private long stageStart;

    public StageReport(PrintStream out) {
        this.out = out;
    }

    public void begin(String stage, String doing) {
        stageStart = System.nanoTime();
        out.printf(Locale.ROOT, "[%s] %s…%n", stage, doing);
    }

    public void end(String stage, String what) {
        double s = (System.nanoTime() - stageStart) / 1e9;
        timings.add(new Timing(stage, what, s));
        out.printf(Locale.ROOT, "[%s] %s (%.2f s)%n", stage, what, s);
    }

    /**
     * Ends a stage that ran in the background: its row shows {@code seconds}, the stage's own time,
     * and how much of it the build waited for here (the rest overlapped the stages before).
     */
    public void endOverlapped(String stage, String what, double seconds) {
        double waited = (System.nanoTime() - stageStart) / 1e9;
        String row = String.format(Locale.ROOT, "%s; overlapped, waited %.2f s", what, waited);
        timings.add(new Timing(stage, row, seconds));
        out.printf(Locale.ROOT, "[%s] %s (%.2f s)%n", stage, row, seconds);
    }

    public void warn(String message) {
        out.println("  warning: " + message);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public List<Timing> timings() {
        return List.copyOf(timings);
    }

    public void printSummary(String line) {
        out.println();
        out.println("stage     seconds  result");
        for (Timing t : timings) {
            out.printf(Locale.ROOT, "%-8s %8.2f  %s%n", t.stage(), t.seconds(), t.what());
        }
        out.printf(Locale.ROOT, "%-8s %8.2f%n", "total", elapsedSeconds());
        out.println(line);
    }
}
