package dk.dis.handbook.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FastJvmTest {
    @Test
    void aBuildWithPdfsGetsTheRoomierHeapAndOneWithoutKeepsItLean() {
        assertThat(FastJvm.flags(new String[] {"build", "--clean"}))
                .containsAll(FastJvm.FLAGS).containsAll(FastJvm.PDF_HEAP).doesNotContainAnyElementsOf(FastJvm.LEAN_HEAP);
        assertThat(FastJvm.flags(new String[] {"build", "--clean", "--no-pdf"}))
                .containsAll(FastJvm.FLAGS).containsAll(FastJvm.LEAN_HEAP).doesNotContainAnyElementsOf(FastJvm.PDF_HEAP);
    }

    @Test
    void eachBuildHasOneCollector() {
        for (String[] args : new String[][] {{"build"}, {"build", "--no-pdf"}}) {
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).count()).isEqualTo(1);
        }
        assertThat(FastJvm.flags(new String[] {"build", "--no-pdf"})).contains("-XX:+UseSerialGC");
    }

    @Test
    void eachHeapRatioIsGivenOnce() {
        for (String[] args : new String[][] {{"build"}, {"build", "--no-pdf"}}) {
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:MinHeapFreeRatio=")).count()).isEqualTo(1);
            assertThat(FastJvm.flags(args).stream().filter(f -> f.startsWith("-XX:MaxHeapFreeRatio=")).count()).isEqualTo(1);
        }
    }
}
