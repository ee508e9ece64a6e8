package dk.dis.handbook.pipeline;

import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** content/ is what a CMS sync writes, so it is untrusted: it cannot carry HTML, scripts or file access. */
class UnsafeContentTest {
    @TempDir
    Path dir;
    TestHandbook handbook;

    @BeforeEach
    void setUp() throws Exception {
        handbook = new TestHandbook(dir).minimalSite();
    }

    static Stream<Arguments> unsafeMarkup() {
        return Stream.of(
                Arguments.of("++++\n<script>alert(1)</script>\n++++", 1, "a raw HTML passthrough block (++++)"),
                Arguments.of("[pass]\n<b>x</b>", 1, "a raw HTML passthrough block ([pass])"),
                Arguments.of("Tekst pass:[<img src=x onerror=alert(1)>] her.", 1, "an inline passthrough (pass:[])"),
                Arguments.of("Ny linje.\nTekst +++<script>alert(1)</script>+++ her.", 2, "an inline passthrough (+++…+++)"),
                Arguments.of("include::/etc/passwd[]", 1, "an include directive"),
                Arguments.of("link:javascript:alert(1)[Klik]", 1, "a script or data URL"));
    }

    @ParameterizedTest
    @MethodSource("unsafeMarkup")
    void rawHtmlAndFileAccessAreRefusedNamingFileAndLine(String body, int lineInBody, String what) throws Exception {
        String head = header("Detaljer", "trin-1", "detaljer");
        handbook.write("trin-1/detaljer.adoc", head + body + "\n");
        int line = (int) head.lines().count() + lineInBody;
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: line " + line + " has " + what + ", which is not allowed in content.");
        assertThat(handbook.out()).doesNotExist();
    }

    @Test
    void verbatimBlocksMayShowSuchMarkupAsText() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer")
                + "----\n++++\n<script>alert(1)</script>\n++++\n----\n");
        handbook.build();
        Document page = Jsoup.parse(handbook.read("trin-1/detaljer/index.html"));
        assertThat(page.select("pre").text()).contains("<script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
    }

    @Test
    void headerValuesAreEscaped() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer <img src=x onerror=alert(1)>", "trin-1", "detaljer",
                ":jbake-summary: <script>alert(1)</script>", ":jbake-owner: \"><svg onload=alert(1)>",
                ":jbake-navtitle: <b>fed</b>", ":jbake-changenote: <script>alert(2)</script>") + "Tekst.\n");
        handbook.build();
        String html = handbook.read("trin-1/detaljer/index.html");
        Document page = Jsoup.parse(html);
        // The site's own script files only (the offline worker's registration), nothing from the header.
        assertThat(page.select("script:not([src^=/assets/js/]), svg[onload], img[onerror], nav b")).isEmpty();
        assertThat(page.select(".change-note").text()).endsWith(": <script>alert(2)</script>");
        assertThat(page.select("h1").text()).isEqualTo("Detaljer <img src=x onerror=alert(1)>");
        assertThat(page.select(".lead").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(Jsoup.parse(handbook.read("index.html")).select("nav#hovedmenu").text()).contains("<b>fed</b>");
    }

    @Test
    void remoteImagesAndVideosBecomeLinksAndTablesLoseInlineStyles() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer")
                + "image::https://cdn.example/kort.png[Kort over kommunen]\n\n"
                + "video::abc123[youtube]\n\n"
                + "[cols=\"1,3\"]\n|===\n|A |B\n|===\n");
        handbook.build();
        Document page = Jsoup.parse(handbook.read("trin-1/detaljer/index.html"));
        assertThat(page.select("main img, main iframe, main video")).isEmpty();
        assertThat(page.select("a[href=https://cdn.example/kort.png]").text()).isEqualTo("Kort over kommunen");
        assertThat(page.select("a[href*=youtube.com]")).hasSize(1);
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("table td")).hasSize(2);
    }
}
