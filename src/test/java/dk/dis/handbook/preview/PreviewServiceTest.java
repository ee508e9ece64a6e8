package dk.dis.handbook.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.cms.CmsPush;
import dk.dis.handbook.cms.PageEntries;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Strapi's Preview link, opened in the real preview service: the draft is shown, signed
 * links only, framed by the CMS alone, and one broken draft does not stop the others' preview.
 */
class PreviewServiceTest {
    static final String SECRET = "preview-secret-for-the-tests-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalStrapi strapi;
    static PreviewService preview;
    static StrapiClient seed;
    static String adminJwt;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        strapi = LocalStrapi.start(dir, Map.of("PREVIEW_URL", "http://127.0.0.1:" + port, "PREVIEW_SECRET", SECRET));
        seed = strapi.client(strapi.createToken("preview-seed", "seed"));
        TestHandbook site = new TestHandbook(dir.resolve("site")).minimalSite();
        new CmsPush(seed, s -> {}).run(site.root.resolve("content"), "da");
        preview = new PreviewService(site.root, dir.resolve("work"), strapi.client(strapi.createToken("preview-build", "build")),
                new PreviewToken(SECRET), Clock.systemUTC(), System.out::println).start(port);
        adminJwt = strapi.registerAdmin();
    }

    @AfterAll
    static void stop() throws Exception {
        if (preview != null) preview.close();
        if (strapi != null) strapi.close();
    }

    static String documentId(String slug) throws Exception {
        return seed.get(PageEntries.PATH, Map.of("filters[slug][$eq]", slug, "locale", "da")).path("data").get(0).path("documentId").asText();
    }

    static void saveDraft(String slug, String field, String value) throws Exception {
        var edit = JSON.createObjectNode();
        edit.putObject("data").put(field, value);
        seed.send("PUT", PageEntries.PATH + "/" + documentId(slug), Map.of("locale", "da", "status", "draft"), edit);
    }

    /** What the admin's Preview button opens for the page. */
    static String previewLink(String slug) throws Exception {
        return strapi.adminGet(adminJwt, "/content-manager/preview/url/" + URLEncoder.encode("api::page.page", StandardCharsets.UTF_8)
                + "?documentId=" + documentId(slug) + "&locale=da&status=draft").path("data").path("url").asText();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePreviewButtonShowsTheSavedDraftSignedAndFramedByTheCmsOnly() throws Exception {
        saveDraft("trin-1", "title", "Politiske principper (kladde)");
        long saved = System.nanoTime();
        String link = previewLink("trin-1");
        assertThat(link).startsWith(preview.url() + "/trin-1/?preview=");
        HttpResponse<String> page = get(link);
        double seconds = (System.nanoTime() - saved) / 1e9;
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Politiske principper (kladde)", "Forhåndsvisning");
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("frame-ancestors " + strapi.url.toString().replaceAll("/$", "")).doesNotContain("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        System.out.printf("preview: from save to the page shown %.2f s (first request, including the first build)%n", seconds);

        // The next save shows up too, through the incremental build.
        saveDraft("trin-1", "title", "Politiske principper (anden kladde)");
        long again = System.nanoTime();
        assertThat(get(previewLink("trin-1")).body()).contains("Politiske principper (anden kladde)");
        System.out.printf("preview: from the second save to the page shown %.2f s%n", (System.nanoTime() - again) / 1e9);
    }

    @Test
    void withoutAValidSignedLinkThePreviewAnswers403() throws Exception {
        String link = previewLink("trin-1");
        String token = link.substring(link.indexOf("preview=") + "preview=".length());
        assertThat(get(preview.url() + "/trin-1/").statusCode()).isEqualTo(403);
        assertThat(get(preview.url() + "/trin-1/?preview=" + token.substring(0, token.length() - 2) + "xx").statusCode()).isEqualTo(403);
        String expired = new PreviewToken(SECRET).issue(Instant.now().minusSeconds(60));
        assertThat(get(preview.url() + "/trin-1/?preview=" + expired).statusCode()).isEqualTo(403);
        String otherSecret = new PreviewToken("another-secret-that-is-long-enough-1234").issue(Instant.now().plusSeconds(600));
        assertThat(get(preview.url() + "/trin-1/?preview=" + otherSecret).statusCode()).isEqualTo(403);
        assertThat(get(preview.url() + "/soeg/data/?preview=").statusCode()).isEqualTo(403);
        assertThat(get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void aDraftThatCannotBeBuiltIsLeftOutAndSaysWhatToFillIn() throws Exception {
        saveDraft("detaljer", "summary", "   ");
        saveDraft("om", "body", "[[kontakt]]\n== Kontakt\n\nSe link:/findes-ikke/[en side, der ikke findes].");
        HttpResponse<String> details = get(previewLink("detaljer"));
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("Kladden til denne side kan ikke vises endnu", "summary: Feltet er tomt.")
                .doesNotContain("is empty");
        HttpResponse<String> about = get(previewLink("om"));
        assertThat(about.body()).contains("Kladden til denne side kan ikke vises endnu", "/findes-ikke/");
        HttpResponse<String> step = get(previewLink("trin-1"));
        assertThat(step.statusCode()).isEqualTo(200);
        assertThat(step.body()).contains("Forhåndsvisning").doesNotContain("kan ikke vises endnu");
        // Fixed, the draft previews again.
        saveDraft("detaljer", "summary", "Resumé af detaljerne.");
        saveDraft("om", "body", "[[kontakt]]\n== Kontakt\n\nSkriv til udvalget.");
        assertThat(get(previewLink("detaljer")).body()).doesNotContain("kan ikke vises endnu").contains("Forhåndsvisning");
    }
}
