package dk.dis.handbook.browser;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.serve.LocalServer;
import dk.dis.handbook.support.Browser;
import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The committee's working tools in a real browser: the key-question worksheet and the catalogue filters. */
class WorkingToolsBrowserTest {
    @TempDir
    static Path dir;
    static Path site;
    static LocalServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(TestHandbook.REPO).withPdf(false).withOutDir(site));
        server = LocalServer.start(site, 0);
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(5));
    }

    /** Each test starts from an empty worksheet (the browser keeps localStorage between tests). */
    void openEmptyWorksheet() {
        browser.get(server.url() + "/trin-2/arbejdsark/");
        browser.executeScript("localStorage.clear();");
        browser.navigate().refresh();
    }

    List<WebElement> answers() {
        return browser.findElements(By.cssSelector("#arbejdsark textarea"));
    }

    @Test
    void worksheetKeepsAnswersAcrossReloadsExportsClearsAndImports() throws Exception {
        openEmptyWorksheet();
        assertThat(answers()).hasSize(4);
        browser.findElement(By.id("ws-udvalg")).sendKeys("Udvalget for Innovation");
        for (int i = 0; i < 4; i++) answers().get(i).sendKeys("Svar nummer " + (i + 1) + " – med æøå.");
        waitFor().until(d -> d.findElement(By.cssSelector(".worksheet-status")).getText().startsWith("Gemt på denne enhed"));
        answers().get(3).sendKeys(" Tilføjet lige før genindlæsning.");
        browser.navigate().refresh(); // before the debounced save: the page saves when it is left
        assertThat(browser.findElement(By.id("ws-udvalg")).getDomProperty("value")).isEqualTo("Udvalget for Innovation");
        for (int i = 0; i < 3; i++) assertThat(answers().get(i).getDomProperty("value")).isEqualTo("Svar nummer " + (i + 1) + " – med æøå.");
        assertThat(answers().get(3).getDomProperty("value")).isEqualTo("Svar nummer 4 – med æøå. Tilføjet lige før genindlæsning.");
        assertThat(browser.manage().getCookies()).isEmpty();

        String markdown = (String) browser.executeScript("return window.disWorksheet.toMarkdown();");
        assertThat(markdown).contains("Udvalg: Udvalget for Innovation", "## 1. Hvad ønsker vi primært at opnå ved innovation og digitalisering?",
                "Svar nummer 4 – med æøå. Tilføjet lige før genindlæsning.");
        Path exported = dir.resolve("arbejdsark.md");
        Files.writeString(exported, markdown, StandardCharsets.UTF_8);

        browser.findElement(By.cssSelector("[data-action=clear]")).click();
        waitFor().until(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        waitFor().until(d -> answers().stream().allMatch(a -> a.getDomProperty("value").isEmpty()));
        browser.navigate().refresh();
        assertThat(answers()).allMatch(a -> a.getDomProperty("value").isEmpty());

        browser.findElement(By.cssSelector("input[data-action=import]")).sendKeys(exported.toString());
        waitFor().until(d -> answers().get(3).getDomProperty("value").equals("Svar nummer 4 – med æøå. Tilføjet lige før genindlæsning."));
        assertThat(browser.findElement(By.id("ws-udvalg")).getDomProperty("value")).isEqualTo("Udvalget for Innovation");
        browser.navigate().refresh();
        assertThat(answers().get(0).getDomProperty("value")).isEqualTo("Svar nummer 1 – med æøå.");
    }

    @Test
    void filledWorksheetPrintsOnOneA4Page() throws Exception {
        openEmptyWorksheet();
        browser.findElement(By.id("ws-udvalg")).clear();
        browser.findElement(By.id("ws-udvalg")).sendKeys("Udvalget for Innovation");
        for (WebElement answer : answers()) {
            answer.clear();
            answer.sendKeys("Vi vil starte tre projekter i 2018 og følge op i budgetprocessen, med borgerne som sparringspartnere.");
        }
        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", false, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(TestHandbook.REPO.resolve("target/quality"));
        Files.write(TestHandbook.REPO.resolve("target/quality/arbejdsark-print.pdf"), bytes);
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (pages.find()) count++;
        assertThat(count).as("A4 pages of the printed worksheet").isEqualTo(1);
    }

    @Test
    void catalogueFiltersCountCardsAndRestoreFromTheUrl() throws Exception {
        Document html = Jsoup.parse(site.resolve("idekatalog/index.html").toFile(), "UTF-8");
        Set<String> all = new HashSet<>(html.select(".catalogue .card").eachAttr("data-card"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(25);

        browser.get(server.url() + "/idekatalog/");
        assertThat(browser.findElement(By.cssSelector(".catalogue-count")).getText()).isEqualTo(all.size() + " idékort");

        browser.findElement(By.cssSelector("input[name=fase][value=Test]")).click();
        int testCards = expected(html, "Test", null);
        assertThat(browser.findElement(By.cssSelector(".catalogue-count")).getText()).isEqualTo(testCards + " idékort");
        assertThat(testCards).isBetween(1, all.size() - 1);
        assertThat(browser.getCurrentUrl()).endsWith("/idekatalog/?fase=Test");
        assertThat(visibleCards()).isEqualTo(testCards);

        browser.get(server.url() + "/idekatalog/?fase=Test&hvem=borgere");
        assertThat(browser.findElement(By.cssSelector("input[name=fase][value=Test]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=hvem][value=borgere]")).isSelected()).isTrue();
        int both = expected(html, "Test", "borgere");
        assertThat(browser.findElement(By.cssSelector(".catalogue-count")).getText()).isEqualTo(both + " idékort");
        assertThat(both).isLessThanOrEqualTo(testCards);

        browser.findElement(By.cssSelector(".catalogue-filters button[type=reset]")).click();
        waitFor().until(d -> d.findElement(By.cssSelector(".catalogue-count")).getText().equals(all.size() + " idékort"));
        assertThat(browser.getCurrentUrl()).endsWith("/idekatalog/");
    }

    private int visibleCards() {
        return (int) browser.findElements(By.cssSelector(".catalogue .card")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getDomAttribute("data-card")).distinct().count();
    }

    /** Counts from the served HTML's data attributes, independent of the script. */
    private static int expected(Document html, String phase, String who) {
        Set<String> ids = new HashSet<>();
        for (Element card : html.select(".catalogue-phase[data-phase=" + phase + "] .card")) {
            boolean whoOk = who == null || Arrays.asList(card.attr("data-who").split(" ")).contains(who);
            if (whoOk) ids.add(card.attr("data-card"));
        }
        return ids.size();
    }
}
