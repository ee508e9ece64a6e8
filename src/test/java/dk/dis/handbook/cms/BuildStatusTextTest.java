package dk.dis.handbook.cms;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's outcome in the editors' words: Danish numbers, singular and plural, the apostrophe in CMS'et kept. */
class BuildStatusTextTest {

    @Test
    void outcomesReadAsDanish() {
        assertThat(BuildStatus.text("status.built", 28, 7.06)).isEqualTo("28 sider bygget på 7,1 s");
        assertThat(BuildStatus.text("status.built", 1200, 61.0)).isEqualTo("1.200 sider bygget på 61,0 s");
        assertThat(BuildStatus.text("status.problems", 1)).isEqualTo("1 problem stoppede bygningen; sitet er uændret");
        assertThat(BuildStatus.text("status.problems", 3)).isEqualTo("3 problemer stoppede bygningen; sitet er uændret");
        assertThat(BuildStatus.text("status.sync")).isEqualTo("Indholdet kunne ikke hentes fra CMS'et; sitet er uændret");
        assertThat(BuildStatus.source(Map.of(), true)).isEqualTo("indhold fra CMS'et");
        assertThat(BuildStatus.source(Map.of("GITHUB_SHA", "0123456789abcdef"), false)).isEqualTo("indhold fra content/, commit 0123456789ab");
    }
}
