package dk.dis.handbook.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FastJvmTest {
    @Test
    void aCleanBuildWithoutPdfsKeepsTheHeapLeanAndOthersGetTheRoomierOne() {
        assertThat(FastJvm.flags(new String[] {"build", "--clean", "--no-pdf"}))
                .containsAll(FastJvm.FLAGS).containsAll(FastJvm.LEAN_HEAP).doesNotContainAnyElementsOf(FastJvm.ROOMY_HEAP);
        for (String[] args : new String[][] {{"build", "--clean"}, {"build"}, {"build", "--no-pdf"}}) {
            assertThat(FastJvm.flags(args)).as(String.join(" ", args))
                    .containsAll(FastJvm.FLAGS).containsAll(FastJvm.ROOMY_HEAP).doesNotContainAnyElementsOf(FastJvm.LEAN_HEAP);
        }
    }

    @Test
    void eachBuildHasOneCollector() {
        for (String[] args : new String[][] {{"build"}, {"build", "--no-pdf"}, {"build", "--clean", "--no-pdf"}}) {
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).count()).isEqualTo(1);
        }
        assertThat(FastJvm.flags(new String[] {"build", "--clean", "--no-pdf"})).contains("-XX:+UseSerialGC");
    }

    @Test
    void eachHeapRatioIsGivenOnce() {
        for (String[] args : new String[][] {{"build"}, {"build", "--no-pdf"}}) {
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:MinHeapFreeRatio=")).count()).isEqualTo(1);
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:MaxHeapFreeRatio=")).count()).isEqualTo(1);
        }
    }
}
