package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The tokens README tells people to create (`npm run token:create -- NAME build|seed`), against the
 * real Strapi: each may do its job and nothing more.
 */
class ApiTokenTest {
    @TempDir
    static Path dir;
    static LocalStrapi strapi;
    static String build;
    static String seed;

    @BeforeAll
    static void startStrapi() throws Exception {
        strapi = LocalStrapi.start(dir);
        build = strapi.createToken("site-build", "build");
        seed = strapi.createToken("seed", "seed");
    }

    @AfterAll
    static void stopStrapi() throws Exception {
        if (strapi != null) strapi.close();
    }

    static StrapiClient client(String token) {
        return strapi.client(token);
    }

    @Test
    void theBuildTokenOnlyReadsPagesAndTheSeedTokenCannotDelete() throws Exception {
        TestHandbook site = new TestHandbook(dir.resolve("site")).minimalSite();
        CmsPush.Result pushed = new CmsPush(client(seed), s -> {}).run(site.root.resolve("content"), "da");
        assertThat(pushed.created()).as("the seed token creates pages").isEqualTo(4);
        site.write("om/index.adoc", header("Om håndbogen", "om", "om", ":jbake-order: 90") + "[[kontakt]]\n== Kontakt\n\nSkriv til udvalget.\n");
        assertThat(new CmsPush(client(seed), s -> {}).run(site.root.resolve("content"), "da").updated()).as("and updates them").isEqualTo(1);

        // The build token reads pages, drafts included (a preview needs them) ...
        CmsSync.Result synced = new CmsSync(client(build), s -> {}).run(dir.resolve("synced/content"), "da", true);
        assertThat(synced.pages()).isEqualTo(4);
        JsonNode page = client(build).get(PageEntries.PATH, Map.of("locale", "da")).path("data").get(0);
        String id = page.path("documentId").asText();
        assertThat(client(build).get(PageEntries.PATH + "/" + id, Map.of()).path("data").path("documentId").asText()).isEqualTo(id);

        // ... and can do nothing else: no writes, no uploads, no users.
        ObjectNode edit = FakeStrapi.JSON.createObjectNode();
        edit.putObject("data").put("title", "Overskrevet");
        assertForbidden(() -> client(build).send("POST", PageEntries.PATH, Map.of(), edit));
        assertForbidden(() -> client(build).send("PUT", PageEntries.PATH + "/" + id, Map.of(), edit));
        assertForbidden(() -> client(build).send("DELETE", PageEntries.PATH + "/" + id, Map.of(), null));
        ObjectNode synonyms = FakeStrapi.JSON.createObjectNode();
        synonyms.putObject("data").put("lines", "borger, indbygger");
        assertForbidden(() -> client(build).send("PUT", CmsSync.SYNONYMS_PATH, Map.of("locale", "da"), synonyms));
        assertForbidden(() -> client(build).get("/api/upload/files", Map.of()));
        assertForbidden(() -> client(build).get("/api/users", Map.of()));

        // The seed token writes pages and the synonym list, which the build token reads; it never deletes a page.
        client(seed).send("PUT", CmsSync.SYNONYMS_PATH, Map.of("locale", "da"), synonyms);
        assertThat(client(build).get(CmsSync.SYNONYMS_PATH, Map.of("locale", "da")).path("data").path("lines").asText()).isEqualTo("borger, indbygger");
        assertForbidden(() -> client(seed).send("DELETE", PageEntries.PATH + "/" + id, Map.of(), null));
        assertForbidden(() -> client(seed).get("/api/upload/files", Map.of()));
        assertForbidden(() -> client(seed).get("/api/users", Map.of()));
        assertThat(client(build).get(PageEntries.PATH, Map.of("locale", "da")).path("meta").path("pagination").path("total").asInt())
                .as("every page is still there").isEqualTo(4);

        // The build's status token writes the build's outcome, which the admin shows, and nothing else.
        String status = strapi.createToken("build-status", "status");
        new BuildStatus(client(status)).report(false, "indhold fra CMS'et, commit abc123", "1 problem(er) stoppede bygningen; sitet er uændret",
                List.of("CMS page 'Detaljer' (da, section trin-1, documentId x): field 'body': line 3 links to '/findes-ikke/'"), Instant.parse("2026-12-01T10:00:00Z"));
        JsonNode shown = strapi.adminGet(strapi.registerAdmin(), "/content-manager/single-types/api::build-status.build-status").path("data");
        assertThat(shown.path("outcome").asText()).isEqualTo("fejlede");
        assertThat(shown.path("problems").asText()).contains("CMS page 'Detaljer'", "field 'body'");
        assertForbidden(() -> client(status).get(PageEntries.PATH, Map.of("locale", "da")));
        assertForbidden(() -> client(status).send("PUT", PageEntries.PATH + "/" + id, Map.of(), edit));
        assertForbidden(() -> client(build).send("PUT", BuildStatus.PATH, Map.of(), edit));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertForbidden(Call call) {
        assertThat(catchThrowable(call::run)).isInstanceOf(CmsException.class).hasMessageContaining("HTTP 403");
    }
}
