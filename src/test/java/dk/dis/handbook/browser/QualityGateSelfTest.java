package dk.dis.handbook.browser;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.publish.LinkChecker;
import dk.dis.handbook.serve.LocalServer;
import dk.dis.handbook.support.Browser;
import dk.dis.handbook.support.QualityGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate itself is tested: a deliberately broken page must make each check fail. */
class QualityGateSelfTest {
    @TempDir
    Path site;

    @Test
    void aBrokenPageFailsEveryCheck() throws Exception {
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/broken.css"), ".faint { color: #bbbbbb; background: #ffffff; }\n");
        Files.writeString(site.resolve("index.html"), """
                <!DOCTYPE html>
                <html lang="da"><head><meta charset="utf-8"><title>Brudt side</title>
                <link rel="stylesheet" href="/assets/broken.css"></head>
                <body><main>
                <h1 id="dobbelt">Brudt side</h1>
                <p class="faint">Svag tekst, som er svær at læse.</p>
                <img src="/assets/billede.svg">
                <p id="dobbelt"><a href="#findes-ikke">Til et afsnit, der ikke findes</a></p>
                </main></body></html>
                """);
        StringBuilder big = new StringBuilder("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Stor</title></head><body><main><p>");
        Random random = new Random(42);
        for (int i = 0; i < 40_000; i++) big.append((char) ('a' + random.nextInt(26))).append(i % 7 == 0 ? " " : "");
        Files.writeString(site.resolve("stor.html"), big.append("</p></main></body></html>").toString());

        // Missing alt text and low contrast: axe-core.
        try (LocalServer server = LocalServer.start(site, 0)) {
            ChromeDriver browser = Browser.start(1280, 800);
            try {
                browser.get(server.url() + "/");
                List<String> violations = QualityGate.accessibilityViolations(browser);
                assertThat(violations).anyMatch(v -> v.startsWith("image-alt"));
                assertThat(violations).anyMatch(v -> v.startsWith("color-contrast"));
                assertThat(QualityGate.consoleErrors(browser)).anyMatch(e -> e.contains("billede.svg"));
            } finally {
                browser.quit();
            }
        }
        // Duplicate id: the Nu Html Checker.
        assertThat(QualityGate.htmlErrors(site.resolve("index.html"))).anyMatch(e -> e.contains("Duplicate ID"));
        // Broken anchor: the link check.
        List<ContentProblem> problems = new ArrayList<>();
        new LinkChecker(site, "https://example.dk").check(Map.of(), problems);
        assertThat(problems).anyMatch(p -> p.message().contains("no section with id 'findes-ikke'"));
        // Oversized page: the weight budget.
        assertThat(QualityGate.pageWeight(site, site.resolve("stor.html"))).isGreaterThan(QualityGate.PAGE_WEIGHT_BUDGET);
        assertThat(QualityGate.pageWeight(site, site.resolve("index.html"))).isLessThan(QualityGate.PAGE_WEIGHT_BUDGET);
    }
}
