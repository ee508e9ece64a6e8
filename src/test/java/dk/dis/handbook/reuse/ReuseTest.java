package dk.dis.handbook.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another municipality reuses the handbook with config and content only. */
class ReuseTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesAHandbookThatBuildsWithTheNewNameAndColours() throws Exception {
        Path fork = dir.resolve("testrup");
        NewHandbook.create(TestHandbook.REPO, fork, "Testrup Kommune", "#5a1e5a", "DIS-modellen, Gentofte Kommune",
                "https://dis-haandbog.example.dk/");
        assertThat(fork.resolve("pom.xml")).exists();
        assertThat(fork.resolve("content/trin-1/index.adoc")).exists();
        assertThat(fork.resolve(".ci/run")).exists();
        assertThat(fork.resolve("target")).doesNotExist();

        Path site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(fork).withPdf(false).withOutDir(site));
        Document front = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(front.select(".site-header").text()).contains("Testrup Kommune");
        String themeUrl = front.select("link[rel=stylesheet][href*=theme]").attr("href");
        assertThat(Files.readString(site.resolve(themeUrl.substring(1)))).contains("--brand: #5a1e5a;");
        // The site's chrome names the new municipality; Gentofte appears only as the attribution.
        for (String chrome : List.of("title", ".site-header", "nav#hovedmenu", ".page-meta")) {
            assertThat(front.select(chrome).text()).as(chrome).doesNotContain("Gentofte");
        }
        front.select(".site-footer a[href=https://dis-haandbog.example.dk/]").remove();
        assertThat(front.select(".site-footer").text()).doesNotContain("Gentofte").contains("Testrup Kommune");
    }

    @Test
    void initRefusesABrandColourWithoutEnoughContrastAndWritesNothing() {
        Path fork = dir.resolve("lys");
        assertThatThrownBy(() -> NewHandbook.create(TestHandbook.REPO, fork, "Lys Kommune", "#9fc5e8", "DIS", "https://x.example/"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("colors.brand (headings) on white (#9fc5e8 / #ffffff) has contrast 1.81:1")
                .hasMessageContaining("below the 4.50:1");
        assertThat(fork).doesNotExist();
    }

    @Test
    void theBuildNamesTheColourPairThatFailsContrast() throws Exception {
        Path config = dir.resolve("handbook.yml");
        Files.writeString(config, Files.readString(TestHandbook.REPO.resolve("handbook.yml"))
                .replace("link: \"#00528a\"", "link: \"#7fa7c9\"").replace("logo: assets/img/logo.svg\n", ""));
        assertThatThrownBy(() -> HandbookConfig.load(config))
                .hasMessageContaining("colors.link on white (#7fa7c9 / #ffffff) has contrast 2.");
    }

    @Test
    void exportValidatesAgainstItsSchemaAndHoldsTheStructuredModel() throws Exception {
        HandbookConfig config = HandbookConfig.load(TestHandbook.REPO.resolve("handbook.yml"));
        SiteMap site = Pipeline.publishedSite(TestHandbook.engine(), config, TestHandbook.REPO.resolve("content"));
        ModelExport.Result result = ModelExport.write(site, config, TestHandbook.REPO.resolve("content"), dir.resolve("export"));

        ObjectMapper json = new ObjectMapper();
        JsonNode data = json.readTree(result.json().toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(result.schema().toFile()));
        Set<ValidationMessage> errors = schema.validate(data);
        assertThat(errors).isEmpty();

        assertThat(data.get("principles").findValuesAsText("title"))
                .containsExactly("Sæt retning", "Få input på tværs", "Test", "Opfølgning", "Samskabelse");
        assertThat(data.get("keyQuestions")).hasSize(4);
        assertThat(data.get("keyQuestions").get(0).get("exampleAnswers").toString()).contains("Mere effektiv opgaveløsning for borgere og G.K");
        assertThat(data.get("offers").findValuesAsText("title")).contains("Labs", "Uformelt møde").hasSize(4);
        assertThat(data.get("cards").size()).isGreaterThanOrEqualTo(25);
        assertThat(data.get("pages").size()).isEqualTo(site.pages().size());
        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            assertThat(zip.getEntry("content/trin-1/index.adoc")).isNotNull();
        }

        // The schema is strict enough to catch a broken record.
        ((com.fasterxml.jackson.databind.node.ObjectNode) data.get("keyQuestions").get(0)).put("question", "Ikke et spørgsmål");
        assertThat(schema.validate(data)).isNotEmpty();
    }
}
