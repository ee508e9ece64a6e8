package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committee secretary's edit in the real admin panel, in Chromium: the real Strapi from cms/
 * with its admin built and served, the repository's content pushed into it, the page
 * "Politiske principper" opened from the page list; a link to another page, chosen from the list,
 * inserted with the body editor's Danish toolbar, seen in the rendered view, saved and published,
 * synced with a build token and built: the link is on the built page. Then an image from the Media
 * Library, refused without alt text and inserted with it, rendered, published, synced and built: it
 * is on the page and in the step's PDF.
 * Screenshots of each step go to target/quality/cms/.
 */
class CmsEditorBrowserTest {
    private static final Path REPO_CONTENT = TestHandbook.REPO.resolve("content");
    private static final Path SHOTS = TestHandbook.REPO.resolve("target/quality/cms");
    private static final String EMAIL = "sekretaer@example.org";
    private static final String PASSWORD = "Handbog-" + UUID.randomUUID().toString().substring(0, 8) + "A1";
    private static final String LINK = "link:/trin-2/#tre-tiltag[de tre tiltag i trin 2]";
    private static final String ALT = "De tre trin i DIS-modellen";

    @TempDir
    Path dir;

    private final List<String> timings = new ArrayList<>();

    @Test
    void secretaryEditsThePageBodyPublishesAndTheSiteShowsIt() throws Exception {
        long testStart = System.nanoTime();
        Files.createDirectories(SHOTS);
        try (var old = Files.newDirectoryStream(SHOTS, "*.png")) {
            for (Path f : old) Files.delete(f);
        }
        Duration build = AdminPanel.ensureBuilt();
        timings.add("admin build: " + (build == null ? "up to date, not rebuilt" : seconds(build)));

        long t = System.nanoTime();
        try (LocalStrapi strapi = LocalStrapi.start(dir, Map.of("CMS_ADMIN_PANEL", "true"))) {
            timings.add("Strapi start with the admin panel: " + seconds(since(t)));
            String seed = strapi.createToken("seed", "seed");
            String readOnly = strapi.createToken("site-build", "build");
            CmsPush.Result pushed = new CmsPush(client(strapi, seed), s -> {}).run(REPO_CONTENT, "da");
            assertThat(pushed.created()).isPositive();

            String adminJwt = registerFirstAdmin(strapi);
            // An image in the Media Library, as an editor would have uploaded it.
            String uploadedUrl = uploadImage(strapi, adminJwt);

            TestHandbook handbook = new TestHandbook(dir.resolve("site"));
            Path content = handbook.root.resolve("content");
            Path withImage = dir.resolve("with-image/content");
            ChromeDriver driver = Browser.start(1400, 1000);
            try {
                editWithALink(driver, strapi);
                // What was published, synced with a build token.
                new CmsSync(client(strapi, readOnly), s -> {}).run(content, "da", false);
                insertImage(driver, uploadedUrl);
                new CmsSync(client(strapi, readOnly), s -> {}).run(withImage, "da", false);
            } catch (Exception | AssertionError e) {
                shot(driver, "99-failure.png");
                throw e;
            } finally {
                driver.quit();
            }

            String trin1 = Files.readString(content.resolve("trin-1/index.adoc"));
            assertThat(trin1).endsWith("\n\nLæs også om " + LINK + "\n");
            assertThat(Files.readString(withImage.resolve("trin-1/index.adoc")))
                    .endsWith("\n\nLæs også om " + LINK + "\n\nimage::" + uploadedUrl + "[" + ALT + "]\n");

            // The site built from the synced content has the new link on the step 1 page.
            t = System.nanoTime();
            String log = handbook.build();
            timings.add("site build from the synced content: " + seconds(since(t)));
            assertThat(log).contains("Built");
            String page = handbook.read("trin-1/index.html");
            assertThat(page).contains("Læs også om <a href=\"/trin-2/#tre-tiltag\">de tre tiltag i trin 2</a>");
            assertThat(handbook.read("trin-2/index.html")).contains("id=\"tre-tiltag\"");

            // The second edit's image: fetched by the sync, on the built page and in the step's PDF.
            assertThat(withImage.resolve(uploadedUrl.substring(1))).exists();
            TestHandbook imaged = new TestHandbook(dir.resolve("imaged"));
            Files.delete(imaged.root.resolve("content"));
            Files.move(withImage, imaged.root.resolve("content"));
            imaged.build(imaged.options().withPdf(true));
            org.jsoup.nodes.Element img = org.jsoup.Jsoup.parse(imaged.read("trin-1/index.html")).selectFirst("main img[alt=\"" + ALT + "\"]");
            assertThat(img).as("the image on the built page").isNotNull();
            assertThat(imaged.out().resolve(img.attr("src").substring(1))).exists();
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(imaged.out().resolve("pdf/trin-1.pdf").toFile())) {
                boolean drawn = false;
                for (var p : pdf.getPages()) {
                    for (var name : p.getResources().getXObjectNames()) {
                        if (p.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject x
                                && x.getWidth() == 480) drawn = true;
                    }
                }
                assertThat(drawn).as("the image in the step's PDF").isTrue();
            }
        } finally {
            timings.add("whole test: " + seconds(since(testStart)));
            Files.writeString(SHOTS.resolve("timings.txt"), String.join("\n", timings) + "\n");
        }
    }

    private void editWithALink(ChromeDriver driver, LocalStrapi strapi) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        long t = System.nanoTime();
        driver.get(strapi.url.resolve("/admin/auth/login").toString());
        WebElement email = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email")));
        timings.add("admin login page shown: " + seconds(since(t)));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Log ind");
        shot(driver, "01-login-da.png");
        email.sendKeys(EMAIL);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/?$|/admin/[^a]"));

        // The page list, searched for the step 1 page, which is opened from the list.
        driver.get(strapi.url.resolve("/admin/content-manager/collection-types/api::page.page?page=1&pageSize=10&sort=title:ASC&_q="
                + java.net.URLEncoder.encode("Politiske principper", StandardCharsets.UTF_8)).toString());
        WebElement row = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//tbody//tr[.//*[normalize-space(text())='Politiske principper']]")));
        shot(driver, "02-page-list.png");
        row.findElement(By.xpath(".//*[normalize-space(text())='Politiske principper']")).click();

        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cm-content[data-testid=asciidoc-editor]")));
        wait.until(d -> editorText(d).contains("Principperne omhandler innovation"));
        WebElement date = driver.findElement(By.name("date"));
        assertThat(date.getAttribute("value")).as("dates shown the Danish way").matches("12\\.12\\.2017");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Gem']"))).isNotEmpty();
        WebElement toolbar = driver.findElement(By.cssSelector("[role=toolbar][aria-label='Formatering af brødteksten']"));
        List<String> tools = toolbar.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
        assertThat(tools).containsExactly("Overskrift", "Underoverskrift", "Fed", "Kursiv", "Kode", "Punktliste",
                "Nummereret liste", "Link til side", "Billede", "Bemærk", "Tips", "Tabel");
        // The toolbar is one tab stop; the arrow keys move between its buttons.
        List<WebElement> buttons = toolbar.findElements(By.tagName("button"));
        assertThat(buttons.stream().filter(b -> "0".equals(b.getAttribute("tabindex"))).count()).isEqualTo(1);
        buttons.get(0).sendKeys(Keys.ARROW_RIGHT);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Underoverskrift");
        driver.switchTo().activeElement().sendKeys(Keys.END);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Tabel");
        scrollTo(driver, driver.findElement(By.xpath("//label[starts-with(normalize-space(),'Brødtekst')]")));
        awaitPreview(driver, wait, body -> body.contains("Principperne omhandler innovation"));
        shot(driver, "03-edit-view-editor-and-preview.png");

        // Nothing in the body runs in the rendered view: raw HTML passthroughs are sanitized, and the
        // frame has no scripts at all.
        String original = editorText(driver);
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(Keys.ENTER, Keys.ENTER, "++++", Keys.ENTER, "<img src=x onerror=\"window.top.__ran=1\"><script>window.top.__ran=2</script>",
                Keys.ENTER, "++++", Keys.ENTER, Keys.ENTER, "pass:[<svg onload=\"window.top.__ran=3\"></svg>] link:javascript:window.top.__ran=4[Forhåndsvisningstjek]");
        String unsafe = awaitPreview(driver, wait, body -> body.contains("Forhåndsvisningstjek"));
        assertThat(unsafe).doesNotContain("onerror").doesNotContain("<script").doesNotContain("onload").doesNotContain("javascript:");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__ran === undefined")).isEqualTo(true);
        for (int i = 0; i < 30 && !editorText(driver).equals(original); i++) editor.sendKeys(Keys.chord(Keys.CONTROL, "z"));
        assertThat(editorText(driver)).as("undone").isEqualTo(original);

        // Type at the end of the text, then a link to another page chosen from the list.
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(Keys.ENTER, Keys.ENTER, "Læs også om ");
        toolButton(driver, "Link til side").click();
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("select#asciidoc-link-target")));
        Select targets = new Select(list);
        wait.until(d -> targets.getOptions().size() > 20);
        List<String> labels = targets.getOptions().stream().map(WebElement::getText).toList();
        assertThat(labels).anyMatch(l -> l.contains("Politisk retning og opfølgning – /trin-2/"))
                .anyMatch(l -> l.contains("› Tre tiltag til at sætte politisk retning – /trin-2/#tre-tiltag"));
        WebElement filter = driver.findElement(By.xpath("//label[normalize-space()='Søg efter side eller afsnit']/following::input[1]"));
        filter.sendKeys("tre tiltag");
        wait.until(d -> targets.getOptions().size() < 5);
        // Chosen with the keyboard.
        list.sendKeys(Keys.ARROW_DOWN);
        assertThat(targets.getFirstSelectedOption().getAttribute("value")).isEqualTo("/trin-2/#tre-tiltag");
        WebElement text = driver.findElement(By.xpath("//label[starts-with(normalize-space(),'Linktekst')]/following::input[1]"));
        // The link text is the chosen heading until the editor writes another.
        wait.until(d -> "Tre tiltag til at sætte politisk retning".equals(text.getAttribute("value")));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), "de tre tiltag i trin 2");
        shot(driver, "04-link-dialog.png");
        driver.findElement(By.xpath("//button[normalize-space()='Indsæt link']")).click();
        wait.until(d -> editorText(d).contains("Læs også om " + LINK));
        awaitPreview(driver, wait, body -> body.contains("href=\"/trin-2/#tre-tiltag\""));
        scrollPreviewToEnd(driver);
        shot(driver, "05-link-inserted-and-rendered.png");

        saveAndPublish(driver, wait, "06-link-saved.png", "07-link-published.png");
    }

    private void insertImage(ChromeDriver driver, String uploadedUrl) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // An image from the Media Library: refused without alt text, inserted with it.
        WebElement editor = driver.findElement(By.cssSelector(".cm-content[data-testid=asciidoc-editor]"));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        toolButton(driver, "Billede").click();
        String file = uploadedUrl.substring(uploadedUrl.lastIndexOf('/') + 1);
        WebElement asset = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@role='dialog']//*[normalize-space(text())='tre-trin.png']"
                + "/ancestor::*[.//*[@role='checkbox']][1]//*[@role='checkbox']")));
        shot(driver, "08-media-library.png");
        asset.click();
        WebElement finish = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@role='dialog']//button[normalize-space()='Færdig' or normalize-space()='Finish']")));
        finish.click();
        WebElement insertImage = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Indsæt billede']")));
        insertImage.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=dialog]"), "billedet indsættes ikke uden"));
        assertThat(editorText(driver)).doesNotContain("image::");
        shot(driver, "09-image-refused-without-alt-text.png");
        WebElement alt = driver.findElement(By.xpath("//label[starts-with(normalize-space(),'Alternativ tekst')]/following::input[1]"));
        alt.sendKeys(ALT);
        insertImage.click();
        wait.until(d -> editorText(d).contains("image::" + uploadedUrl + "[" + ALT + "]"));
        awaitPreview(driver, wait, body -> body.contains(file) && body.contains("alt=\"" + ALT + "\""));
        // The image is shown in the rendered view (loaded from the CMS).
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> inPreview(d, x -> (Boolean) ((JavascriptExecutor) x).executeScript(
                        "const i = document.querySelector('img'); return !!i && i.complete && i.naturalWidth > 0;")));
        scrollPreviewToEnd(driver);
        shot(driver, "10-image-inserted-and-rendered.png");

        // The preview runs nothing from the body.
        assertThat(driver.findElement(By.cssSelector("iframe[data-testid=asciidoc-preview]")).getAttribute("sandbox"))
                .doesNotContain("allow-scripts");

        saveAndPublish(driver, wait, null, "11-image-published.png");
    }

    /** Save keeps a draft; publish makes it what the build reads. Each says so in Danish. */
    private static void saveAndPublish(ChromeDriver driver, WebDriverWait wait, String savedShot, String publishedShot) throws Exception {
        driver.findElement(By.xpath("//button[normalize-space()='Gem']")).click();
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er gemt']")));
        if (savedShot != null) shot(driver, savedShot);
        dismiss(driver, wait, saved);
        WebElement publish = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Offentliggør']")));
        publish.click();
        WebElement published = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Dokumentet er offentliggjort']")));
        shot(driver, publishedShot);
        dismiss(driver, wait, published);
    }

    /** Waits for a notification to go, so the next one is not mistaken for it. */
    private static void dismiss(WebDriver driver, WebDriverWait wait, WebElement notification) {
        wait.until(ExpectedConditions.invisibilityOf(notification));
    }

    private static WebElement toolButton(WebDriver driver, String name) {
        return driver.findElement(By.xpath("//*[@role='toolbar']//button[normalize-space()='" + name + "']"));
    }

    private static String editorText(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const c = document.querySelector('.cm-content[data-testid=asciidoc-editor]');"
                        // CodeMirror's own handle on its DOM (what EditorView.findFromDOM reads): the whole
                        // document, not just the lines drawn in the viewport.
                        + "const t = c && (c.cmTile || c.cmView); const v = t && (t.root ? t.root.view : t.view);"
                        + "return v ? v.state.doc.toString() : '';");
    }

    private static <T> T inPreview(WebDriver driver, Function<WebDriver, T> f) {
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[data-testid=asciidoc-preview]")));
        try {
            return f.apply(driver);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /**
     * Waits until the rendered view's HTML passes the test and returns it. The frame's document is
     * replaced on every render, so a read that races one is tried again.
     */
    private static String awaitPreview(WebDriver driver, WebDriverWait wait, java.util.function.Predicate<String> test) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    String html = inPreview(d, x -> {
                        List<WebElement> body = x.findElements(By.cssSelector(".body"));
                        return body.isEmpty() ? "" : body.get(0).getAttribute("innerHTML");
                    });
                    return test.test(html) ? html : null;
                });
    }

    private static void scrollPreviewToEnd(WebDriver driver) {
        inPreview(driver, d -> ((JavascriptExecutor) d).executeScript("window.scrollTo(0, document.body.scrollHeight)"));
    }

    private static void scrollTo(WebDriver driver, WebElement e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
    }

    private static void shot(ChromeDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static String registerFirstAdmin(LocalStrapi strapi) throws Exception {
        String body = FakeStrapi.JSON.writeValueAsString(Map.of("firstname", "Udvalgs", "lastname", "Sekretær",
                "email", EMAIL, "password", PASSWORD));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(strapi.url.resolve("/admin/register-admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return FakeStrapi.JSON.readTree(r.body()).path("data").path("token").asText();
    }

    /** An image in the Media Library, uploaded as an editor would (the admin's upload endpoint). */
    private static String uploadImage(LocalStrapi strapi, String jwt) throws Exception {
        BufferedImage image = new BufferedImage(480, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x003a70));
        g.fillRect(0, 0, 480, 200);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString("Trin 1 · 2 · 3", 120, 115);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "----handbook" + UUID.randomUUID();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"tre-trin.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(png.toByteArray());
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(strapi.url.resolve("/upload"))
                .header("Authorization", "Bearer " + jwt)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        JsonNode file = FakeStrapi.JSON.readTree(r.body());
        if (file.isArray()) file = file.get(0);
        String url = file.path("url").asText();
        assertThat(url).startsWith("/uploads/").endsWith(".png");
        return url;
    }

    private static StrapiClient client(LocalStrapi strapi, String token) {
        return new StrapiClient(CmsSettings.of(strapi.url, token));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
