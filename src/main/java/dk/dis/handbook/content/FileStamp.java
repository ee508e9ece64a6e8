package dk.dis.handbook.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A file's identity on disk: its inode (file key), size and modification time. The build never
 * rewrites a published file in place (an unchanged file is a hard link to the published one, a
 * changed one a new file), so the same stamp means the same bytes.
 */
public record FileStamp(String fileKey, long size, long modifiedNanos) {

    /** The stamp of a file, or null when the file system gives no file key. */
    public static FileStamp of(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key == null) return null;
        Instant t = attributes.lastModifiedTime().toInstant();
        return new FileStamp(key.toString(), attributes.size(), t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    public static FileStamp of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }
}
