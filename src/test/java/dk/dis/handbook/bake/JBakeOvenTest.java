package dk.dis.handbook.bake;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bake stage is JBake's Oven: values only JBake's parts put into a page's model (its crawler's
 * hash of the source file, its version) reach the output, and a failure JBake reports fails the
 * build naming the template and the content file. JBake's registries are global, so these tests
 * build one after another, like every build in a JVM.
 */
class JBakeOvenTest {

    @TempDir
    Path dir;
    TestHandbook handbook;

    @BeforeEach
    void site() throws Exception {
        handbook = new TestHandbook(dir).minimalSite();
    }

    @Test
    void jbakesCrawlerAndTemplateModelReachThePage() throws Exception {
        Path page = handbook.root.resolve("templates/page.ftlh");
        Files.writeString(page, Files.readString(page)
                + "<!-- baked by JBake ${version} from ${content.sourceuri} sha1 ${content.sha1} -->\n");
        handbook.build();

        Path source = handbook.root.resolve("content/trin-1/detaljer.adoc");
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(source)));
        assertThat(handbook.read("trin-1/detaljer/index.html"))
                .contains("baked by JBake v2.7.0 from trin-1/detaljer.html sha1 " + sha1 + " -->");
        // The handbook's URLs come from the page header, not from JBake's file names.
        assertThat(handbook.out().resolve("trin-1/detaljer.html")).doesNotExist();
        // JBake's own renderers made the sitemap, the feed and the 404 page from our templates.
        assertThat(handbook.read("sitemap.xml")).contains("/trin-1/detaljer/</loc>");
        assertThat(handbook.read("feed.xml")).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        assertThat(handbook.read("404.html")).contains("id=\"sidetitel\"");
    }

    @Test
    void aFailureJBakeReportsNamesTheTemplateAndTheContentFileAndKeepsThePreviousSite() throws Exception {
        handbook.build();
        String before = handbook.read("trin-1/detaljer/index.html");
        Path post = handbook.root.resolve("templates/page.ftlh");
        Files.writeString(post, Files.readString(post) + "<#if page.url == \"/trin-1/detaljer/\">${content.noSuchField.title}</#if>\n");

        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("templates/page.ftlh: failed at line ")
                .hasMessageContaining("(rendering content/trin-1/detaljer.adoc)");
        assertThat(handbook.read("trin-1/detaljer/index.html")).isEqualTo(before);
    }
}
