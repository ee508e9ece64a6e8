package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last look at a staged site before it replaces the published one. Content is sanitized on the
 * way in; this checks the result, so a template or sanitizer mistake cannot ship either:
 * no script but the site's own, no inline handlers or styles, no script/data URLs, no frames, no
 * third-party resources; and in production no draft, preview banner, noindex or secret.
 */
public final class OutputGuard {
    /** Link relations whose target the browser fetches (canonical and alternate only name a URL). */
    private static final Pattern LOADED_LINKS = Pattern.compile("(?i)\\b(stylesheet|icon|preload|prefetch|modulepreload|manifest|apple-touch-icon)\\b");
    private static final Pattern UNSAFE_URL = Pattern.compile("(?i)^\\s*(javascript|vbscript|data):");

    private OutputGuard() {}

    /**
     * @param draftUrls URLs of drafts left out of this build (must not exist in production)
     * @param secrets   values that must never appear in output (e.g. the CMS token)
     */
    public static void check(Path siteDir, boolean preview, Collection<String> draftUrls, Collection<String> secrets,
                             Map<String, String> sourceOf, List<ContentProblem> problems) throws IOException {
        check(SiteScan.of(siteDir, sourceOf, guard(preview)), preview, draftUrls, secrets, sourceOf, problems);
    }

    /** This guard's checks of one parsed page, for a {@link SiteScan} shared with the link checker. */
    static SiteScan.PageGuard guard(boolean preview) {
        return (doc, where, problems) -> checkPage(doc, where, preview, problems);
    }

    /** @param scan made with {@link #guard(boolean)} for the same {@code preview} */
    static void check(SiteScan scan, boolean preview, Collection<String> draftUrls, Collection<String> secrets,
                      Map<String, String> sourceOf, List<ContentProblem> problems) throws IOException {
        for (String rel : scan.files()) {
            String where = sourceOf.getOrDefault(rel, "output " + rel);
            // A file the last publish checked against the same secrets is not read again.
            boolean mustRead = (!secrets.isEmpty() && isText(rel) && !scan.unchanged(rel)) || rel.equals("_headers");
            String text = mustRead ? Files.readString(scan.siteDir().resolve(rel), StandardCharsets.UTF_8) : null;
            if (text != null) {
                for (String secret : secrets) {
                    if (secret != null && secret.length() >= 8 && text.contains(secret)) {
                        problems.add(new ContentProblem(where, null, "contains a secret (the CMS token).",
                                "Remove it from the content or config; rotate the token."));
                    }
                }
            }
            if (!preview && rel.equals("_headers") && text != null && text.contains("X-Robots-Tag")) {
                problems.add(new ContentProblem(where, null, "sends noindex in a production build.", "Build without --preview."));
            }
            SiteScan.ScannedPage page = scan.page(rel);
            if (page != null) problems.addAll(page.guardProblems());
        }
        if (!preview) {
            for (String url : draftUrls) {
                if (scan.exists(url.substring(1) + "index.html")) {
                    problems.add(new ContentProblem(where(sourceOf, url), null, "is a draft but was written to a production build.", null));
                }
            }
        }
    }

    private static String where(Map<String, String> sourceOf, String url) {
        return sourceOf.getOrDefault(url.substring(1) + "index.html", "output " + url);
    }

    /** Elements that pages may not contain. */
    private static final java.util.Set<String> FORBIDDEN = java.util.Set.of("iframe", "frame", "object", "embed", "applet", "style", "base");

    // One pass over the page's elements (large sites have many pages: one selector per rule cost a pass each).
    private static void checkPage(Document doc, String where, boolean preview, List<ContentProblem> problems) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        boolean previewBanner = false;
        boolean noindex = false;
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && (!e.attr("src").startsWith("/assets/") || !e.data().isBlank())) {
                problems.add(problem(where, "has a script that is not one of the site's own files: " + abbreviate(e.outerHtml())));
            }
            if (FORBIDDEN.contains(tag) || (tag.equals("form") && e.attr("action").toLowerCase(java.util.Locale.ROOT).startsWith("http"))) {
                problems.add(problem(where, "has a <" + e.tagName() + "> element, which pages may not contain."));
            }
            for (var attribute : e.attributes()) {
                String name = attribute.getKey().toLowerCase();
                String value = attribute.getValue();
                if (name.startsWith("on")) {
                    problems.add(problem(where, "has an event-handler attribute " + name + " on <" + e.tagName() + ">."));
                } else if (name.equals("style") || name.equals("srcdoc")) {
                    problems.add(problem(where, "has a " + name + " attribute on <" + e.tagName() + "> (blocked by the Content-Security-Policy)."));
                } else if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")
                        || name.equals("xlink:href") || name.equals("poster")) && UNSAFE_URL.matcher(value).find()) {
                    problems.add(problem(where, "has a " + value.strip().split(":")[0] + ": URL in " + name + "."));
                } else if (name.equals("src") || (name.equals("href") && tag.equals("link") && LOADED_LINKS.matcher(e.attr("rel")).find())) {
                    if (value.matches("(?i)^\\s*(https?:)?//.*")) {
                        problems.add(problem(where, "loads " + value + " from another origin."));
                    }
                }
            }
            String id = e.id();
            if (!id.isEmpty() && !ids.add(id)) {
                problems.add(problem(where, "has the id '" + id + "' twice; links to it are ambiguous.",
                        "Rename the section id in the content (the page layout uses ids such as sideindhold and hovedmenu)."));
            }
            if (e.hasClass("preview-banner")) previewBanner = true;
            if (tag.equals("meta") && e.attr("name").equalsIgnoreCase("robots")
                    && e.attr("content").toLowerCase(java.util.Locale.ROOT).contains("noindex")) noindex = true;
        }
        if (!preview) {
            if (previewBanner) problems.add(problem(where, "shows the preview banner in a production build."));
            if (noindex) problems.add(problem(where, "has noindex in a production build."));
        }
    }

    private static ContentProblem problem(String where, String message) {
        return problem(where, message, null);
    }

    private static ContentProblem problem(String where, String message, String fix) {
        return new ContentProblem(where, null, message, fix);
    }

    private static boolean isText(String rel) {
        return rel.matches(".*\\.(html|xml|css|js|json|txt|svg)$") || rel.equals("_headers") || rel.equals("_redirects");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
