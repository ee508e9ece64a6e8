package dk.dis.handbook.cms;

import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Strapi from cms/ and a stand-in for the Netlify build hook: a burst of publishing
 * that is cut short by a restart still requests exactly one build, and a failing hook is retried.
 */
class BuildHookRestartTest {
    private static final String HOOK_PATH = "/build_hooks/restart-secret";
    private static final long QUIET_MS = 4000;

    @TempDir
    static Path dir;

    static MockWebServer buildHook;
    /** The statuses the hook answers in turn; 200 once they are used up. */
    static final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    static LocalStrapi strapi;
    static TestHandbook site;
    static String seed;

    @BeforeAll
    static void start() throws Exception {
        buildHook = new MockWebServer();
        buildHook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Integer code = answers.poll();
                return new MockResponse.Builder().code(code == null ? 200 : code).body("{}").build();
            }
        });
        buildHook.start(InetAddress.getLoopbackAddress(), 0);
        strapi = LocalStrapi.start(dir.resolve("cms"), Map.of(
                "BUILD_HOOK_URL", buildHook.url(HOOK_PATH).toString(),
                "BUILD_HOOK_DEBOUNCE_MS", Long.toString(QUIET_MS),
                "BUILD_HOOK_RETRY_MS", "300"));
        seed = strapi.createToken("cms-push", "seed");
        site = new TestHandbook(dir.resolve("site")).minimalSite();
    }

    @AfterAll
    static void stop() throws Exception {
        if (strapi != null) strapi.close();
        if (buildHook != null) buildHook.close();
    }

    private static void publish(String slug, String title) throws Exception {
        site.write("om/" + slug + ".adoc", header(title, "om", slug) + "Tekst.\n");
        CmsPush.Result pushed = new CmsPush(new StrapiClient(CmsSettings.of(strapi.url, seed)), s -> {})
                .run(site.root.resolve("content"), "da");
        assertThat(pushed.created()).as("the new page is published").isPositive();
    }

    /** Waits until the hook has been quiet for a while, so each test starts from a settled hook. */
    private static int settledCount() throws InterruptedException {
        int count;
        do {
            count = buildHook.getRequestCount();
            Thread.sleep(500);
        } while (count != buildHook.getRequestCount());
        while (buildHook.takeRequest(0, TimeUnit.SECONDS) != null) {
            // drop what earlier tests received
        }
        return count;
    }

    @Test
    void aBurstCutShortByARestartRequestsOneBuildAfterIt() throws Exception {
        int before = settledCount();
        long started = System.nanoTime();
        publish("genstart", "Genstart");
        // Long enough for the pending build to be written, well before the quiet time is over.
        Thread.sleep(800);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("still inside the burst").isLessThan(QUIET_MS - 500);
        strapi.stop();
        assertThat(buildHook.getRequestCount()).as("no build before the CMS stopped").isEqualTo(before);
        strapi.restart();

        RecordedRequest build = buildHook.takeRequest(20, TimeUnit.SECONDS);
        assertThat(build).as("the build owed before the restart is requested after it").isNotNull();
        assertThat(build.getMethod()).isEqualTo("POST");
        assertThat(build.getUrl().encodedPath()).isEqualTo(HOOK_PATH);
        Thread.sleep(QUIET_MS + 1000);
        assertThat(buildHook.getRequestCount()).as("exactly one build for the burst").isEqualTo(before + 1);
        assertThat(strapi.log()).contains("was pending when the CMS stopped").doesNotContain(HOOK_PATH)
                .doesNotContain("restart-secret");
    }

    @Test
    void aHookAnswering503IsTriedAgainUntilItAccepts() throws Exception {
        int before = settledCount();
        answers.add(503);
        answers.add(503);
        publish("forsoeg", "Forsøg igen");
        for (int i = 1; i <= 3; i++) {
            assertThat(buildHook.takeRequest(QUIET_MS + 10000, TimeUnit.MILLISECONDS)).as("call " + i).isNotNull();
        }
        Thread.sleep(3000);
        assertThat(buildHook.getRequestCount()).as("503, 503, 200: three calls, then none").isEqualTo(before + 3);
        assertThat(answers).isEmpty();
        assertThat(strapi.log()).contains("HTTP 503; trying again in 300 ms (attempt 1 of 5)")
                .contains("HTTP 503; trying again in 600 ms (attempt 2 of 5)")
                .contains("site build requested after").doesNotContain("restart-secret");
    }
}
