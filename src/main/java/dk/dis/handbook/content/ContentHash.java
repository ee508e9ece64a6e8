package dk.dis.handbook.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of texts, files and trees: for deciding what an incremental build may reuse,
 * and for the content-hashed names of published files (assets, uploads, search files).
 */
public final class ContentHash {

    /** How many hex digits of the hash a content-hashed file name carries. */
    public static final int NAME_DIGITS = 10;

    private ContentHash() {}

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The short fingerprint a content-hashed file name carries. */
    public static String ofName(byte[] bytes) {
        return of(bytes).substring(0, NAME_DIGITS);
    }

    /** {@code path} with the fingerprint of {@code bytes} before its extension: css/site.css → css/site.1a2b3c4d5e.css. */
    public static String hashedName(String path, byte[] bytes) {
        String hash = ofName(bytes);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) return path + "." + hash;
        return path.substring(0, dot) + "." + hash + path.substring(dot);
    }

    /** The hex form of what {@code digest} was given. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A hash of named parts, each framed by its name and length, so no two lists of parts run together. */
    public static Parts parts() {
        return new Parts();
    }

    public static final class Parts {
        private final MessageDigest digest = digest();

        private Parts() {}

        public Parts add(String name, String value) {
            return add(name, value.getBytes(StandardCharsets.UTF_8));
        }

        public Parts add(String name, byte[] value) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(value.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value);
            return this;
        }

        /** Every regular file below {@code root}, in path order, named by its path under {@code root}. */
        public Parts addFiles(Path root) throws IOException {
            for (Path file : Trees.files(root)) add(root.relativize(file).toString(), Files.readAllBytes(file));
            return this;
        }

        public String hex() {
            return ContentHash.hex(digest);
        }
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
