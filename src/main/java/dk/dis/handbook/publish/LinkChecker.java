package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Checks every internal link and #anchor of a built site before it is published. Agendas cite the
 * handbook's links, so a link that goes nowhere fails the build and names the page's source file.
 */
public final class LinkChecker {

    /** Counts for the summary line. */
    public record Result(int internalLinks, Set<String> externalLinks) {}

    private final Path siteDir;
    private final String siteOrigin;

    /** @param siteOrigin the configured base URL: absolute links to it are checked as internal */
    public LinkChecker(Path siteDir, String siteOrigin) {
        this.siteDir = siteDir;
        this.siteOrigin = siteOrigin;
    }

    /**
     * @param sourceOf output path (e.g. trin-1/index.html) → the content file it came from, for messages
     */
    public Result check(Map<String, String> sourceOf, List<ContentProblem> problems) throws IOException {
        return check(SiteScan.of(siteDir, sourceOf, (doc, where, found) -> { }), sourceOf, problems);
    }

    Result check(SiteScan scan, Map<String, String> sourceOf, List<ContentProblem> problems) {
        int internal = 0;
        Set<String> external = new HashSet<>();
        // Site-absolute links (the navigation's, mostly) mean the same on every page: check each once.
        Map<String, Optional<String>> absolute = new HashMap<>();
        for (SiteScan.ScannedPage page : scan.pages()) {
            String outputPath = page.outputPath();
            String source = sourceOf.getOrDefault(outputPath, "templates (output " + outputPath + ")");
            Set<String> reported = new HashSet<>();
            URI base = URI.create("/" + outputPath);
            for (String raw : page.links()) {
                if (raw.startsWith("/") && !raw.startsWith("//")) {
                    Optional<String> known = absolute.get(raw);
                    if (known != null) {
                        internal++;
                        if (known.isPresent() && reported.add(raw)) {
                            problems.add(new ContentProblem(source, null, "links to '" + raw + "', but " + known.get(),
                                    "Fix the link, or add the missing page or section id."));
                        }
                        continue;
                    }
                }
                URI uri;
                try {
                    uri = base.resolve(new URI(raw.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    problems.add(new ContentProblem(source, null, "has a malformed link '" + raw + "'.", "Fix the link target."));
                    continue;
                }
                if (uri.getScheme() != null || uri.getHost() != null) {
                    if (siteOrigin != null && uri.toString().startsWith(siteOrigin + "/")) {
                        uri = URI.create(uri.toString().substring(siteOrigin.length()));
                    } else {
                        external.add(uri.toString());
                        continue;
                    }
                }
                internal++;
                String problem = resolve(scan, uri.getPath(), uri.getFragment());
                if (raw.startsWith("/") && !raw.startsWith("//")) absolute.put(raw, Optional.ofNullable(problem));
                if (problem != null && reported.add(raw)) {
                    problems.add(new ContentProblem(source, null, "links to '" + raw + "', but " + problem,
                            "Fix the link, or add the missing page or section id."));
                }
            }
        }
        return new Result(internal, external);
    }

    /** Returns null when the target exists, otherwise what is missing. */
    private String resolve(SiteScan scan, String path, String fragment) {
        if (path == null || path.isEmpty()) path = "/";
        String target = path.substring(1) + (path.endsWith("/") ? "index.html" : "");
        if (!siteDir.resolve(target).normalize().startsWith(siteDir) || !scan.exists(target)) {
            return "no page is published at " + path + ".";
        }
        if (fragment == null || fragment.isEmpty()) return null;
        SiteScan.ScannedPage page = scan.page(target);
        if (page == null) return null;
        return page.ids().contains(fragment) ? null : "the page " + path + " has no section with id '" + fragment + "'.";
    }
}
