package dk.dis.handbook.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing into a site folder that is being built. An incremental build hard-links unchanged pages
 * from the published site, so a later stage must never rewrite a page in place (that would change
 * the published copy too): it writes a new file and moves it over the old name.
 */
public final class SiteFiles {

    private SiteFiles() {}

    /** Replaces {@code file}'s content by writing a new file in its place (never in place). */
    public static void replace(Path file, String text) throws IOException {
        replace(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Something that writes a file's content. */
    public interface Writing {
        void to(java.io.OutputStream out) throws IOException;
    }

    /** Writes {@code file} whole or not at all: a new file, moved over the old name when complete. */
    public static void replace(Path file, Writing content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".replace-", ".tmp");
        try {
            try (var out = Files.newOutputStream(temp)) {
                content.to(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts an unchanged file from the published site into the new one: a hard link where the file
     * system allows it (no copying, and removing the old site then frees nothing), else a copy.
     */
    public static void reuse(Path published, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, published);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(published, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
