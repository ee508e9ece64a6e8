package dk.dis.handbook.pdf;

import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.SiteFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PDFs laid out in earlier builds, one file per PDF, named by a hash of everything the layout
 * depends on: the composed HTML (the cover's date, the style sheet and the inline diagrams among
 * it), the fonts, the logo, and the build's own code. An incremental build lays out again only the PDFs
 * whose hash changed, e.g. the one part whose page was edited and the whole handbook.
 */
final class PdfCache {
    private final Path folder;
    private final String shared;
    private final Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param code   changes with the build's code (the layout library comes with it)
     * @param inputs files besides the source that end up in the PDFs: fonts, logo
     */
    PdfCache(Path folder, String code, List<Path> inputs) throws IOException {
        this.folder = folder;
        MessageDigest digest = ContentHash.digest();
        digest.update(code.getBytes(StandardCharsets.UTF_8));
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.walk(input)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) add(digest, input.relativize(f).toString(), f);
                }
            } else if (Files.isRegularFile(input)) {
                add(digest, input.getFileName().toString(), input);
            }
        }
        this.shared = java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String name, Path file) throws IOException {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
    }

    /** The key of one PDF. */
    String key(String source) {
        String key = ContentHash.of(shared + "\n" + source);
        used.add(key);
        return key;
    }

    /** The document laid out earlier with this key, or null. */
    byte[] get(String key) throws IOException {
        Path file = folder.resolve(key + ".pdf");
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    void put(String key, byte[] pdf) throws IOException {
        SiteFiles.replace(folder.resolve(key + ".pdf"), out -> out.write(pdf));
    }

    /** Removes the documents this build did not ask for, so the folder holds one set of PDFs. */
    void prune() throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pdf") && !used.contains(name.substring(0, name.length() - 4))) Files.deleteIfExists(f);
            }
        }
    }
}
