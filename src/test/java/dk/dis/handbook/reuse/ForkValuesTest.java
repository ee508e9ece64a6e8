package dk.dis.handbook.reuse;

import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.support.TestHandbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is the DIS handbook's own (the whole handbook's PDF file, the PDFs' producer, the names, where
 * the principles are) comes from another handbook's handbook.yml and content, not from the engine.
 */
class ForkValuesTest {
    @TempDir
    Path dir;

    /** examples/albertslund's config in a folder of its own (with its logo), with {@code extra} lines added. */
    private Path albertslundConfig(String extra) throws Exception {
        Path example = TestHandbook.REPO.resolve("examples/albertslund");
        Path folder = Files.createDirectories(dir.resolve("config"));
        Files.copy(example.resolve("logo.svg"), folder.resolve("logo.svg"));
        Path config = folder.resolve("handbook.yml");
        Files.writeString(config, Files.readString(example.resolve("handbook.yml"), StandardCharsets.UTF_8) + extra, StandardCharsets.UTF_8);
        return config;
    }

    @Test
    void aSecondHandbookHasItsOwnPdfFileProducerAndNames() throws Exception {
        Path config = albertslundConfig("pdfFile: albertslund-innovation.pdf\npdfProducer: Albertslunds innovationshåndbog\n");
        Path site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(TestHandbook.REPO).withConfigFile(config)
                .withContentDir(TestHandbook.REPO.resolve("examples/albertslund/content")).withOutDir(site).withCacheDir(dir.resolve("cache")));

        assertThat(site.resolve("pdf/albertslund-innovation.pdf")).exists();
        assertThat(site.resolve("pdf/" + TestHandbook.WHOLE_PDF)).doesNotExist();
        Document front = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(front.select(".pdf-link a").attr("href")).isEqualTo("/pdf/albertslund-innovation.pdf");
        assertThat(front.select(".pdf-link a").text()).isEqualTo("Hent som PDF");
        assertThat(front.select(".pdf-link .pdf-size").text()).isEqualTo("(hele håndbogen, PDF)");

        try (PDDocument pdf = Loader.loadPDF(site.resolve("pdf/albertslund-innovation.pdf").toFile())) {
            assertThat(pdf.getDocumentInformation().getProducer()).isEqualTo("Albertslunds innovationshåndbog");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Albertslund Kommune");
            assertThat(pdf.getDocumentInformation().getKeywords()).isEqualTo("Innovationshåndbogen, Albertslund Kommune");
            String text = new PDFTextStripper().getText(pdf);
            // (Its content credits Gentofte Kommune's DIS model: that is the content's, not the engine's.)
            assertThat(text).contains("Albertslund Kommune").contains("Indholdsfortegnelse").contains("Side 2 af ")
                    .doesNotContain("DIS-håndbogen");
        }
        // Nothing the site publishes names the DIS handbook's own PDF or producer.
        try (Stream<Path> files = Files.walk(site)) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertThat(Files.readString(html)).as(html.toString()).doesNotContain(TestHandbook.WHOLE_PDF).doesNotContain("DIS-håndbogen");
            }
        }
    }

    @Test
    void withoutPdfFileAndProducerTheHandbooksNameIsUsed() throws Exception {
        HandbookConfig config = HandbookConfig.load(albertslundConfig(""));
        assertThat(config.pdfFile()).isEqualTo("innovationshaandbogen.pdf");
        assertThat(config.pdfProducer()).isEqualTo("Innovationshåndbogen");
        assertThat(config.keyQuestionsUrl()).isNull();
        assertThat(config.offersUrl()).isNull();
        // The DIS handbook names its own.
        HandbookConfig dis = TestHandbook.repoConfig();
        assertThat(dis.pdfFile()).isEqualTo("dis-modellen.pdf");
        assertThat(dis.pdfProducer()).isEqualTo("DIS-håndbogen");
        assertThat(dis.keyQuestionsUrl()).isEqualTo("/trin-2/noeglespoergsmaal/");
    }

    @Test
    void aMalformedPdfOrExportFieldIsNamedWithTheFile() throws Exception {
        for (List<String> c : List.of(
                List.of("pdfFile: Hele Håndbogen.pdf\n", "field pdfFile is 'Hele Håndbogen.pdf'"),
                List.of("pdfFile: metoder\n", "field pdfFile is 'metoder'"),
                List.of("pdfParts: [metoder]\npdfFile: metoder.pdf\n", "the name of the PDF of the part 'metoder'"),
                List.of("pdfProducer: \"to\\nlinjer\"\n", "field pdfProducer must be one line"),
                List.of("export:\n  offers: https://example.dk/tilbud/\n", "field export.offers has 'https://example.dk/tilbud/'"))) {
            Path config = albertslundConfig(c.get(0));
            assertThatThrownBy(() -> HandbookConfig.load(config)).as(c.get(0)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(config.toString()).hasMessageContaining(c.get(1));
            Files.delete(config.resolveSibling("logo.svg"));
        }
    }

    @Test
    void thePrinciplesAreWhereTheContentPutsThem() throws Exception {
        TestHandbook handbook = new TestHandbook(dir.resolve("hb"));
        handbook.write("index.adoc", TestHandbook.header("Forside", "forside", "forside", ":jbake-order: 0") + "Velkommen.\n");
        handbook.write("grundlag/index.adoc", TestHandbook.header("Grundlag", "grundlag", "grundlag")
                + "[#vaer-modig.princip]\n== Vær modig\n\nTør at prøve.\n");
        handbook.write("erfaringer/index.adoc", TestHandbook.header("Erfaringer", "erfaringer", "erfaringer")
                + "[#et-forsoeg,principper=\"vaer-modig\"]\n== Et forsøg\n\nVi prøvede.\n");
        handbook.write("om/index.adoc", TestHandbook.header("Om", "om", "om", ":jbake-order: 90") + "[[kontakt]]\n== Kontakt\n\nSkriv.\n");
        handbook.build();

        Document principles = Jsoup.parse(handbook.read("grundlag/index.html"));
        assertThat(principles.select("aside.in-practice h3").text()).isEqualTo("Sådan sættes princippet i praksis");
        assertThat(principles.select("aside.in-practice a").attr("href")).isEqualTo("/erfaringer/#et-forsoeg");
        assertThat(principles.select("aside.in-practice .kind").text()).isEqualTo("Læring:");
    }
}
