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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing through the real Strapi asks the real preview service to build the handbook with the
 * page: a broken link or an empty required field refuses the publish, naming the field and line;
 * without the preview service the page is published and the CMS's log says the check was skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishCheckTest {
    static final String SECRET = "publish-check-secret-for-the-tests-0123";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalStrapi strapi;
    static PreviewService preview;
    static StrapiClient seed;
    static String seedToken;
    static final HttpClient http = HttpClient.newHttpClient();

    /** SQLite here; {@link PublishCheckPostgresTest} runs the same checks on PostgreSQL. */
    LocalStrapi.Database database() {
        return LocalStrapi.Database.SQLITE;
    }

    @BeforeAll
    void start() throws Exception {
        LocalStrapi.Database database = database();
        // A folder per database: the subclass shares this class's static fields.
        dir = Files.createDirectories(dir.resolve(database.name().toLowerCase(java.util.Locale.ROOT)));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        strapi = LocalStrapi.start(dir, Map.of("PREVIEW_URL", "http://127.0.0.1:" + port, "PREVIEW_SECRET", SECRET), database);
        seedToken = strapi.createToken("check-seed", "seed");
        seed = strapi.client(seedToken);
        TestHandbook site = new TestHandbook(dir.resolve("site")).minimalSite();
        new CmsPush(seed, s -> {}).run(site.root.resolve("content"), "da");
        preview = new PreviewService(site.root, dir.resolve("work"), strapi.client(strapi.createToken("check-build", "build")),
                new PreviewToken(SECRET), Clock.systemUTC(), System.out::println).start(port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (preview != null) preview.close();
        if (strapi != null) strapi.close();
    }

    static String documentId(String slug) throws Exception {
        return seed.get(PageEntries.PATH, Map.of("filters[slug][$eq]", slug, "locale", "da")).path("data").get(0).path("documentId").asText();
    }

    /** Strapi 5's REST publish: update with status=published (the document service's update, then publish). */
    static HttpResponse<String> save(String slug, String status, String field, String value) throws Exception {
        var edit = JSON.createObjectNode();
        edit.putObject("data").put(field, value);
        URI uri = strapi.url.resolve(PageEntries.PATH + "/" + documentId(slug) + "?locale=da&status=" + status);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + seedToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(edit.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String publishedBody(String slug) throws Exception {
        return seed.get(PageEntries.PATH, Map.of("filters[slug][$eq]", slug, "locale", "da", "status", "published"))
                .path("data").get(0).path("body").asText();
    }

    @Test
    @Order(1)
    void aLinkToAPageThatDoesNotExistRefusesThePublishNamingTheBodyAndLine() throws Exception {
        String broken = "[[kontakt]]\n== Kontakt\n\nSe link:/findes-ikke/[en side, der ikke findes].";
        assertThat(save("om", "draft", "body", broken).statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        HttpResponse<String> refused = save("om", "published", "body", broken);
        System.out.printf("publish check (refused): %.2f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println(refused.body());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("Siden kan ikke udgives: Brødtekst, linje 4: Linket til /findes-ikke/ peger på en side, "
                + "der ikke findes på sitet. Ret linket, eller vælg siden med knappen Link i værktøjslinjen.");
        assertThat(error.path("details").path("errors").get(0).path("path").get(0).asText()).isEqualTo("body");
        assertThat(error.path("details").path("errors").get(0).path("message").asText()).startsWith("Brødtekst, linje 4: Linket til /findes-ikke/ ");
        assertThat(publishedBody("om")).doesNotContain("findes-ikke");

        String fixed = "[[kontakt]]\n== Kontakt\n\nSe link:/trin-1/[trin 1].";
        started = System.nanoTime();
        HttpResponse<String> accepted = save("om", "published", "body", fixed);
        System.out.printf("publish check (accepted): %.2f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(publishedBody("om")).contains("link:/trin-1/");
    }

    @Test
    @Order(2)
    void anEmptyRequiredFieldRefusesThePublishNamingIt() throws Exception {
        HttpResponse<String> refused = save("detaljer", "published", "summary", "   ");
        System.out.println(refused.body());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("Siden kan ikke udgives: Resumé: Feltet er tomt. Udfyld det, og offentliggør igen.");
        assertThat(error.path("details").path("errors").get(0).path("path").get(0).asText()).isEqualTo("summary");
    }

    @Test
    @Order(3)
    void theAdminsPublishButtonIsCheckedWithTheFormAsSentNotTheOldDraft() throws Exception {
        String admin = strapi.registerAdmin();
        var form = JSON.createObjectNode().put("body", "[[kontakt]]\n== Kontakt\n\nSe link:/findes-ikke-heller/[en side].");
        URI uri = strapi.url.resolve("/content-manager/collection-types/api::page.page/" + documentId("om") + "/actions/publish?locale=da");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println(refused.body());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText())
                .startsWith("Siden kan ikke udgives: Brødtekst, linje 4: Linket til /findes-ikke-heller/ peger på en side, der ikke findes");
        assertThat(publishedBody("om")).doesNotContain("findes-ikke-heller");
    }

    @Test
    @Order(4)
    void withoutThePreviewServicePublishingWorksAndTheLogSaysTheCheckWasSkipped() throws Exception {
        preview.close();
        HttpResponse<String> accepted = save("om", "published", "body", "[[kontakt]]\n== Kontakt\n\nSe link:/findes-ikke/[en side].");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(strapi.log()).contains("[publish-check] skipped:");
    }
}
