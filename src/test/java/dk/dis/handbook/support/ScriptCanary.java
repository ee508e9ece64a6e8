package dk.dis.handbook.support;

import dk.dis.handbook.serve.LocalServer;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens every page of a built site in headless Chromium, served as production serves it, and
 * fails if any script ran (a dialog, or the marker in the console) or the page navigated away.
 * A canary page with a script the CSP allows proves first that the checks see a script that runs.
 */
public final class ScriptCanary {
    public static final String RUN = "alert(1)";
    public static final String MARK = "console.log('XSS-MARKER')";

    private ScriptCanary() {}

    /** @return how many pages were opened */
    public static int openEveryPage(Path site) throws Exception {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(f ->
                    paths.add("/" + site.relativize(f).toString().replace('\\', '/').replaceFirst("index\\.html$", "")));
        }
        Files.createDirectories(site.resolve("canary"));
        Files.writeString(site.resolve("assets/canary.js"), MARK + ";" + RUN + ";");
        Files.writeString(site.resolve("canary/index.html"), "<!DOCTYPE html><title>c</title><script src=\"/assets/canary.js\"></script>");
        HttpClient http = HttpClient.newHttpClient();
        try (LocalServer server = LocalServer.start(site, 0)) {
            ChromeDriver browser = Browser.start(1280, 800);
            try {
                browser.get(server.url() + "/canary/");
                assertThat(browser.switchTo().alert().getText()).isEqualTo("1");
                browser.switchTo().alert().accept();
                assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).anyMatch(e -> e.getMessage().contains("XSS-MARKER"));
                for (String path : paths) {
                    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    assertThat(head.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
                    browser.get(server.url() + path);
                    try {
                        fail("a script ran on " + path + " and opened a dialog: " + browser.switchTo().alert().getText());
                    } catch (NoAlertPresentException expected) {
                        // nothing ran
                    }
                    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                        assertThat(entry.getMessage()).as(path).doesNotContain("XSS-MARKER");
                    }
                    assertThat(browser.getCurrentUrl()).as("no navigation away from " + path).startsWith(server.url());
                }
            } finally {
                browser.quit();
            }
        }
        return paths.size();
    }
}
