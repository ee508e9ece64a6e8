package dk.dis.handbook.publish;

import dk.dis.handbook.serve.LocalServer;

import dk.dis.handbook.support.NetlifyRules;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/** The hosting files as Netlify's own parsers read them, against what the local server does with the same files. */
class NetlifyParsersTest {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void netlifyAndTheLocalServerApplyTheSameRulesInProductionAndPreview() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-oldslugs: gamle-detaljer, /trin-9/endnu-aeldre")
                + "Tekst.\n");
        handbook.write("en/index.adoc", header("Home", "forside", "forside", ":jbake-order: 0", ":jbake-lang: en", ":jbake-oldslugs: /english/")
                + "Welcome.\n");
        for (boolean preview : new boolean[] {false, true}) {
            handbook.build(handbook.options().withPreview(preview));
            NetlifyRules netlify = NetlifyRules.read(handbook.out());
            assertThat(netlify.errors()).as("Netlify rejects no rule").isEmpty();
            assertThat(netlify.redirects()).extracting(NetlifyRules.Redirect::from)
                    .containsExactlyInAnyOrder("/was", "/trin-1/gamle-detaljer/", "/trin-9/endnu-aeldre/", "/english/");
            assertThat(netlify.redirects()).noneMatch(NetlifyRules.Redirect::force);
            assertThat(LocalServer.readRedirects(handbook.out().resolve("_redirects"))).hasSameSizeAs(netlify.redirects());
            assertThat(LocalServer.readHeaders(handbook.out().resolve("_headers"))).hasSameSizeAs(netlify.headers());

            try (LocalServer server = LocalServer.start(handbook.out(), 0)) {
                for (NetlifyRules.Redirect r : netlify.redirects()) {
                    HttpResponse<Void> answer = get(server, r.from());
                    assertThat(answer.statusCode()).as(r.from()).isEqualTo(r.status());
                    assertThat(answer.headers().firstValue("Location")).as(r.from()).contains(r.to());
                }
                for (NetlifyRules.HeaderRule rule : netlify.headers()) {
                    String path = examplePath(handbook.out(), rule.path());
                    HttpResponse<Void> answer = get(server, path);
                    assertThat(answer.statusCode()).as(path).isEqualTo(200);
                    rule.values().forEach((name, value) ->
                            assertThat(answer.headers().firstValue(name)).as(path + " " + name).contains(value));
                }
            }
            boolean noindex = netlify.headers().stream().anyMatch(h -> h.values().containsKey("X-Robots-Tag"));
            assertThat(noindex).as("preview " + preview + " sends noindex").isEqualTo(preview);
        }
    }

    /** The check above can fail: the redirects file the open redirect once produced gives Netlify a rule to another site. */
    @Test
    void netlifyWouldHaveReadTheOldInjectedLinesAsRulesToAnotherSite() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("_headers"), "");
        Files.writeString(site.resolve("_redirects"), "/gammel https://evil.example/ 302/  /trin-1/  301\n/*/  /trin-1/  301\n");
        NetlifyRules netlify = NetlifyRules.read(site);
        assertThat(netlify.redirects()).anyMatch(r -> r.to().startsWith("https://evil.example"));
        assertThat(netlify.redirects()).anyMatch(r -> r.from().contains("*"));
    }

    private HttpResponse<Void> get(LocalServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** A real file the rule's path pattern covers: "/assets/*" → the first file under assets/. */
    private static String examplePath(Path site, String pattern) throws Exception {
        if (!pattern.endsWith("*")) return pattern;
        Path folder = site.resolve(pattern.substring(1, pattern.length() - 1));
        try (Stream<Path> walk = Files.walk(folder)) {
            Path file = walk.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
            return "/" + site.relativize(file).toString().replace('\\', '/');
        }
    }
}
