package dk.dis.handbook.browser;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.serve.LocalServer;
import dk.dis.handbook.support.Browser;
import dk.dis.handbook.support.QualityGate;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate on the real handbook: every page in headless Chromium (WCAG 2.1 AA with axe-core,
 * no console errors, nothing from other origins, no cookies, no sideways scrolling at 320 px), every
 * page through the Nu Html Checker, a keyboard-only path, the page-weight budget, and screenshots
 * for review under target/quality/.
 */
class QualityGateTest {
    static final Path REPORT = TestHandbook.REPO.resolve("target/quality");

    @TempDir
    static Path dir;
    static Path site;
    static LocalServer server;
    static ChromeDriver browser;
    static final List<String> pages = new ArrayList<>();

    @BeforeAll
    static void buildServeAndOpen() throws Exception {
        site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(TestHandbook.REPO).withOutDir(site));
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(f -> f.toString().endsWith(".html")).sorted().forEach(f ->
                    pages.add("/" + site.relativize(f).toString().replace('\\', '/').replaceFirst("index\\.html$", "")));
        }
        server = LocalServer.start(site, 0);
        browser = Browser.start(1280, 800);
        Files.createDirectories(REPORT);
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void everyPagePassesAxeWithoutConsoleErrorsForeignRequestsOrCookies() {
        assertThat(pages).hasSizeGreaterThan(20);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (String page : pages) {
            browser.get(server.url() + page);
            List<String> found = new ArrayList<>();
            found.addAll(QualityGate.accessibilityViolations(browser));
            QualityGate.consoleErrors(browser).forEach(e -> found.add("console: " + e));
            QualityGate.foreignRequests(browser, server.url()).forEach(u -> found.add("foreign request: " + u));
            QualityGate.cookies(browser).forEach(c -> found.add("cookie: " + c));
            if (!found.isEmpty()) failures.put(page, found);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt320Pixels() {
        Map<String, List<String>> wide = new LinkedHashMap<>();
        // A desktop window cannot be made 320 px narrow; emulate a 320 px wide phone screen instead.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String page : pages) {
                browser.get(server.url() + page);
                assertThat(((Number) browser.executeScript("return document.documentElement.clientWidth;")).intValue()).isEqualTo(320);
                List<String> overflow = QualityGate.sidewaysOverflow(browser);
                if (!overflow.isEmpty()) wide.put(page, overflow);
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertThat(wide).isEmpty();
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                List<String> errors = QualityGate.htmlErrors(f);
                if (!errors.isEmpty()) invalid.put(site.relativize(f).toString(), errors);
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void keyboardOnlyPathWithVisibleFocus() {
        browser.get(server.url() + "/");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Gå til indhold");
        assertThat(skip.getRect().getY()).as("skip link is on screen when focused").isGreaterThanOrEqualTo(0);
        assertFocusVisible(skip);
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("sideindhold");

        browser.get(server.url() + "/");
        keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Gå til menu");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("hovedmenu");
        keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        WebElement navLink = browser.switchTo().activeElement();
        assertThat(navLink.findElement(By.xpath("ancestor::nav")).getAttribute("id")).isEqualTo("hovedmenu");
        assertFocusVisible(navLink);
        String target = navLink.getDomAttribute("href");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.getCurrentUrl()).isEqualTo(server.url() + target);

        // Every focusable element on a content page shows where the focus is.
        browser.get(server.url() + "/trin-2/noeglespoergsmaal/");
        int visited = 0;
        for (int i = 0; i < 200; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (focused.getTagName().equals("body")) break; // tabbed past the last element
            assertFocusVisible(focused);
            visited++;
        }
        assertThat(visited).as("focusable elements reached by Tab").isGreaterThan(10);
    }

    private static void assertFocusVisible(WebElement element) {
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", element);
        assertThat(outline).as("focus outline of " + element.getText()).doesNotStartWith("none").doesNotEndWith(" 0px");
    }

    @Test
    void pageWeightStaysWithinBudget() throws Exception {
        StringBuilder table = new StringBuilder("| page | HTML+CSS+JS gzip (bytes) | budget |\n| --- | ---: | ---: |\n");
        List<String> over = new ArrayList<>();
        for (String page : pages) {
            Path file = site.resolve(page.substring(1)).resolve(page.endsWith(".html") ? "" : "index.html");
            if (page.endsWith(".html")) file = site.resolve(page.substring(1));
            long weight = QualityGate.pageWeight(site, file);
            table.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", page, weight, QualityGate.PAGE_WEIGHT_BUDGET));
            if (weight > QualityGate.PAGE_WEIGHT_BUDGET) over.add(page + ": " + weight + " bytes");
        }
        Files.writeString(REPORT.resolve("page-weight.md"), table, StandardCharsets.UTF_8);
        System.out.print(table);
        assertThat(over).isEmpty();
    }

    @Test
    void externalLinksAreListedNotFetched() throws Exception {
        List<dk.dis.handbook.content.ContentProblem> problems = new ArrayList<>();
        var result = new dk.dis.handbook.publish.LinkChecker(site, "https://dis-haandbog.example.dk").check(Map.of(), problems);
        assertThat(problems).isEmpty();
        assertThat(result.internalLinks()).isGreaterThan(500);
        List<String> external = result.externalLinks().stream().sorted().toList();
        Files.write(REPORT.resolve("external-links.txt"), external, StandardCharsets.UTF_8);
        assertThat(external).contains("https://www.was.digst.dk/", "https://creativecommons.org/licenses/by/4.0/deed.da");
    }

    @Test
    void screenshotsForReview() throws Exception {
        Map<String, String> shots = Map.of("forside", "/", "princip", "/trin-1/#saet-retning",
                "noeglespoergsmaal", "/trin-2/noeglespoergsmaal/", "moede", "/moeder/2017-12-12-5-moede/");
        Path dirShots = Files.createDirectories(REPORT.resolve("screenshots"));
        int[][] sizes = {{375, 812}, {1280, 800}};
        try {
            for (int[] size : sizes) {
                browser.manage().window().setSize(new Dimension(size[0], size[1]));
                for (Map.Entry<String, String> shot : shots.entrySet()) {
                    browser.get(server.url() + shot.getValue());
                    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
                    Path file = dirShots.resolve(shot.getKey() + "-" + size[0] + "x" + size[1] + ".png");
                    Files.write(file, png);
                    assertThat(png.length).as(file.toString()).isGreaterThan(5_000);
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
