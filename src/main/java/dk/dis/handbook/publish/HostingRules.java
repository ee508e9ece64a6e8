package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.content.SitePaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response headers and redirects of the site, written as Netlify's {@code _headers} and
 * {@code _redirects} files. They are the one source of truth: Netlify serves them, and the local
 * {@code serve} command reads the same files, so browser tests see what production serves.
 */
public final class HostingRules {

    /** Strict: only the site's own files; no inline scripts or styles; no framing; service workers from the site only. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
            "font-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'",
            "form-action 'self'", "frame-ancestors 'none'");

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** What Netlify sends for files without a rule; HTML must revalidate so a published edit shows at once. */
    public static final String REVALIDATE = "public, max-age=0, must-revalidate";

    /** Short addresses the site itself answers; no page's old URL may take them. */
    public static final String ACCESSIBILITY_PATH = "/was/";

    private final boolean preview;
    private final List<Page> pages;
    private final String accessibilityStatementUrl;

    public HostingRules(boolean preview, List<Page> pages, String accessibilityStatementUrl) {
        this.preview = preview;
        this.pages = pages;
        this.accessibilityStatementUrl = accessibilityStatementUrl;
    }

    public static Map<String, Map<String, String>> headers(boolean preview) {
        Map<String, String> everywhere = new LinkedHashMap<>();
        everywhere.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        everywhere.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        everywhere.put("X-Content-Type-Options", "nosniff");
        everywhere.put("Referrer-Policy", "strict-origin-when-cross-origin");
        everywhere.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        everywhere.put("X-Frame-Options", "DENY");
        everywhere.put("Cross-Origin-Opener-Policy", "same-origin");
        if (preview) everywhere.put("X-Robots-Tag", "noindex, nofollow");
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        rules.put("/*", everywhere);
        rules.put("/assets/*", Map.of("Cache-Control", IMMUTABLE));
        rules.put("/soeg/data/*", Map.of("Cache-Control", IMMUTABLE)); // search files are content-hashed too
        return rules;
    }

    /**
     * An old URL may not take an address the site publishes (a page, a folder such as /assets/ or
     * /soeg/data/, a file) or one of the site's own short addresses.
     */
    void checkOldUrls(Path siteDir, List<ContentProblem> problems) {
        for (Page page : pages) {
            for (String old : page.oldUrls()) {
                String reason = null;
                if (old.equals(ACCESSIBILITY_PATH)) reason = "is the short address of the accessibility statement";
                else if (Files.exists(siteDir.resolve(old.substring(1)))) reason = "is an address the site publishes (" + old + ")";
                if (reason != null) {
                    problems.add(new ContentProblem("content/" + page.source().toString().replace('\\', '/'), "jbake-oldslugs",
                            "'" + old + "' " + reason + ", so it cannot redirect to this page.", "Remove it from the list."));
                }
            }
        }
    }

    /**
     * Each old URL of a page redirects permanently to its current URL, and /was (the short address
     * the accessibility law has public bodies link to) permanently to the accessibility statement. Every source is re-checked: a rule is written only from a path of this site.
     */
    List<String[]> redirects() {
        List<String[]> redirects = new ArrayList<>();
        redirects.add(new String[] {"/was", accessibilityStatementUrl, "301"});
        for (Page page : pages) {
            for (String old : page.oldUrls()) {
                if (!SitePaths.isNormalizedPath(old) || !SitePaths.isNormalizedPath(page.url()) && !page.url().equals("/")) {
                    throw new IllegalStateException("not a path of this site in a redirect: " + old + " -> " + page.url());
                }
                redirects.add(new String[] {old, page.url(), "301"});
            }
        }
        return redirects;
    }

    public void write(Path siteDir) throws IOException {
        StringBuilder headers = new StringBuilder("# Generated by the handbook build; edit HostingRules.java, not this file.\n");
        Map<String, Map<String, String>> rules = new LinkedHashMap<>(headers(preview));
        // Each other language has its own search files under its folder (/en/soeg/data/), content-hashed too.
        pages.stream().map(Page::locale).distinct().sorted()
                .filter(l -> pages.stream().anyMatch(p -> p.url().startsWith("/" + l + "/")))
                .forEach(l -> rules.put("/" + l + "/soeg/data/*", Map.of("Cache-Control", IMMUTABLE)));
        rules.forEach((path, values) -> {
            headers.append(path).append('\n');
            values.forEach((name, value) -> headers.append("  ").append(name).append(": ").append(value).append('\n'));
        });
        Files.writeString(siteDir.resolve("_headers"), headers, StandardCharsets.UTF_8);

        StringBuilder redirects = new StringBuilder("# Generated by the handbook build from the pages' old URLs; edit HostingRules.java, not this file.\n");
        for (String[] r : redirects()) redirects.append(String.join("  ", r)).append('\n');
        Files.writeString(siteDir.resolve("_redirects"), redirects, StandardCharsets.UTF_8);
    }
}
