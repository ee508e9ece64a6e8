package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Strapi from cms/: push the repository's content/ into an empty CMS, sync it back
 * byte for byte, build the site from it, and keep a draft out of everything but a preview.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrapiRoundTripTest {
    private static final Path REPO_CONTENT = TestHandbook.REPO.resolve("content");
    private static final String DRAFT_TITLE = "Politiske principper (kladde til ny version)";

    @TempDir
    static Path dir;

    static LocalStrapi strapi;
    /** Stands in for the Netlify build hook: records the calls Strapi makes. */
    static MockWebServer buildHook;
    static String fullAccess;
    static String readOnly;

    /** SQLite here; {@link StrapiRoundTripPostgresTest} runs the same test on PostgreSQL. */
    LocalStrapi.Database database() {
        return LocalStrapi.Database.SQLITE;
    }

    @BeforeAll
    void startStrapi() throws Exception {
        // A folder per database: the subclass shares this class's static fields.
        LocalStrapi.Database database = database();
        dir = Files.createDirectories(dir.resolve(database.name().toLowerCase(java.util.Locale.ROOT)));
        buildHook = new MockWebServer();
        for (int i = 0; i < 5; i++) buildHook.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        buildHook.start(InetAddress.getLoopbackAddress(), 0);
        strapi = LocalStrapi.start(dir, Map.of("BUILD_HOOK_URL", buildHook.url("/build_hooks/abc").toString(),
                "BUILD_HOOK_DEBOUNCE_MS", "1500"), database);
        fullAccess = strapi.createToken("cms-push", "seed");
        readOnly = strapi.createToken("build", "build");
    }

    @AfterAll
    static void stopStrapi() throws Exception {
        if (strapi != null) strapi.close();
        if (buildHook != null) buildHook.close();
    }

    private static StrapiClient client(String token) {
        return new StrapiClient(CmsSettings.of(strapi.url, token));
    }

    @Test
    void pushSyncBuildAndPreview() throws Exception {
        assertThat(readOnly).hasSizeGreaterThan(20).isNotEqualTo(fullAccess);
        // The Public role has no permission: nothing is readable without a token.
        assertThat(strapi.status("/api/pages")).isIn(401, 403);
        assertThat(strapi.status("/api/pages?status=draft")).isIn(401, 403);

        CmsPush.Result pushed = new CmsPush(client(fullAccess), s -> {}).run(REPO_CONTENT, "da");
        int files = tree(REPO_CONTENT).size();
        assertThat(pushed.created()).isEqualTo(files);
        assertThat(pushed.synonymsSent()).as("content/synonymer.txt becomes the CMS's synonym list").isTrue();
        // The English pages become the en versions of the Danish documents with the same slugs.
        CmsPush.Result pushedEn = new CmsPush(client(fullAccess), s -> {}).run(REPO_CONTENT.resolve("en"), "en");
        int englishFiles = tree(REPO_CONTENT.resolve("en")).size();
        assertThat(pushedEn.created()).isEqualTo(englishFiles).isGreaterThan(3);
        // Publishing 24 pages is one burst: one build request once the burst is over.
        RecordedRequest build = buildHook.takeRequest(30, TimeUnit.SECONDS);
        assertThat(build).as("build hook called after publishing").isNotNull();
        assertThat(build.getMethod()).isEqualTo("POST");
        assertThat(build.getUrl().encodedPath()).isEqualTo("/build_hooks/abc");
        Thread.sleep(3000);
        assertThat(buildHook.getRequestCount()).as("one build per burst").isEqualTo(1);
        assertThat(strapi.log()).doesNotContain("/build_hooks/abc");

        CmsPush.Result again = new CmsPush(client(fullAccess), s -> {}).run(REPO_CONTENT, "da");
        assertThat(again.created() + again.updated()).as("a second push changes nothing").isZero();
        assertThat(again.unchanged()).isEqualTo(files);

        // A read-only token cannot write.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                client(readOnly).send("POST", PageEntries.PATH, Map.of(), FakeStrapi.JSON.readTree("{\"data\":{}}"))))
                .isInstanceOf(CmsException.class).hasMessageContaining("HTTP 403").hasMessageContaining("seed token");

        // Strapi itself refuses a second page with a slug in use.
        ObjectNode duplicate = FakeStrapi.JSON.createObjectNode();
        ObjectNode page = FakeStrapi.entry("ignored", "andet", "trin-1", 10);
        page.remove(java.util.List.of("id", "documentId", "locale", "updatedAt", "publishedAt", "navTitle", "changeNote", "tags"));
        duplicate.set("data", page);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                client(fullAccess).send("POST", PageEntries.PATH, Map.of("locale", "da"), duplicate)))
                .isInstanceOf(CmsException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("slug 'trin-1' is already used by the page 'Politiske principper' in section 'trin-1'");

        // An editor saves a draft of the step 1 page without publishing it.
        JsonNode trin1 = client(readOnly).get(PageEntries.PATH, Map.of("filters[slug][$eq]", "trin-1", "locale", "da")).path("data").get(0);
        ObjectNode edit = FakeStrapi.JSON.createObjectNode();
        edit.putObject("data").put("title", DRAFT_TITLE);
        client(fullAccess).send("PUT", PageEntries.PATH + "/" + trin1.path("documentId").asText(), Map.of("locale", "da", "status", "draft"), edit);

        Thread.sleep(2500);
        assertThat(buildHook.getRequestCount()).as("saving a draft triggers no build").isEqualTo(1);

        TestHandbook handbook = new TestHandbook(dir.resolve("site"));
        Path content = handbook.root.resolve("content");
        CmsSync.Result synced = new CmsSync(client(readOnly), s -> {}).run(CmsSync.targets(content, List.of("da", "en")), false, false);
        assertThat(synced.pages()).isEqualTo(files + englishFiles);
        assertThat(synced.drafts()).isZero();
        assertThat(everyFile(content)).as("round trip: both languages and the synonyms, as in the repository").isEqualTo(everyFile(REPO_CONTENT));

        String log = handbook.build();
        assertThat(log).contains("Built " + (files + englishFiles) + " pages");
        assertThat(handbook.read("trin-1/index.html")).contains("Politiske principper").doesNotContain(DRAFT_TITLE);

        Path preview = dir.resolve("preview/content");
        CmsSync.Result previewed = new CmsSync(client(readOnly), s -> {}).run(preview, "da", true);
        assertThat(previewed.drafts()).isEqualTo(1);
        String draftPage = Files.readString(preview.resolve("trin-1/index.adoc"));
        assertThat(draftPage).startsWith("= " + DRAFT_TITLE + "\n:jbake-type: page\n:jbake-status: draft\n");
        Map<String, String> previewTree = tree(preview);
        previewTree.remove("trin-1/index.adoc");
        Map<String, String> expected = tree(REPO_CONTENT);
        expected.remove("trin-1/index.adoc");
        assertThat(previewTree).as("only the edited page differs in a preview").isEqualTo(expected);

        handbook.build(handbook.options().withContentDir(preview).withPreview(true));
        assertThat(handbook.read("trin-1/index.html")).contains(DRAFT_TITLE).contains("Forhåndsvisning");

        JsonNode forsideDa = client(readOnly).get(PageEntries.PATH, Map.of("filters[slug][$eq]", "forside", "locale", "da")).path("data").get(0);
        JsonNode forsideEn = client(readOnly).get(PageEntries.PATH, Map.of("filters[slug][$eq]", "forside", "locale", "en")).path("data").get(0);
        assertThat(forsideEn.path("documentId").asText()).isEqualTo(forsideDa.path("documentId").asText());
        assertThat(forsideDa.path("title").asText()).isEqualTo("DIS-modellen: Digitalisering, Innovation og Samskabelse");

        assertThat(forsideEn.path("title").asText()).startsWith("The DIS model");

        // A changed file is pushed as an update of its entry, and nothing else is touched.
        Path edited = dir.resolve("edited/content");
        new CmsSync(client(readOnly), s -> {}).run(edited, "da", false);
        Path aarshjul = edited.resolve("trin-2/aarshjul.adoc");
        Files.writeString(aarshjul, Files.readString(aarshjul).replace(":jbake-reviewed: 2026-11-24", ":jbake-reviewed: 2026-12-01"));
        CmsPush.Result update = new CmsPush(client(fullAccess), s -> {}).run(edited, "da");
        assertThat(update.updated()).isEqualTo(1);
        assertThat(update.created()).isZero();
        assertThat(update.unchanged()).isEqualTo(files - 1);
        Path resynced = dir.resolve("resynced/content");
        new CmsSync(client(readOnly), s -> {}).run(resynced, "da", false);
        assertThat(tree(resynced)).isEqualTo(tree(edited));
    }

    /**
     * The default locale's pages under root: the CMS holds pages only (not e.g. content/synonymer.txt),
     * and other languages' folders (content/en/) are pushed separately.
     */
    private static Map<String, String> everyFile(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(dk.dis.handbook.content.CmsOrigins.FILE_NAME)).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".adoc"))
                    .filter(f -> root.relativize(f).getNameCount() < 2 || !PageDocument.isLocaleFolder(root, root.relativize(f).getName(0)))
                    .toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }
}
