package dk.dis.handbook.cms;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cms-push checks content/ before it sends anything. */
class CmsPushContentTest {
    @TempDir
    Path dir;

    @Test
    void theRepositoryContentIsReadable() throws Exception {
        assertThat(CmsPush.readContent(TestHandbook.REPO.resolve("content"))).hasSizeGreaterThan(20)
                .extracting(PageDocument::slug).doesNotHaveDuplicates();
    }

    @Test
    void aSlugThatDoesNotMatchItsFileOrIsUsedTwiceStopsThePush() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("trin-1"));
        Files.createDirectories(content.resolve("trin-2"));
        Files.writeString(content.resolve("trin-1/a.adoc"), header("A", "trin-1", "b") + "Tekst.\n");
        Files.writeString(content.resolve("trin-1/c.adoc"), header("C", "trin-1", "c") + "Tekst.\n");
        Files.writeString(content.resolve("trin-2/c.adoc"), header("C2", "trin-2", "c") + "Tekst.\n");
        Files.writeString(content.resolve("trin-2/d.adoc"), "= D\n:jbake-type: page\n\nTekst.\n");
        assertThatThrownBy(() -> CmsPush.readContent(content))
                .isInstanceOf(CmsException.class)
                .hasMessageContaining("nothing was sent")
                .hasMessageContaining("content/trin-1/a.adoc: slug 'b'")
                .hasMessageContaining("content/trin-2/c.adoc: slug 'c' is also used by content/trin-1/c.adoc")
                .hasMessageContaining("content/trin-2/d.adoc: missing header field(s)");
    }
}
