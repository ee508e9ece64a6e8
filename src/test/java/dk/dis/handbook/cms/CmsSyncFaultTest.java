package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dk.dis.handbook.cms.FakeStrapi.entry;
import static dk.dis.handbook.cms.FakeStrapi.json;
import dk.dis.handbook.content.CmsOrigins;

import static dk.dis.handbook.cms.FakeStrapi.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every fault a sync can meet, against a scripted server: each must fail with a message naming
 * what failed, leave the existing content/ byte for byte as it was, and never show the token.
 */
class CmsSyncFaultTest {
    private static final String TOKEN = "s3cret-token-value-1234567890";

    @TempDir
    Path dir;

    MockWebServer server;
    Path content;
    Map<String, String> before;

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        content = dir.resolve("content");
        Files.createDirectories(content.resolve("trin-1"));
        Files.writeString(content.resolve("index.adoc"), "= Forside\n:jbake-type: page\n\nGammel tekst.\n");
        Files.writeString(content.resolve("trin-1/index.adoc"), "= Trin 1\n:jbake-type: page\n\nGammel trin 1.\n");
        before = snapshot();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CmsSettings settings(URI url) {
        return CmsSettings.of(url, TOKEN).withTimeout(Duration.ofMillis(800))
                .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(3));
    }

    private CmsSync.Result sync(boolean preview) throws Exception {
        // After the pages, the sync asks for the synonym list; this CMS has none.
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        return new CmsSync(new StrapiClient(settings(server.url("/").uri())), s -> {}).run(content, "da", preview);
    }

    /** Runs a sync that must fail and returns its message, after checking content/ and the token. */
    private String failingSync() throws IOException {
        Throwable thrown = null;
        try {
            sync(false);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).isInstanceOf(CmsException.class);
        assertThat(snapshot()).as("content/ must be unchanged").isEqualTo(before);
        assertThat(leftovers()).as("no temp folders left behind").isEmpty();
        assertThat(thrown.getMessage()).doesNotContain(TOKEN);
        return thrown.getMessage();
    }

    @Test
    void strapiDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CmsSettings settings = settings(URI.create("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> new CmsSync(new StrapiClient(settings), s -> {}).run(content, "da", false))
                .isInstanceOf(CmsException.class)
                .hasMessageContaining("Could not connect to the CMS at http://127.0.0.1:" + port)
                .hasMessageContaining("npm start")
                .hasMessageNotContaining(TOKEN);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() throws Exception {
        server.enqueue(json(500, "{}"));
        server.enqueue(json(502, "{}"));
        server.enqueue(json(503, "{}"));
        assertThat(failingSync()).contains("HTTP 503").contains("after 3 attempts").contains("GET /api/pages");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aPassingServerErrorIsRetriedAndTheSyncSucceeds() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(page(FakeStrapi.minimalSite()));
        CmsSync.Result result = sync(false);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(server.getRequestCount()).as("the failed listing, the listing, the synonym list").isEqualTo(3);
        assertThat(Files.readString(content.resolve("trin-1/detaljer.adoc"))).contains("Tekst om detaljer.");
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
        server.enqueue(page(FakeStrapi.minimalSite()));
        long start = System.nanoTime();
        assertThat(sync(false).pages()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void tooManyRequestsForeverIsReported() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build());
        }
        assertThat(failingSync()).contains("HTTP 429").contains("too many requests");
    }

    @Test
    void timeout() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        }
        assertThat(failingSync()).contains("did not answer GET /api/pages").contains("3 attempts");
    }

    @Test
    void truncatedJson() throws Exception {
        server.enqueue(json(200, "{\"data\":[{\"documentId\":\"doc-forside\",\"title\":\"For"));
        assertThat(failingSync()).contains("invalid or truncated JSON").contains("GET /api/pages");
    }

    @Test
    void invalidJson() throws Exception {
        server.enqueue(json(200, "<html>Bad gateway</html>"));
        assertThat(failingSync()).contains("invalid or truncated JSON");
    }

    @Test
    void connectionCutMidBodyIsRetriedThenReported() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body("{\"data\":[" + "x".repeat(5000) + "]}")
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        assertThat(failingSync()).contains("GET /api/pages").contains("3 attempts");
    }

    @Test
    void unauthorizedIsNotRetriedAndNamesTheToken() throws Exception {
        server.enqueue(json(401, "{\"error\":{\"status\":401,\"name\":\"UnauthorizedError\",\"message\":\"Missing or invalid credentials\"}}"));
        assertThat(failingSync()).contains("STRAPI_TOKEN").contains("HTTP 401").contains("token:create");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void forbiddenIsNotRetriedAndNamesThePermission() throws Exception {
        server.enqueue(json(403, "{\"error\":{\"status\":403,\"name\":\"ForbiddenError\",\"message\":\"Forbidden\"}}"));
        assertThat(failingSync()).contains("STRAPI_TOKEN").contains("no permission for GET /api/pages").contains("build token");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theTokenIsSentOnlyInTheAuthorizationHeader() throws Exception {
        server.enqueue(page(FakeStrapi.minimalSite()));
        sync(false);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getUrl().toString()).doesNotContain(TOKEN);
        assertThat(settings(server.url("/").uri()).toString()).doesNotContain(TOKEN);
    }

    @Test
    void cappedPageSizeIsDetected() throws Exception {
        server.enqueue(page(FakeStrapi.minimalSite(), 1, 25, 3));
        assertThat(failingSync()).contains("pages of 25 entries when 100 were asked for").contains("maxLimit");
    }

    @Test
    void paginationDriftIsReadAgainFromTheStart() throws Exception {
        List<ObjectNode> first = manyEntries(100, 0);
        // First pass: an entry is deleted between page 1 and page 2.
        server.enqueue(page(first, 1, 100, 101));
        server.enqueue(page(List.of(), 2, 100, 100));
        // Second pass: stable.
        server.enqueue(page(first, 1, 100, 101));
        server.enqueue(page(manyEntries(1, 100), 2, 100, 101));
        dk.dis.handbook.content.Trees.delete(content); // 101 other pages would replace these two: the deletion guard's case, tested below
        assertThat(sync(false).pages()).isEqualTo(101);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void paginationThatKeepsDriftingFails() throws Exception {
        for (int pass = 0; pass < 3; pass++) {
            server.enqueue(page(manyEntries(100, 0), 1, 100, 150 + pass));
            server.enqueue(page(manyEntries(50, 100), 2, 100, 149 + pass));
        }
        assertThat(failingSync()).contains("changed while it was being read").contains("3 times in a row");
    }

    @Test
    void fewerEntriesThanTheTotalFail() throws Exception {
        for (int pass = 0; pass < 3; pass++) server.enqueue(page(FakeStrapi.minimalSite(), 1, 100, 4));
        assertThat(failingSync()).contains("read 3 entries but the CMS reports 4");
    }

    @Test
    void anEmptyCmsNeverEmptiesContent() throws Exception {
        server.enqueue(page(List.of()));
        assertThat(failingSync()).contains("no published pages in locale 'da'").contains("cms-push");
    }

    @Test
    void duplicateSlugs() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.add(entry("doc-other", "trin-2", "detaljer", 20));
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("slug 'detaljer' is used by 2 pages").contains("doc-detaljer").contains("doc-other");
    }

    @Test
    void missingRequiredFields() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(1).putNull("owner");
        entries.get(2).remove("reviewed");
        server.enqueue(page(entries));
        assertThat(failingSync())
                .contains("page 'Titel trin-1' (locale da, slug 'trin-1', documentId doc-trin-1): field 'owner' is empty")
                .contains("page 'Titel detaljer' (locale da, slug 'detaljer', documentId doc-detaljer): field 'reviewed' is empty");
    }

    @Test
    void unsafeSlugOrSectionIsRejected() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(2).put("section", "../../etc");
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("field 'section' is '../../etc'");
    }

    @Test
    void rawHtmlFromTheCmsIsRejected() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(2).put("body", "Tekst.\n\n++++\n<script>alert(1)</script>\n++++\n");
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("page 'Titel detaljer'").contains("raw HTML passthrough block");
    }

    @Test
    void oldUrlsThatLeaveTheSiteAreRefusedNamingTheEntryAndField() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(2).put("oldUrls", "/gammel https://evil.example/ 302, /*");
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("page 'Titel detaljer' (locale da", "field 'oldUrls'", "is a full URL", "is a wildcard");
        assertThat(content.resolve("trin-1/detaljer.adoc")).doesNotExist();
    }

    @Test
    void templateMustBeKnownAndAWorksheetNeedsItsSource() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(1).put("template", "raw-html");
        entries.get(2).put("template", "arbejdsark");
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("field 'template' is 'raw-html'", "field 'worksheetSource' is empty");
    }

    @Test
    void overlongFieldsAreRefusedWithTheirLimit() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(2).put("summary", "x".repeat(401));
        entries.get(1).put("body", "y".repeat(PageFields.MAX_LENGTH.get("body") + 1));
        server.enqueue(page(entries));
        assertThat(failingSync()).contains("field 'summary' is 401 characters long; at most 400", "field 'body' is 200001 characters long");
    }

    @Test
    void aSyncThatWouldDeleteMostOfAFolderStopsUnlessAllowed() throws Exception {
        List<ObjectNode> others = manyEntries(3, 0);
        server.enqueue(page(others));
        assertThat(failingSync()).contains("would delete 2 of them (index.adoc, trin-1/index.adoc)", "--allow-deletions");

        server.enqueue(page(others));
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        CmsSync.Result allowed = new CmsSync(new StrapiClient(settings(server.url("/").uri())), s -> {})
                .run(CmsSync.targets(content, List.of("da")), false, true);
        assertThat(allowed.pages()).isEqualTo(3);
        assertThat(content.resolve("index.adoc")).doesNotExist();
    }

    @Test
    void anotherLanguageIsWrittenIntoItsOwnFolderAndNeverTouchesTheFirst() throws Exception {
        List<ObjectNode> danish = new ArrayList<>(FakeStrapi.minimalSite());
        List<ObjectNode> english = new ArrayList<>(FakeStrapi.minimalSite());
        english.forEach(e -> e.put("locale", "en").put("title", "English " + e.path("slug").asText()));
        server.enqueue(page(danish));
        server.enqueue(page(english));
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":{\"lines\":\"KB, kommunalbestyrelse\"}}").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        CmsSync.Result both = new CmsSync(new StrapiClient(settings(server.url("/").uri())), s -> {})
                .run(CmsSync.targets(content, List.of("da", "en")), false, false);
        assertThat(both.pages()).isEqualTo(6);
        assertThat(Files.readString(content.resolve("trin-1/detaljer.adoc"))).startsWith("= Titel detaljer\n");
        assertThat(Files.readString(content.resolve("en/trin-1/detaljer.adoc"))).startsWith("= English detaljer\n").contains(":jbake-lang: en\n");
        assertThat(Files.readString(content.resolve("synonymer.txt"))).isEqualTo("KB, kommunalbestyrelse\n");
        assertThat(content.resolve("en/synonymer.txt")).doesNotExist();
        Map<String, String> danishPages = snapshot();
        danishPages.keySet().removeIf(k -> k.startsWith("en/"));

        // Only English now: the Danish pages stay byte for byte.
        english.get(2).put("title", "English details, edited");
        server.enqueue(page(english));
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
        new CmsSync(new StrapiClient(settings(server.url("/").uri())), s -> {})
                .run(List.of(new CmsSync.Target("en", content.resolve("en"))), false, false);
        Map<String, String> after = snapshot();
        after.keySet().removeIf(k -> k.startsWith("en/"));
        assertThat(after).isEqualTo(danishPages);
        assertThat(Files.readString(content.resolve("en/trin-1/detaljer.adoc"))).startsWith("= English details, edited\n");
    }

    @Test
    void markdownInTheBodyIsAWarningNamingTheEntryFieldAndLine() throws Exception {
        List<ObjectNode> entries = new ArrayList<>(FakeStrapi.minimalSite());
        entries.get(2).put("body", "Første linje.\n\nLæs [vejledningen](https://example.org/vejledning).");
        server.enqueue(page(entries));
        CmsSync.Result result = sync(false);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("page 'Titel detaljer'", "field 'body' line 3 looks like a Markdown link",
                "https://example.org/vejledning[vejledningen]"));
    }

    @Test
    void aSuccessfulSyncReplacesTheFolderAndKeepsNonAsciidocFiles() throws Exception {
        Files.writeString(content.resolve("trin-1/billede.svg"), "<svg/>");
        server.enqueue(page(FakeStrapi.minimalSite()));
        sync(false);
        assertThat(snapshot().keySet()).containsExactly(CmsOrigins.FILE_NAME, "index.adoc", "trin-1/billede.svg", "trin-1/detaljer.adoc", "trin-1/index.adoc");
        assertThat(snapshot().get(CmsOrigins.FILE_NAME)).as("where each file came from, for the build's messages")
                .contains("\"trin-1/detaljer.adoc\"", "\"documentId\" : \"doc-detaljer\"", "\"title\" : \"Titel detaljer\"");
        assertThat(Files.readString(content.resolve("index.adoc"))).startsWith("= Titel forside\n:jbake-type: page\n:jbake-status: published\n");
        assertThat(leftovers()).isEmpty();
    }

    private static List<ObjectNode> manyEntries(int count, int from) {
        List<ObjectNode> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) list.add(entry("doc-" + i, "sektion", "side-" + i, i));
        return list;
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(content.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.equals(content)).toList();
        }
    }
}
