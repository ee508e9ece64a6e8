package dk.dis.handbook.search;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The search pages in Debian's headless Chromium: a shared ?q= link shows grouped, highlighted results in the page's language. */
class SearchPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript",
            "json", "application/json", "txt", "text/plain; charset=utf-8", "css", "text/css", "svg", "image/svg+xml");

    static HttpServer serve(Path site) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = site.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            // The policy the site is meant to be served with: nothing inline, nothing from elsewhere.
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    static Document dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Jsoup.parse(html, url);
    }

    @Test
    void sharedSearchLinkShowsGroupedHighlightedResults() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        BuiltHandbook built = BuiltHandbook.get();
        HttpServer server = serve(built.site().toAbsolutePath().normalize());
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Document page = dumpDom(base + "/soeg/?q=" + URLEncoder.encode("fiskbowl", StandardCharsets.UTF_8));
            assertThat(page.selectFirst("#soeg-status").text()).contains("afsnit").contains("»fiskbowl«");
            List<String> firstPageSections = page.select(".search-hit").first().select(".search-hit-sections a").eachAttr("href");
            assertThat(firstPageSections).contains("/idekatalog/projekternes-vaerktoejer/#fishbowl");
            assertThat(page.select(".search-excerpt mark").eachText()).anyMatch(t -> t.equalsIgnoreCase("fishbowl"));

            Document none = dumpDom(base + "/soeg/?q=" + URLEncoder.encode("xqzvwk ", StandardCharsets.UTF_8));
            assertThat(none.selectFirst("#soeg-status").text()).startsWith("Ingen resultater");
            assertThat(none.select(".search-hit")).isEmpty();

            // The English search page searches the English pages, and says so in English.
            Document english = dumpDom(base + "/en/soeg/?q=" + URLEncoder.encode("principles", StandardCharsets.UTF_8));
            assertThat(english.selectFirst("#soeg-status").text()).matches("\\d+ sections? on \\d+ pages? for “principles”\\.");
            assertThat(english.select(".search-hit-title a").eachAttr("href")).isNotEmpty().allMatch(u -> u.startsWith("/en/"))
                    .first().isEqualTo("/en/trin-1/");
            assertThat(english.select(".search-excerpt mark").eachText()).anyMatch(t -> t.toLowerCase().startsWith("principle"));
            assertThat(english.select(".search-hit-sections a").eachText()).doesNotContain("Indledning");

            // A part filter in the address: results from that part only, the radio button checked, and said in the status.
            Document filtered = dumpDom(base + "/soeg/?q=" + URLEncoder.encode("borgere", StandardCharsets.UTF_8) + "&del=trin-3");
            assertThat(filtered.select(".search-hit-title a").eachAttr("href")).isNotEmpty().allMatch(u -> u.startsWith("/trin-3/"));
            assertThat(filtered.selectFirst("#soeg-status").text()).endsWith("Kun fra Trin 3: Sparringsrummet.");
            Document unfiltered = dumpDom(base + "/soeg/?q=" + URLEncoder.encode("borgere", StandardCharsets.UTF_8));
            assertThat(unfiltered.select(".search-hit-title a").eachAttr("href")).anyMatch(u -> !u.startsWith("/trin-3/"));
            // Every part of the navigation that has indexed pages, in the navigation's order.
            assertThat(unfiltered.select(".search-parts input[name=del]").eachAttr("value"))
                    .containsExactly("", "trin-1", "trin-2", "trin-3", "idekatalog", "laeringsopsamling", "moeder", "aendringer", "om");

            Document englishNone = dumpDom(base + "/en/soeg/?q=" + URLEncoder.encode("xqzvwk ", StandardCharsets.UTF_8));
            assertThat(englishNone.selectFirst("#soeg-status").text()).isEqualTo("No results for “xqzvwk”. Try another word, or see the subject index.");
        } finally {
            server.stop(0);
        }
    }
}
