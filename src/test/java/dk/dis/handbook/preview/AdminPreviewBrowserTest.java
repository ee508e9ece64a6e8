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

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committee secretary's whole round in the admin, in Chromium: the real Strapi from cms/ with
 * its admin served, the repository's content pushed into it, the real preview service on
 * PREVIEW_URL, and the build hook pointed at a small receiver here that runs the real production
 * build from the CMS (as the host's build would), which reports its outcome to the CMS.
 * The secretary opens "Politiske principper", types a sentence, saves (the edit view's check panel
 * says the draft can be published) and opens the preview: the saved draft is in its frame within
 * 5 s. She adds a link to a page that does not exist and saves: the panel and a notification say,
 * in Danish, which line to fix; publishing is refused with the same Danish message on the body
 * field. She takes the link out and publishes: accepted, the build hook is called exactly once,
 * and the build's outcome is in the admin's "Seneste bygning af sitet".
 * Screenshots of each step go to target/quality/cms/ (p1- to p9-).
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
    private static final String PANEL = "[data-testid=publish-check-panel]";
    private static final long HOOK_QUIET_MS = 2000;
    private static final String LINK_REFUSED = "Linket til /findes-ikke/ peger på en side, der ikke findes på sitet. "
            + "Ret linket, eller vælg siden med knappen Link i værktøjslinjen.";

    @TempDir
    Path dir;

    /** The build hook's receiver: counts the calls and, once armed, runs the real build for each. */
    static final class BuildHookReceiver implements AutoCloseable {
        final HttpServer server;
        final List<Instant> calls = new CopyOnWriteArrayList<>();
        final ExecutorService builds = Executors.newSingleThreadExecutor();
        final CompletableFuture<Integer> firstBuild = new CompletableFuture<>();
        volatile Callable<Integer> build;

        BuildHookReceiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    calls.add(Instant.now());
                    Callable<Integer> run = build;
                    if (run != null) {
                        builds.submit(() -> {
                            try {
                                firstBuild.complete(run.call());
                            } catch (Exception e) {
                                firstBuild.completeExceptionally(e);
                            }
                        });
                    }
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        long callsSince(Instant t) {
            return calls.stream().filter(c -> !c.isBefore(t)).count();
        }

        @Override
        public void close() {
            server.stop(0);
            builds.shutdownNow();
        }
    }

    @Test
    void aSecretaryEditsPreviewsIsToldWhatToFixPublishesAndSeesTheSiteBuilt() throws Exception {
        Files.createDirectories(SHOTS);
        try (var old = Files.newDirectoryStream(SHOTS, "p[0-9]*.png")) {
            for (Path f : old) Files.delete(f);
        }
        AdminPanel.ensureBuilt();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (BuildHookReceiver hook = new BuildHookReceiver();
             LocalStrapi strapi = LocalStrapi.start(dir, Map.of("CMS_ADMIN_PANEL", "true",
                     "PREVIEW_URL", "http://127.0.0.1:" + port, "PREVIEW_SECRET", SECRET,
                     "BUILD_HOOK_URL", hook.url(), "BUILD_HOOK_DEBOUNCE_MS", Long.toString(HOOK_QUIET_MS),
                     "BUILD_HOOK_RETRY_MS", "300"))) {
            StrapiClient seed = strapi.client(strapi.createToken("seed", "seed"));
            assertThat(new CmsPush(seed, s -> {}).run(REPO_CONTENT, "da").created()).isPositive();
            assertThat(new CmsPush(seed, s -> {}).run(REPO_CONTENT.resolve("en"), "en").created()).isPositive();
            TestHandbook site = new TestHandbook(dir.resolve("site"));
            Path built = dir.resolve("built");
            String buildToken = strapi.createToken("site-build", "build");
            String statusToken = strapi.createToken("build-status", "status");
            walk = new Walk(hook, () -> productionBuild(site.root, built, strapi, buildToken, statusToken));
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
            // What the hook's build published: the secretary's sentence on the step 1 page.
            assertThat(Files.readString(built.resolve("trin-1/index.html"))).contains(SENTENCE).doesNotContain("findes-ikke");
        }
    }

    /** What the walk needs besides the browser: the hook's receiver and the build it runs. */
    private record Walk(BuildHookReceiver hook, Callable<Integer> build) {}

    private Walk walk;

    /**
     * The production build as the host runs it on the hook's call: `handbook build` with the CMS's
     * address, a build token and the status token in its environment, in a JVM of its own.
     */
    private static int productionBuild(Path root, Path out, LocalStrapi strapi, String buildToken, String statusToken) throws Exception {
        Path log = Files.createTempFile(root, "build", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dk.dis.handbook.cli.HandbookCli",
                "build", "--root", root.toString(), "--out", out.toString(), "--no-pdf")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("STRAPI_URL", strapi.url.toString(), "STRAPI_TOKEN", buildToken,
                "BUILD_STATUS_TOKEN", statusToken, "HANDBOOK_JVM_TUNING", "off", "HANDBOOK_CLASS_SHARING", "off"));
        pb.environment().remove("CONTEXT");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the build took more than 5 minutes:\n" + Files.readString(log));
        }
        String text = Files.readString(log);
        System.out.println("the hook's build (exit " + p.exitValue() + "):\n" + text.lines()
                .filter(l -> !l.contains("TOKEN")).collect(java.util.stream.Collectors.joining("\n")));
        return p.exitValue();
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

        // 2. A sentence typed at the end of the body, saved as a draft: the check panel says it can be published.
        // (Seeding the CMS published every page; the hook's call for that came before the walk.)
        Instant walkStarted = Instant.now();
        System.out.println("build hook calls before the walk (seeding): " + walk.hook().calls.size());
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(Keys.ENTER, Keys.ENTER, SENTENCE);
        wait.until(d -> editorText(d).endsWith(SENTENCE));
        click(wait, By.xpath("//button[normalize-space()='Gem']"));
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er gemt']")));
        String savedBody = editorText(driver);
        WebElement panel = wait.until(d -> panelWith(d, "ok"));
        assertThat(panel.getText()).contains("Kladden kan offentliggøres: håndbogens tjek fandt ingen fejl.");
        shot(driver, "p2-draft-saved.png");
        wait.until(ExpectedConditions.invisibilityOf(saved));

        // 3. The edit view's Preview panel opens the admin's preview page, with the preview service's
        // signed link in a frame: the saved draft is there within 5 s.
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
        assertThat(previewSeconds).as("seconds from the Preview click to the draft shown").isLessThanOrEqualTo(5.0);
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

        // 4. A link to a page that does not exist, saved: the save goes through, and the check's
        // warning, in Danish and naming the line, is in the panel and in a notification.
        String typed = " Se " + BAD_LINK + ".";
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(typed);
        wait.until(d -> editorText(d).endsWith(typed));
        // The line is the one the link was typed on: the body's last.
        String where = "Brødtekst, linje " + savedBody.lines().count() + ": ";
        click(wait, By.xpath("//button[normalize-space()='Gem']"));
        panel = wait.until(d -> panelWith(d, "problems"));
        assertThat(panel.getText()).contains("Kladden kan ikke offentliggøres, som den er. Ret dette:").contains(where + LINK_REFUSED);
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@role='alert' or @role='status']//*[starts-with(normalize-space(text()),'Kladden er gemt, men kan ikke offentliggøres')]")));
        assertThat(warning.getText()).isEqualTo("Kladden er gemt, men kan ikke offentliggøres, som den er: " + where + LINK_REFUSED);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
        shot(driver, "p4-save-warns-what-to-fix.png");
        closeNotification(wait, warning);

        // 5. Publishing it is refused with the same Danish message, in the notification and on the body field.
        click(wait, By.xpath("//button[normalize-space()='Offentliggør']"));
        WebElement notification = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@role='alert']//*[contains(normalize-space(text()),'Siden kan ikke udgives: Brødtekst, linje')]")));
        System.out.println("refusal in the notification: " + notification.getText());
        assertThat(notification.getText()).isEqualTo("Siden kan ikke udgives: " + where + LINK_REFUSED);
        WebElement fieldError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[starts-with(normalize-space(),'Brødtekst')]/ancestor::*[.//*[@data-testid='asciidoc-editor']][1]"
                        + "//*[starts-with(normalize-space(text()),'Brødtekst, linje') and not(ancestor::*[@role='alert'])]")));
        System.out.println("refusal on the body field: " + fieldError.getText());
        assertThat(fieldError.getText()).isEqualTo(where + LINK_REFUSED);
        shot(driver, "p5-publish-refused-notification.png");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", fieldError);
        shot(driver, "p6-publish-refused-on-the-field.png");
        assertThat(driver.findElements(By.xpath("//*[normalize-space(text())='Dokumentet er offentliggjort']"))).isEmpty();
        assertThat(walk.hook().callsSince(walkStarted)).as("build hook calls for saves and a refused publish").isZero();

        // 6. The notification closed, the bad link taken out again: the publish is accepted, and the
        // build hook's next call runs the site's build.
        closeNotification(wait, notification);
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        for (int i = 0; i < typed.length(); i++) editor.sendKeys(Keys.BACK_SPACE);
        wait.until(d -> editorText(d).equals(savedBody));
        walk.hook().build = walk.build();
        Instant publishedAt = Instant.now();
        click(wait, By.xpath("//button[normalize-space()='Offentliggør']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er offentliggjort']")));
        // The field's problem stays until the next publish, which takes it away.
        wait.until(ExpectedConditions.invisibilityOf(fieldError));
        // The panel showed the save's ok before: wait until it shows the publish's.
        panel = wait.until(d -> panelWith(d, "ok", "Offentliggjort: "));
        assertThat(panel.getText()).contains("Offentliggjort: håndbogens tjek fandt ingen fejl.");
        shot(driver, "p7-published.png");

        // The fields the guide for secretaries shows further down the form: review dates and change note.
        WebElement reviewed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[starts-with(normalize-space(), 'Senest gennemgået')]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", reviewed);
        assertThat(driver.findElements(By.xpath("//label[starts-with(normalize-space(), 'Næste gennemgang')]"))).hasSize(1);
        assertThat(driver.findElements(By.xpath("//label[starts-with(normalize-space(), 'Ændringsnote')]"))).hasSize(1);
        shot(driver, "p7b-review-dates-and-change-note.png");

        // The English version: chosen in the language list at the top of the form, in Danish.
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        click(wait, By.xpath("//*[@role='combobox'][contains(normalize-space(.), 'Dansk (da)')]"));
        By english = By.xpath("//*[@role='option'][contains(normalize-space(.), 'Engelsk (en)')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(english));
        shot(driver, "p7c-language-list.png");
        click(wait, english);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Political principles']")));
        shot(driver, "p7d-english-version.png");

        // 7. The build hook is called once, after the quiet time; its build succeeds and reports to the CMS.
        int exit = walk.hook().firstBuild.get(5, TimeUnit.MINUTES);
        assertThat(exit).as("the hook's build").isZero();
        Thread.sleep(3 * HOOK_QUIET_MS);
        assertThat(walk.hook().callsSince(publishedAt)).as("build hook calls after the publish").isEqualTo(1);
        assertThat(walk.hook().callsSince(walkStarted)).as("build hook calls in the whole walk").isEqualTo(1);

        // 8. The build's outcome in the admin: "Seneste bygning af sitet".
        driver.get(strapi.url.resolve("/admin/content-manager/single-types/api::build-status.build-status").toString());
        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[normalize-space()='Resultat']/following::*[@role='combobox'][1]")));
        wait.until(d -> fieldValue(d, "Kort fortalt").matches("\\d+ sider bygget på [0-9]+,[0-9] s"));
        assertThat(outcome.getText().strip()).isEqualTo("ok");
        assertThat(fieldValue(driver, "Bygget fra")).isEqualTo("indhold fra CMS'et");
        shot(driver, "p8-build-status-in-the-admin.png");
    }

    /** The check panel once it shows {@code outcome} and {@code text}, else null. */
    private static WebElement panelWith(WebDriver d, String outcome, String text) {
        WebElement panel = panelWith(d, outcome);
        try {
            return panel != null && panel.getText().contains(text) ? panel : null;
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    /** The check panel once it shows {@code outcome} (ok, problems, skipped), else null. */
    private static WebElement panelWith(WebDriver d, String outcome) {
        try {
            for (WebElement p : d.findElements(By.cssSelector(PANEL))) {
                if (outcome.equals(p.getAttribute("data-outcome"))) return p;
            }
        } catch (StaleElementReferenceException e) {
            return null;
        }
        return null;
    }

    /** The value of the text field labelled {@code label} in the edit view. */
    private static String fieldValue(WebDriver d, String label) {
        try {
            WebElement input = d.findElement(By.xpath("//label[normalize-space()='" + label + "']/ancestor::*[.//input or .//textarea][1]"
                    + "//*[self::input or self::textarea]"));
            String value = input.getAttribute("value");
            return value == null ? "" : value;
        } catch (org.openqa.selenium.NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }

    private static void closeNotification(WebDriverWait wait, WebElement text) {
        text.findElement(By.xpath("ancestor::*[.//button][1]//button")).click();
        wait.until(ExpectedConditions.invisibilityOf(text));
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
