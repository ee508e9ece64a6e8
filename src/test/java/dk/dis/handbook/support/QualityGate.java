package dk.dis.handbook.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.zip.GZIPOutputStream;

/** The checks of the quality gate, each returning what it found wrong (empty = passed). */
public final class QualityGate {
    public static final int PAGE_WEIGHT_BUDGET = 25 * 1024;
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private QualityGate() {}

    /** axe-core's WCAG 2.1 A and AA rules on the page the browser shows. */
    public static List<String> accessibilityViolations(WebDriver browser) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            List<String> targets = new ArrayList<>();
            rule.getNodes().forEach(n -> targets.add(String.valueOf(n.getTarget())));
            found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets);
        }
        return found;
    }

    public static List<String> consoleErrors(WebDriver browser) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) found.add(entry.getMessage());
        }
        return found;
    }

    /** Every resource the page loaded that is not from the site's own origin. */
    @SuppressWarnings("unchecked")
    public static List<String> foreignRequests(WebDriver browser, String origin) {
        List<String> urls = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        return urls.stream().filter(u -> !u.startsWith(origin + "/")).toList();
    }

    public static List<String> cookies(WebDriver browser) {
        List<String> found = new ArrayList<>();
        browser.manage().getCookies().forEach(c -> found.add(c.getName()));
        Object js = ((JavascriptExecutor) browser).executeScript("return document.cookie;");
        if (js != null && !js.toString().isEmpty()) found.add(js.toString());
        return found;
    }

    /**
     * Elements that stick out of the viewport, so the reader would have to scroll sideways
     * (empty when the page fits).
     */
    @SuppressWarnings("unchecked")
    public static List<String> sidewaysOverflow(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "const w = document.documentElement.clientWidth;"
                        + "if (document.documentElement.scrollWidth <= w) return [];"
                        + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
                        + ".slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + 'px');");
    }

    /** Errors the Nu Html Checker reports for one file (offline: schemas ship in the jar). */
    public static List<String> htmlErrors(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
        validator.checkHtmlFile(file.toFile(), true);
        return errors;
    }

    /** Gzipped bytes of a page's HTML plus the CSS and scripts it links from the site, and the service worker it registers. */
    public static long pageWeight(Path siteDir, Path htmlFile) throws IOException {
        long total = gzipped(Files.readAllBytes(htmlFile));
        Document doc = Jsoup.parse(htmlFile.toFile(), "UTF-8");
        for (var e : doc.select("link[rel=stylesheet][href^=/], script[src^=/]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            Path asset = siteDir.resolve(url.substring(1));
            if (Files.isRegularFile(asset)) total += gzipped(Files.readAllBytes(asset));
        }
        // The service worker the page registers is fetched with it on a first visit: it counts too.
        for (var e : doc.select("script[data-service-worker^=/]")) {
            Path worker = siteDir.resolve(e.attr("data-service-worker").substring(1));
            if (Files.isRegularFile(worker)) total += gzipped(Files.readAllBytes(worker));
        }
        return total;
    }

    static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
