package dk.dis.handbook.theme;

import dk.dis.handbook.content.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Gives every file in assets/ a content-hashed name (css/site.css → css/site.3f9a1c2b7d.css), so
 * browsers and the CDN may cache it for ever; the templates ask for files by their plain names.
 */
public final class AssetFingerprinter {
    private AssetFingerprinter() {}

    /** A file the site publishes: its path in the site, and its bytes or the file to copy. */
    public record PublishedFile(String target, Path source, byte[] bytes) {}

    /** The site's assets: logical path (e.g. "css/site.css") → the URL the templates use, and the files to publish. */
    public record Assets(Map<String, String> urls, List<PublishedFile> files) {}

    /** The assets of {@code assetsDir} (not its diagrams and PDF fonts, which are build inputs) and the theme of {@code config}. */
    public static Assets plan(Path assetsDir, dk.dis.handbook.config.HandbookConfig config) throws IOException {
        Map<String, String> urls = new TreeMap<>();
        List<PublishedFile> files = new ArrayList<>();
        if (Files.isDirectory(assetsDir)) {
            try (Stream<Path> walk = Files.walk(assetsDir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String logical = assetsDir.relativize(file).toString().replace('\\', '/');
                    if (logical.startsWith("diagrams/") || logical.startsWith("pdf/")) continue;
                    String hashed = hashedName(logical, Files.readAllBytes(file));
                    urls.put(logical, "/assets/" + hashed);
                    files.add(new PublishedFile("assets/" + hashed, file, null));
                }
            }
        }
        Theme.add(config, urls, files);
        return new Assets(urls, List.copyOf(files));
    }

    public static String hashedName(String logical, byte[] bytes) {
        return ContentHash.hashedName(logical, bytes);
    }
}
