package dk.dis.handbook.publish;

import dk.dis.handbook.serve.LocalServer;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/** What the built site's hosting rules make a server send, seen through the local server. */
class HostingTest {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(LocalServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void productionSiteSendsSecurityHeadersCachesHashedAssetsAndRedirectsOldSlugs() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-oldslugs: gamle-detaljer, /trin-9/endnu-aeldre/")
                + "Tekst.\n");
        handbook.build();
        try (LocalServer server = LocalServer.start(handbook.out(), 0)) {
            HttpResponse<String> page = get(server, "/trin-1/");
            assertThat(page.statusCode()).isEqualTo(200);
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
            assertThat(page.headers().firstValue("Cache-Control")).contains(HostingRules.REVALIDATE);
            assertThat(page.headers().firstValue("X-Robots-Tag")).isEmpty();

            Matcher css = Pattern.compile("href=\"(/assets/css/site\\.[0-9a-f]{10}\\.css)\"").matcher(page.body());
            assertThat(css.find()).as("stylesheet has a content hash in its name").isTrue();
            HttpResponse<String> asset = get(server, css.group(1));
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");

            HttpResponse<String> old = get(server, "/trin-1/gamle-detaljer/");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).contains("/trin-1/detaljer/");
            assertThat(get(server, "/trin-9/endnu-aeldre/").headers().firstValue("Location")).contains("/trin-1/detaljer/");
            // The accessibility statement's short address (Webtilgængelighedsloven) goes to the configured statement.
            HttpResponse<String> was = get(server, "/was");
            assertThat(was.statusCode()).isEqualTo(301);
            assertThat(was.headers().firstValue("Location")).contains("https://www.was.digst.dk/");
            assertThat(handbook.read("_redirects")).containsPattern("(?m)^/was\\s+https://www\\.was\\.digst\\.dk/\\s+301$");
            // Every footer names the statement as the law words it.
            assertThat(org.jsoup.Jsoup.parse(page.body()).select("footer.site-footer a[href=https://www.was.digst.dk/]").eachText())
                    .containsExactly("Tilgængelighedserklæring");
            // The service worker comes from the site itself and is always revalidated, so a new build reaches readers.
            assertThat(csp).contains("worker-src 'self'");
            HttpResponse<String> worker = get(server, "/sw.js");
            assertThat(worker.statusCode()).isEqualTo(200);
            assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
            assertThat(worker.headers().firstValue("Cache-Control")).contains(HostingRules.REVALIDATE);

            HttpResponse<String> missing = get(server, "/findes/ikke/");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Siden findes ikke");
            assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();

            assertThat(get(server, "/../pom.xml").statusCode()).isEqualTo(404);
            assertThat(get(server, "/_headers").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void previewSiteIsMarkedAndNotIndexed() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.build(handbook.options().withPreview(true));
        try (LocalServer server = LocalServer.start(handbook.out(), 0)) {
            HttpResponse<String> page = get(server, "/");
            assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
            assertThat(page.body()).contains("Forhåndsvisning", "name=\"robots\" content=\"noindex, nofollow\"");
        }
    }

    @Test
    void anOldSlugThatIsALivePageIsRefused() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-oldslugs: /trin-1/") + "Tekst.\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: field 'jbake-oldslugs': '/trin-1/' is the URL of content/trin-1/index.adoc");
    }

    @Test
    void netlifyPathPatterns() {
        assertThat(LocalServer.pathPattern("/*").matcher("/trin-1/").matches()).isTrue();
        assertThat(LocalServer.pathPattern("/assets/*").matcher("/assets/css/a.css").matches()).isTrue();
        assertThat(LocalServer.pathPattern("/assets/*").matcher("/trin-1/").matches()).isFalse();
        assertThat(LocalServer.pathPattern("/moeder/:slug/").matcher("/moeder/x/").matches()).isTrue();
        assertThat(LocalServer.pathPattern("/moeder/:slug/").matcher("/moeder/x/y/").matches()).isFalse();
    }
}
