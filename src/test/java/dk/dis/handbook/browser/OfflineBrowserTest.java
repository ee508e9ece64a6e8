package dk.dis.handbook.browser;

import dk.dis.handbook.serve.LocalServer;
import dk.dis.handbook.support.Browser;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading offline in Chromium: after a first visit the service worker keeps the Danish handbook;
 * a new build replaces the kept copy; with the network off (Chromium's offline mode through CDP,
 * and the server stopped) the front page, a step and a search answer still come.
 */
class OfflineBrowserTest {
    @TempDir
    Path dir;

    @Test
    void frontPageStepAndSearchWorkOfflineAfterOneVisitAndANewBuildReplacesTheCopy() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).realContent();
        handbook.build();
        LocalServer server = LocalServer.start(handbook.out(), 0);
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            browser.get(server.url() + "/");
            String first = keptVersion(browser, null);
            List<?> kept = keptUrls(browser);
            assertThat(kept).anyMatch(u -> u.toString().endsWith("/trin-1/"))
                    .anyMatch(u -> u.toString().contains("/soeg/data/"))
                    .anyMatch(u -> u.toString().contains("/assets/css/"))
                    .noneMatch(u -> u.toString().contains("/en/")).noneMatch(u -> u.toString().endsWith(".pdf"));

            // A new build is deployed: the worker installs itself again and replaces the kept copy.
            Path step = handbook.root.resolve("content/trin-1/index.adoc");
            Files.writeString(step, Files.readString(step, StandardCharsets.UTF_8) + "\nDenne sætning kom med den nye bygning.\n",
                    StandardCharsets.UTF_8);
            handbook.build();
            browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.getRegistration().then(function (r) { return r.update(); }).then(function () { done(true); }, function (e) { done(String(e)); });");
            String second = keptVersion(browser, first);
            assertThat(second).isNotEqualTo(first);

            // The network is switched off: in Chromium, and for real.
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            String base = server.url();
            server.close();

            browser.get(base + "/");
            assertThat(browser.findElement(By.id("sidetitel")).getText()).contains("DIS-modellen");
            browser.get(base + "/trin-1/");
            assertThat(browser.findElement(By.id("sidetitel")).getText()).isEqualTo("Politiske principper");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Denne sætning kom med den nye bygning.");
            browser.get(base + "/soeg/?q=fishbowl");
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".search-hit")).isEmpty());
            assertThat(browser.findElement(By.id("soeg-resultater")).getText()).containsIgnoringCase("fishbowl");
        } finally {
            browser.quit();
            server.close();
        }
    }

    /** Waits until the worker has kept a whole build other than {@code previous}, and returns its cache's name. */
    private static String keptVersion(ChromeDriver browser, String previous) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object[] found = new Object[1];
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(300)).until(d -> {
            Object names = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.ready.then(function () { return caches.keys(); })"
                    + ".then(function (keys) { done(keys.filter(function (k) { return k.indexOf('handbook-da-') === 0; })); });");
            List<?> keys = (List<?>) names;
            // Installed and activated: exactly one kept build of the language, and not the previous one.
            if (keys.size() != 1 || keys.get(0).equals(previous)) return false;
            Object active = browser.executeScript("return navigator.serviceWorker.controller ? 'yes' : 'no';");
            found[0] = keys.get(0);
            return "yes".equals(active) || previous == null;
        });
        return (String) found[0];
    }

    private static List<?> keptUrls(ChromeDriver browser) {
        return (List<?>) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "caches.keys().then(function (keys) { return caches.open(keys.filter(function (k) { return k.indexOf('handbook-da-') === 0; })[0]); })"
                + ".then(function (c) { return c.keys(); }).then(function (rs) { done(rs.map(function (r) { return new URL(r.url).pathname; })); });");
    }
}
