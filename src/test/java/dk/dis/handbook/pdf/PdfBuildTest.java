package dk.dis.handbook.pdf;

import dk.dis.handbook.content.ContentException;
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
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(handbook.out().resolve("pdf/" + TestHandbook.WHOLE_PDF)).exists();
        assertThat(handbook.read("trin-1/detaljer/index.html")).contains("href=\"/pdf/trin-1.pdf\"");
        assertThat(Files.readString(handbook.out().resolve("om/index.html"))).contains("href=\"/pdf/" + TestHandbook.WHOLE_PDF + "\"");
    }

    @Test
    void anEditedPageIsLaidOutAgainOnlyInThePdfsThatHoldItAndTheResultMatchesACleanBuild() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        // The whole handbook and trin-1.pdf; the about page has no PDF of its own.
        assertThat(handbook.build(handbook.options().withPdf(true))).contains("2 of 2 laid out, 0 unchanged");
        Path page = handbook.root.resolve("content/om/index.adoc");
        Files.writeString(page, Files.readString(page) + "\nEn ny sætning om budgettet.\n");

        String log = handbook.build(handbook.options().withPdf(true));
        // Only the about page's chunk of the whole handbook: its contents' page numbers are as they were.
        assertThat(log).containsPattern("1 of 2 laid out, 1 unchanged \\(1 of \\d+ pieces laid out\\)");
        Map<String, List<String>> incremental = pageTexts(handbook.out().resolve("pdf"));
        assertThat(String.join("", incremental.get(TestHandbook.WHOLE_PDF))).contains("En ny sætning om budgettet.");
        assertThat(String.join("", incremental.get("trin-1.pdf"))).doesNotContain("En ny sætning");

        Path clean = dir.resolve("clean");
        handbook.build(handbook.options().withPdf(true).withCacheDir(null).withOutDir(clean));
        assertThat(incremental).isEqualTo(pageTexts(clean.resolve("pdf")));
    }

    @Test
    void aPdfThatChangesLeavesTheOtherPagesAsTheyWereBaked() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.build(handbook.options().withPdf(true));
        String frontBefore = handbook.read("index.html");
        long pdfBefore = Files.size(handbook.out().resolve("pdf/" + TestHandbook.WHOLE_PDF));
        Path page = handbook.root.resolve("content/om/index.adoc");
        StringBuilder more = new StringBuilder();
        for (int i = 1; i <= 300; i++) more.append("\nAfsnit ").append(i).append(" om møde nummer ").append(i * 7919 % 1000).append(".\n");
        Files.writeString(page, Files.readString(page) + more);

        String log = handbook.build(handbook.options().withPdf(true));
        assertThat(Files.size(handbook.out().resolve("pdf/" + TestHandbook.WHOLE_PDF))).isNotEqualTo(pdfBefore);
        // The front page is kept from the last build: no later stage writes into a baked page.
        assertThat(log).containsPattern("\\[bake] \\d+ pages, \\d+ files; 1 pages rendered, [1-9]\\d* unchanged");
        assertThat(handbook.read("index.html")).isEqualTo(frontBefore);

        Files.writeString(page, Files.readString(page) + "\nEn sidste sætning.\n");
        assertThat(handbook.build(handbook.options().withPdf(true))).containsPattern("1 pages rendered, [1-9]\\d* unchanged");
    }

    /** Every PDF's text, page by page. */
    private static Map<String, List<String>> pageTexts(Path folder) throws IOException {
        Map<String, List<String>> texts = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                    List<String> pages = new java.util.ArrayList<>();
                    for (int i = 0; i < pdf.getNumberOfPages(); i++) pages.add(HandbookPdfTest.pageText(pdf, i));
                    texts.put(f.getFileName().toString(), pages);
                }
            }
        }
        return texts;
    }

    @Test
    void draftsAreOnlyInAPreviewsPdfsWhichSaySo() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/kladde.adoc", TestHandbook.header("Hemmelig kladde", "trin-1", "kladde", ":jbake-status: draft")
                + "Kladdetekst om budget 2019.\n");

        handbook.build(handbook.options().withPdf(true));
        for (String pdf : List.of("trin-1.pdf", TestHandbook.WHOLE_PDF)) {
            String text = text(handbook.out().resolve("pdf/" + pdf));
            assertThat(text).as(pdf).contains("Sæt retning").doesNotContain("Kladdetekst").doesNotContain("Hemmelig kladde")
                    .doesNotContain("Forhåndsvisning");
        }

        handbook.build(handbook.options().withPdf(true).withPreview(true));
        String preview = text(handbook.out().resolve("pdf/trin-1.pdf"));
        assertThat(preview).contains("Kladdetekst om budget 2019.").contains(dk.dis.handbook.site.Messages.of("da").get("pdf.previewMark"));
    }

    @Test
    void aBrokenFontFailsTheBuildNamingTheFileAndLeavesTheSiteAsItWas() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.build(handbook.options().withPdf(false));
        String before = handbook.read("trin-1/index.html");
        Files.writeString(handbook.root.resolve("assets/pdf/fonts/NotoSans-Bold.ttf"), "not a font");

        assertThatThrownBy(() -> handbook.build(handbook.options().withPdf(true)))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("assets/pdf/fonts/NotoSans-Bold.ttf")
                .hasMessageContaining("is not a TrueType font")
                .hasMessageContaining("--no-pdf");
        assertThat(handbook.read("trin-1/index.html")).isEqualTo(before);
        assertThat(handbook.out().resolve("pdf")).doesNotExist();
        assertThat(pdfThreads()).as("PDF layouts still running after the build").isEmpty();
    }

    @Test
    void aMistakeInThePdfStyleSheetIsReportedWithItsFileAndLine() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        Path css = handbook.root.resolve("assets/pdf/print.css");
        Files.writeString(css, Files.readString(css) + "\n.lead { color: no-such-colour; }\n");
        long lines = Files.readString(css).lines().count();

        String log = handbook.build(handbook.options().withPdf(true));
        assertThat(log).contains("pdf/" + TestHandbook.WHOLE_PDF + ": (assets/pdf/print.css)").contains("line " + lines);
        assertThat(handbook.out().resolve("pdf/trin-1.pdf")).exists();
    }

    @Test
    void aBuildThatFailsWhileThePdfsAreLaidOutWaitsForThemAndPublishesNothing() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        // The PDFs start after convert; a broken template then fails bake while they are being laid out.
        Files.writeString(handbook.root.resolve("templates/page.ftlh"), "${noSuchValue.title}\n");

        assertThatThrownBy(() -> handbook.build(handbook.options().withPdf(true)))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("templates/");
        assertThat(handbook.out()).doesNotExist();
        assertThat(pdfThreads()).as("PDF layouts still running after the build").isEmpty();
        try (Stream<Path> left = Files.list(handbook.out().getParent())) {
            assertThat(left.toList()).as("staging folders left behind").isEmpty();
        }
    }

    private static List<Thread> pdfThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("pdf") && t.isAlive()).toList();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
