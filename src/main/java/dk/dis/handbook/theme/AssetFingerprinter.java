package dk.dis.handbook.theme;

import dk.dis.handbook.content.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Copies assets/ into the site under content-hashed names (css/site.css → /assets/css/site.1a2b3c4d.css),
 * so they can be cached for a year: a changed file gets a new name. Diagrams are inlined, not copied;
 * pdf/ (the PDFs' style sheet and fonts) is read by the pdf stage and not published.
 */
public final class AssetFingerprinter {
    private AssetFingerprinter() {}

    /** @return logical path (e.g. "css/site.css") → the URL the templates must use */
    public static Map<String, String> copy(Path assetsDir, Path siteDir) throws IOException {
        Map<String, String> urls = new TreeMap<>();
        if (!Files.isDirectory(assetsDir)) return urls;
        try (Stream<Path> walk = Files.walk(assetsDir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String logical = assetsDir.relativize(file).toString().replace('\\', '/');
                if (logical.startsWith("diagrams/") || logical.startsWith("pdf/")) continue;
                byte[] bytes = Files.readAllBytes(file);
                String hashed = hashedName(logical, bytes);
                Path target = siteDir.resolve("assets").resolve(hashed);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                urls.put(logical, "/assets/" + hashed);
            }
        }
        return urls;
    }

    public static String hashedName(String logical, byte[] bytes) {
        return ContentHash.hashedName(logical, bytes);
    }
}
