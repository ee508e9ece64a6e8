package dk.dis.handbook.pdf;

import dk.dis.handbook.support.TestHandbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pdf stage in small handbooks: the --no-pdf switch, parts, drafts. */
class PdfBuildTest {
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
        String log = handbook.build(handbook.options().withPdf(true));
        assertThat(log).contains("[pdf] 2 PDFs").contains("pdfParts names 'trin-2'");
        assertThat(handbook.out().resolve("pdf/trin-1.pdf")).exists();
        assertThat(handbook.out().resolve("pdf/" + PdfStage.WHOLE)).exists();
        assertThat(handbook.read("trin-1/detaljer/index.html")).contains("href=\"/pdf/trin-1.pdf\"");
        assertThat(Files.readString(handbook.out().resolve("om/index.html"))).contains("href=\"/pdf/" + PdfStage.WHOLE + "\"");
    }

    @Test
    void draftsAreOnlyInAPreviewsPdfsWhichSaySo() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/kladde.adoc", TestHandbook.header("Hemmelig kladde", "trin-1", "kladde", ":jbake-status: draft")
                + "Kladdetekst om budget 2019.\n");

        handbook.build(handbook.options().withPdf(true));
        for (String pdf : List.of("trin-1.pdf", PdfStage.WHOLE)) {
            String text = text(handbook.out().resolve("pdf/" + pdf));
            assertThat(text).as(pdf).contains("Sæt retning").doesNotContain("Kladdetekst").doesNotContain("Hemmelig kladde")
                    .doesNotContain("Forhåndsvisning");
        }

        handbook.build(handbook.options().withPdf(true).withPreview(true));
        String preview = text(handbook.out().resolve("pdf/trin-1.pdf"));
        assertThat(preview).contains("Kladdetekst om budget 2019.").contains(PdfStage.PREVIEW_MARK);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
