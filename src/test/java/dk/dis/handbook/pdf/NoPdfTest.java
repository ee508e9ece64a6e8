package dk.dis.handbook.pdf;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NoPdfTest {
    @TempDir
    Path dir;

    @Test
    void aBuildWithoutPdfsHasNoPdfsAndNoLinksToThem() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        String log = handbook.build(handbook.options().withPdf(false));
        assertThat(log).doesNotContain("[pdf]");
        assertThat(handbook.out().resolve("pdf")).doesNotExist();
        assertThat(handbook.read("trin-1/index.html")).doesNotContain("Hent som PDF");
    }

    @Test
    void aSmallHandbookGetsAPdfForItsOnlyPartAndWarnsAboutPartsItLacks() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        String log = handbook.build();
        assertThat(log).contains("[pdf] 2 PDFs").contains("pdfParts names 'trin-2'");
        assertThat(handbook.out().resolve("pdf/trin-1.pdf")).exists();
        assertThat(handbook.out().resolve("pdf/" + PdfStage.WHOLE)).exists();
        assertThat(handbook.read("trin-1/detaljer/index.html")).contains("href=\"/pdf/trin-1.pdf\"");
        assertThat(Files.readString(handbook.out().resolve("om/index.html"))).contains("href=\"/pdf/" + PdfStage.WHOLE + "\"");
    }
}
