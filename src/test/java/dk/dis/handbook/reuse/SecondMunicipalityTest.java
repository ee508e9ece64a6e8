package dk.dis.handbook.reuse;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/albertslund: another municipality's handbook made of a config and content only. */
class SecondMunicipalityTest {
    @TempDir
    Path dir;

    @Test
    void theExampleBuildsWithItsOwnNameColoursLogoAndAttribution() throws Exception {
        Path example = TestHandbook.REPO.resolve("examples/albertslund");
        Path site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(TestHandbook.REPO).withPdf(false)
                .withConfigFile(example.resolve("handbook.yml")).withContentDir(example.resolve("content")).withOutDir(site));

        Document front = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(front.select(".site-header").text()).contains("Albertslund Kommune").doesNotContain("Gentofte");
        assertThat(front.select("title").text()).doesNotContain("Gentofte");
        String logo = front.select(".site-header img.site-logo").attr("src");
        assertThat(Files.readString(site.resolve(logo.substring(1)))).contains("Albertslund");
        String theme = front.select("link[rel=stylesheet][href*=theme]").attr("href");
        assertThat(Files.readString(site.resolve(theme.substring(1)))).contains("--brand: #1d5c3a;");
        assertThat(front.select(".site-footer").text()).contains("DIS-modellen, Gentofte Kommune");
        assertThat(front.select(".site-footer a[rel=license]")).hasSize(1);
        assertThat(front.select("nav#hovedmenu a").eachAttr("href")).contains("/innovation/", "/metoder/", "/om/");
        assertThat(site.resolve("metoder/brugerinddragelse/index.html")).exists();
        assertThat(site.resolve("trin-1")).doesNotExist();
    }
}
