package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncCommandTest {
    private static final String TOKEN = "tok-ABCDEF-0123456789-secret";

    @TempDir
    Path dir;

    private static final String ONE_PAGE = """
            {"data":[{"documentId":"d1","title":"Forside","slug":"forside","section":"forside","sortOrder":0,
              "pageType":"page","date":"2017-12-12","summary":"Resumé.","owner":"Udvalget","reviewed":"2026-11-24",
              "nextReview":"2027-11-24","body":"Velkommen.","locale":"da"}],
             "meta":{"pagination":{"page":1,"pageSize":100,"pageCount":1,"total":1}}}""";

    @Test
    void progressAndSummaryNeverShowTheToken() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(ONE_PAGE).build());
            server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> env = Map.of("STRAPI_URL", server.url("/").toString(), "STRAPI_TOKEN", TOKEN);
            SyncCommand.run(env, dir.resolve("content"), dk.dis.handbook.cms.CmsSync.targets(dir.resolve("content"), java.util.List.of("da")), false, false, new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("[sync] 1 pages (0 drafts)").doesNotContain(TOKEN);
            assertThat(Files.readString(dir.resolve("content/index.adoc"))).startsWith("= Forside\n").endsWith("\n\nVelkommen.\n");
        }
    }

    @Test
    void missingSettingsSayWhatToSet() {
        assertThatThrownBy(() -> SyncCommand.run(Map.of(), dir, java.util.List.of(), false, false, System.out))
                .isInstanceOf(CmsException.class).hasMessageContaining("STRAPI_URL is not set");
        assertThatThrownBy(() -> SyncCommand.run(Map.of("STRAPI_URL", "http://127.0.0.1:1"), dir, java.util.List.of(), false, false, System.out))
                .isInstanceOf(CmsException.class).hasMessageContaining("STRAPI_TOKEN is not set").hasMessageContaining("token:create");
    }
}
