package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks every internal link and #anchor of a built site before it is published. Agendas cite the
 * handbook's links, so a link that goes nowhere fails the build and names the page's source file.
 */
public final class LinkChecker {

    /** Counts for the summary line. */
    public record Result(int internalLinks, Set<String> externalLinks) {}

    private final Path siteDir;
    private final String siteOrigin;
    private final Map<String, Set<String>> idsByFile = new HashMap<>();

    /** @param siteOrigin the configured base URL: absolute links to it are checked as internal */
    public LinkChecker(Path siteDir, String siteOrigin) {
        this.siteDir = siteDir;
        this.siteOrigin = siteOrigin;
    }

    /**
     * @param sourceOf output path (e.g. trin-1/index.html) → the content file it came from, for messages
     */
    public Result check(Map<String, String> sourceOf, List<ContentProblem> problems) throws IOException {
        List<Path> htmlFiles;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            htmlFiles = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int internal = 0;
        Set<String> external = new HashSet<>();
        for (Path file : htmlFiles) {
            String outputPath = siteDir.relativize(file).toString().replace('\\', '/');
            String source = sourceOf.getOrDefault(outputPath, "templates (output " + outputPath + ")");
            Document doc = parse(file);
            Set<String> reported = new HashSet<>();
            URI base = URI.create("/" + outputPath);
            for (Element a : doc.select("a[href], link[href], img[src], script[src]")) {
                String raw = a.hasAttr("href") ? a.attr("href") : a.attr("src");
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
                String problem = resolve(uri.getPath(), uri.getFragment());
                if (problem != null && reported.add(raw)) {
                    problems.add(new ContentProblem(source, null, "links to '" + raw + "', but " + problem,
                            "Fix the link, or add the missing page or section id."));
                }
            }
        }
        return new Result(internal, external);
    }

    /** Returns null when the target exists, otherwise what is missing. */
    private String resolve(String path, String fragment) throws IOException {
        if (path == null || path.isEmpty()) path = "/";
        Path target = siteDir.resolve(path.substring(1));
        if (path.endsWith("/")) target = target.resolve("index.html");
        if (!target.normalize().startsWith(siteDir) || !Files.isRegularFile(target)) {
            return "no page is published at " + path + ".";
        }
        if (fragment == null || fragment.isEmpty()) return null;
        if (!target.toString().endsWith(".html")) return null;
        Set<String> ids = idsByFile.computeIfAbsent(target.toString(), k -> {
            try {
                Set<String> found = new HashSet<>();
                for (Element e : parse(Path.of(k)).select("[id]")) found.add(e.id());
                return found;
            } catch (IOException e) {
                return Set.of();
            }
        });
        return ids.contains(fragment) ? null : "the page " + path + " has no section with id '" + fragment + "'.";
    }

    private static Document parse(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }
}
