package dk.dis.handbook.preview;

import dk.dis.handbook.cms.CmsPush;
import dk.dis.handbook.cms.PageEntries;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.support.AdminPanel;
import dk.dis.handbook.support.Browser;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committee secretary's draft, seen through the admin's own Preview and checked by its own
 * Publish button, in Chromium: the real Strapi from cms/ with its admin served, the repository's
 * content pushed into it, and the real preview service on PREVIEW_URL. The secretary opens
 * "Politiske principper", types a sentence, saves, and opens the preview: the saved draft is in
 * the preview page's frame. A link to a page that does not exist refuses the publish with the
 * build's Danish message; without it the page is published.
 * Screenshots of each step go to target/quality/cms/ (p1- to p7-).
 */
class AdminPreviewBrowserTest {
    private static final Path REPO_CONTENT = TestHandbook.REPO.resolve("content");
    private static final Path SHOTS = TestHandbook.REPO.resolve("target/quality/cms");
    private static final String SECRET = "admin-preview-secret-for-the-tests-0123";
    private static final String EMAIL = "sekretaer@example.dk";
    private static final String PASSWORD = "Kladde1234";
    private static final String SENTENCE = "Udvalget drøfter principperne igen på næste møde.";
    private static final String BAD_LINK = "link:/findes-ikke/[x]";
    private static final String EDITOR = ".cm-content[data-testid=asciidoc-editor]";

    @TempDir
    Path dir;

    @Test
    void theSavedDraftIsInTheAdminsPreviewAndABrokenLinkRefusesThePublish() throws Exception {
        Files.createDirectories(SHOTS);
        try (var old = Files.newDirectoryStream(SHOTS, "p[0-9]-*.png")) {
            for (Path f : old) Files.delete(f);
        }
        AdminPanel.ensureBuilt();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LocalStrapi strapi = LocalStrapi.start(dir, Map.of("CMS_ADMIN_PANEL", "true",
                "PREVIEW_URL", "http://127.0.0.1:" + port, "PREVIEW_SECRET", SECRET))) {
            StrapiClient seed = strapi.client(strapi.createToken("seed", "seed"));
            assertThat(new CmsPush(seed, s -> {}).run(REPO_CONTENT, "da").created()).isPositive();
            TestHandbook site = new TestHandbook(dir.resolve("site"));
            try (PreviewService preview = new PreviewService(site.root, dir.resolve("work"),
                    strapi.client(strapi.createToken("preview-build", "build")), new PreviewToken(SECRET), Clock.systemUTC(),
                    System.out::println).start(port).warmUp()) {
                strapi.registerAdmin();
                ChromeDriver driver = Browser.start(1400, 1000);
                try {
                    secretaryPreviewsAndPublishes(driver, strapi, port);
                } catch (Exception | AssertionError e) {
                    shot(driver, "p9-failure.png");
                    String log = strapi.log();
                    System.out.println(log.substring(Math.max(0, log.length() - 4000)));
                    throw e;
                } finally {
                    driver.quit();
                }
            }
            String published = seed.get(PageEntries.PATH, Map.of("filters[slug][$eq]", "trin-1", "locale", "da", "status", "published"))
                    .path("data").get(0).path("body").asText();
            assertThat(published).contains(SENTENCE).doesNotContain("findes-ikke");
        }
    }

    private void secretaryPreviewsAndPublishes(ChromeDriver driver, LocalStrapi strapi, int previewPort) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

        // 1. Log in to the Danish admin and open the step 1 page from the page list.
        driver.get(strapi.url.resolve("/admin/auth/login").toString());
        WebElement email = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        email.sendKeys(EMAIL);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/?$|/admin/[^a]"));
        driver.get(strapi.url.resolve("/admin/content-manager/collection-types/api::page.page?page=1&pageSize=10&sort=title:ASC&_q="
                + URLEncoder.encode("Politiske principper", StandardCharsets.UTF_8)).toString());
        By title = By.xpath("//tbody//tr//*[normalize-space(text())='Politiske principper']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> ((JavascriptExecutor) d)
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); return true;", d.findElement(title)));
        shot(driver, "p1-page-list.png");
        click(wait, title);
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(EDITOR)));
        wait.until(d -> editorText(d).contains("Grundlaget for principperne"));

        // 2. A sentence typed at the end of the body, saved as a draft.
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(Keys.ENTER, Keys.ENTER, SENTENCE);
        wait.until(d -> editorText(d).endsWith(SENTENCE));
        click(wait, By.xpath("//button[normalize-space()='Gem']"));
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er gemt']")));
        String savedBody = editorText(driver);
        shot(driver, "p2-draft-saved.png");
        wait.until(ExpectedConditions.invisibilityOf(saved));

        // 3. The edit view's Preview panel opens the admin's preview page, with the preview service's
        // signed link in a frame: the saved draft is there.
        By open = By.xpath("//a[normalize-space()='Åbn forhåndsvisning']");
        wait.until(ExpectedConditions.elementToBeClickable(open));
        String editUrl = driver.getCurrentUrl();
        long clicked = System.nanoTime();
        click(wait, open);
        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe[data-testid=preview-iframe]")));
        assertThat(driver.getCurrentUrl()).startsWith(editUrl.replaceAll("[?].*$", "") + "/preview");
        assertThat(frame.getAttribute("src")).startsWith("http://127.0.0.1:" + previewPort + "/trin-1/?preview=");
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> inFrame(d, x -> x.findElement(By.tagName("body")).getText().contains(SENTENCE)));
        double previewSeconds = (System.nanoTime() - clicked) / 1e9;
        System.out.printf("admin preview: saved draft shown %.2f s after the click on the preview button%n", previewSeconds);
        String previewTitle = inFrame(driver, x -> x.findElement(By.tagName("h1")).getText());
        assertThat(previewTitle).contains("Politiske principper");
        inFrame(driver, x -> ((JavascriptExecutor) x).executeScript(
                "const p = [...document.querySelectorAll('main p')].find(e => e.textContent.includes(arguments[0]));"
                        + "if (p) p.scrollIntoView({block: 'center'}); return null;", SENTENCE));
        shot(driver, "p3-preview-shows-the-draft.png");

        // Back to the edit view.
        driver.navigate().to(editUrl);
        editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(EDITOR)));
        wait.until(d -> editorText(d).endsWith(SENTENCE));

        // 4. A link to a page that does not exist: the publish is refused with the build's message.
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(" Se " + BAD_LINK + ".");
        wait.until(d -> editorText(d).contains(BAD_LINK));
        click(wait, By.xpath("//button[normalize-space()='Offentliggør']"));
        // The line is the one the link was typed on: the body's last.
        String where = "Brødtekst, linje " + savedBody.lines().count() + ": ";
        // In the notification, the whole message...
        WebElement notification = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@role='alert']//*[contains(normalize-space(text()),'Siden kan ikke udgives: Brødtekst, linje')]")));
        System.out.println("refusal in the notification: " + notification.getText());
        assertThat(notification.getText()).startsWith("Siden kan ikke udgives: " + where).contains("/findes-ikke/");
        // ...and under the body field, its own problem.
        WebElement fieldError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[starts-with(normalize-space(),'Brødtekst')]/ancestor::*[.//*[@data-testid='asciidoc-editor']][1]"
                        + "//*[starts-with(normalize-space(text()),'Brødtekst, linje') and not(ancestor::*[@role='alert'])]")));
        System.out.println("refusal on the body field: " + fieldError.getText());
        assertThat(fieldError.getText()).startsWith(where).contains("/findes-ikke/");
        shot(driver, "p4-publish-refused-notification.png");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", fieldError);
        shot(driver, "p5-publish-refused-on-the-field.png");
        assertThat(driver.findElements(By.xpath("//*[normalize-space(text())='Dokumentet er offentliggjort']"))).isEmpty();

        // 5. The notification closed, the bad link taken out again: the publish is accepted.
        notification.findElement(By.xpath("ancestor::*[.//button][1]//button")).click();
        wait.until(ExpectedConditions.invisibilityOf(notification));
        for (int i = 0; i < 40 && !editorText(driver).equals(savedBody); i++) {
            editor.sendKeys(Keys.chord(Keys.CONTROL, "z"));
        }
        assertThat(editorText(driver)).as("the bad link undone").isEqualTo(savedBody);
        shot(driver, "p6-bad-link-removed.png");
        click(wait, By.xpath("//button[normalize-space()='Offentliggør']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er offentliggjort']")));
        // The field's problem stays until the next publish, which takes it away.
        wait.until(ExpectedConditions.invisibilityOf(fieldError));
        shot(driver, "p7-published.png");
    }

    /** Clicks what {@code by} finds once it can be clicked; the admin re-renders its buttons, so a stale find is tried again. */
    private static void click(WebDriverWait wait, By by) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) return false;
            e.click();
            return true;
        });
    }

    private static <T> T inFrame(WebDriver driver, java.util.function.Function<WebDriver, T> f) {
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[data-testid=preview-iframe]")));
        try {
            return f.apply(driver);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private static String editorText(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('" + EDITOR + "');"
                        + "const t = c && (c.cmTile || c.cmView); const v = t && (t.root ? t.root.view : t.view);"
                        + "return v ? v.state.doc.toString() : '';");
    }

    private static void shot(ChromeDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
