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

    /** netlify.toml as Netlify resolves it: each deploy context's command, the publish folder, the cache plugin. */
    @Test
    void netlifyResolvesNetlifyTomlForEveryContext() throws Exception {
        NetlifyRules.Config config = NetlifyRules.config(TestHandbook.REPO.resolve("netlify.toml"), dir);
        assertThat(config.error()).as("Netlify's error for netlify.toml").isNull();
        assertThat(config.contexts()).extracting(NetlifyRules.Context::name)
                .containsExactly("production", "deploy-preview", "branch-deploy");
        for (NetlifyRules.Context context : config.contexts()) {
            assertThat(context.command()).as(context.name())
                    .isEqualTo("bash scripts/netlify-build.sh " + (context.name().equals("production") ? "production" : "preview"));
            assertThat(Path.of(context.publish())).as(context.name()).isEqualTo(dir.resolve("target/site"));
            // Headers and redirects differ per context, so they are in the built _headers and _redirects, not here
            // (resolved in a folder without a built site: Netlify's config adds the publish folder's files to these).
            assertThat(context.headers() + context.redirects()).as(context.name()).isZero();
            assertThat(context.plugins()).as(context.name()).containsExactly("/netlify/plugins/build-tools-cache");
        }
        Path plugin = TestHandbook.REPO.resolve("netlify/plugins/build-tools-cache");
        assertThat(Files.readString(plugin.resolve("manifest.yml"))).contains("name: build-tools-cache");
    }

    /** The check above can fail: Netlify's own message for a netlify.toml it would not take. */
    @Test
    void aNetlifyTomlNetlifyRejectsFailsWithNetlifysMessage() throws Exception {
        Path broken = dir.resolve("netlify.toml");
        Files.writeString(broken, "[build]\n  publish = \"target/site\"\n  command = 3\n");
        NetlifyRules.Config config = NetlifyRules.config(broken, dir);
        assertThat(config.error()).contains("Configuration property build.command must be a string");
    }

    /** The JDK and Maven the build downloads on Netlify survive into the next build, through Netlify's own cache utility. */
    @Test
    void theBuildToolsSurviveInNetlifysBuildCache() throws Exception {
        Path plugin = TestHandbook.REPO.resolve("netlify/plugins/build-tools-cache");
        Path build = Files.createDirectories(dir.resolve("build"));
        Path cache = dir.resolve("cache");
        assertThat(NetlifyRules.runPlugin(plugin, "onPreBuild", build, cache)).contains("not in Netlify's build cache yet");
        Path java = Files.createDirectories(build.resolve(".build-tools/jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(NetlifyRules.runPlugin(plugin, "onEnd", build, cache)).contains("saved in Netlify's build cache");

        Path nextBuild = Files.createDirectories(dir.resolve("next-build"));
        assertThat(NetlifyRules.runPlugin(plugin, "onPreBuild", nextBuild, cache)).contains("restored from Netlify's build cache");
        assertThat(nextBuild.resolve(".build-tools/jdk/bin/java")).hasContent("#!/bin/sh");
    }

    /** Each deploy context of netlify.toml built as its command says, read by Netlify's parsers and served by {@code serve}. */
    @Test
    void netlifyAndTheLocalServerApplyTheSameRulesInEveryContext() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-oldslugs: gamle-detaljer, /trin-9/endnu-aeldre")
                + "Tekst.\n");
        handbook.write("en/index.adoc", header("Home", "forside", "forside", ":jbake-order: 0", ":jbake-lang: en", ":jbake-oldslugs: /english/")
                + "Welcome.\n");
        for (NetlifyRules.Context context : NetlifyRules.config(TestHandbook.REPO.resolve("netlify.toml"), dir.resolve("repo")).contexts()) {
            boolean preview = context.command().endsWith(" preview");
            handbook.build(handbook.options().withPreview(preview));
            NetlifyRules netlify = NetlifyRules.read(handbook.out());
            assertThat(netlify.errors()).as("Netlify rejects no rule").isEmpty();
            assertThat(netlify.redirects()).extracting(NetlifyRules.Redirect::from)
                    .containsExactlyInAnyOrder("/was", "/trin-1/gamle-detaljer/", "/trin-9/endnu-aeldre/", "/english/");
            assertThat(netlify.redirects()).noneMatch(NetlifyRules.Redirect::force);
            assertThat(LocalServer.readRedirects(handbook.out().resolve("_redirects"))).hasSameSizeAs(netlify.redirects());
            var localHeaders = LocalServer.readHeaders(handbook.out().resolve("_headers"));
            assertThat(localHeaders).hasSameSizeAs(netlify.headers());
            // Rule by rule: the same path pattern and the same headers, in the same order.
            for (int i = 0; i < localHeaders.size(); i++) {
                NetlifyRules.HeaderRule theirs = netlify.headers().get(i);
                assertThat(localHeaders.get(i).path().pattern()).as(context.name() + " " + theirs.path())
                        .isEqualTo(LocalServer.pathPattern(theirs.path()).pattern());
                assertThat(localHeaders.get(i).headers()).as(context.name() + " " + theirs.path()).isEqualTo(theirs.values());
            }
            var localRedirects = LocalServer.readRedirects(handbook.out().resolve("_redirects")).values().stream()
                    .map(r -> new NetlifyRules.Redirect(r.from(), r.to(), r.status(), false)).toList();
            assertThat(localRedirects).as(context.name()).containsExactlyInAnyOrderElementsOf(netlify.redirects());

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
            assertThat(noindex).as(context.name() + " sends noindex").isEqualTo(preview);
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
