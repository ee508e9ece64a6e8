package dk.dis.handbook.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SiteSwapTest {
    @TempDir
    Path dir;

    @Test
    void theStagedSiteReplacesThePublishedOneAndThePreviousSitesAreDeletedBehindIt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("site"));
        Files.writeString(out.resolve("index.html"), "before");
        Path staging = Files.createDirectories(dir.resolve("site.staging-1"));
        Files.writeString(staging.resolve("index.html"), "after");
        // What an interrupted build left beside the site, and a folder of someone else's with a similar name.
        Path leftOver = Files.createDirectories(dir.resolve("site.old-12345/side"));
        Files.writeString(leftOver.resolve("index.html"), "older");
        Path backup = Files.createDirectories(dir.resolve("site.old-backup"));

        String notDeleted = PublishStage.swap(staging, out).await();

        assertThat(notDeleted).isNull();
        assertThat(out.resolve("index.html")).hasContent("after");
        assertThat(staging).doesNotExist();
        assertThat(dir.resolve("site.old-12345")).doesNotExist();
        assertThat(backup).exists();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", "site.old-backup");
        }
    }

    @Test
    void aFirstBuildHasNoPreviousSiteToDelete() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("site.staging-1"));
        Files.writeString(staging.resolve("index.html"), "first");

        assertThat(PublishStage.swap(staging, dir.resolve("site")).await()).isNull();
        assertThat(dir.resolve("site/index.html")).hasContent("first");
    }
}
