package dk.dis.handbook.pipeline;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

class DraftTest {
    @TempDir
    Path dir;

    @Test
    void draftIsAbsentFromANormalBuildAndPresentInAPreview() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/kladde.adoc", header("Hemmelig kladde", "trin-1", "kladde", ":jbake-status: draft")
                + "Kladdetekst om budget 2019.\n");

        String log = handbook.build();
        assertThat(log).contains("1 drafts left out");
        assertThat(handbook.out().resolve("trin-1/kladde")).doesNotExist();
        try (Stream<Path> files = Files.walk(handbook.out())) {
            // PDFs are binary and compressed: PdfDraftTest reads their text.
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".pdf")).toList()) {
                assertThat(Files.readString(f)).as(f.toString())
                        .doesNotContain("Hemmelig kladde").doesNotContain("Kladdetekst").doesNotContain("/trin-1/kladde/")
                        .doesNotContain("Forhåndsvisning").doesNotContain("noindex");
            }
        }

        handbook.build(handbook.options().withPreview(true));
        assertThat(handbook.read("trin-1/kladde/index.html")).contains("Kladdetekst om budget 2019.");
        assertThat(handbook.read("index.html")).contains("Forhåndsvisning").contains("noindex");
    }
}
