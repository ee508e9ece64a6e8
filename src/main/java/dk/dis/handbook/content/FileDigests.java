package dk.dis.handbook.content;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of files, remembered by {@link FileStamp} between builds, so a build that hashes every
 * file (the service workers' version of the published site; the inputs a build compares with the
 * last one's) reads only files that are new or changed.
 */
public final class FileDigests {

    /**
     * A file edited in place can keep its size and, within the file system's clock tick (up to two
     * seconds on some), its time: an input's digest is remembered only once its time is this much older
     * than the moment it was read.
     */
    static final long SETTLED_NANOS = 2_000_000_000L;

    private record Known(FileStamp stamp, String digest) {}

    private final Map<String, Known> before;
    private final Map<String, Known> now = new ConcurrentHashMap<>();
    private final boolean settledOnly;

    private FileDigests(Map<String, Known> before, boolean settledOnly) {
        this.before = before;
        this.settledOnly = settledOnly;
    }

    /** No memory: every file is read. */
    public static FileDigests none() {
        return new FileDigests(Map.of(), false);
    }

    /**
     * The digests of the published site's files in {@code file}; none if it cannot be read. The build
     * never rewrites a published file in place, so its stamp is trusted at once.
     */
    public static FileDigests read(Path file) {
        return new FileDigests(known(file), false);
    }

    /**
     * The digests of input files (content, templates) in {@code file}, which editors may rewrite in
     * place: a digest is remembered only for a file whose time is {@link #SETTLED_NANOS} older than
     * the moment it was read.
     */
    public static FileDigests ofInputs(Path file) {
        return new FileDigests(known(file), true);
    }

    /** One "path TAB fileKey TAB size TAB time TAB digest" line each; none if the file cannot be read. */
    private static Map<String, Known> known(Path file) {
        if (file == null || !Files.isRegularFile(file)) return Map.of();
        Map<String, Known> known = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length != 5) return Map.of();
                known.put(f[0], new Known(new FileStamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])), f[4]));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return known;
    }

    /** The digest (hex) of {@code relative} under {@code root}: remembered while the file is the same one, else read. */
    public String of(Path root, String relative) throws IOException {
        return of(relative, root.resolve(relative));
    }

    /** The digest (hex) of {@code file}, remembered under {@code name}: remembered while the file is the same one, else read. */
    public String of(String name, Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        Known k = before.get(name);
        String digest = k != null && stamp != null && stamp.equals(k.stamp()) ? k.digest() : ContentHash.of(Files.readAllBytes(file));
        if (stamp != null && (!settledOnly || settled(stamp))) now.put(name, new Known(stamp, digest));
        return digest;
    }

    private static boolean settled(FileStamp stamp) {
        java.time.Instant now = java.time.Instant.now();
        return stamp.modifiedNanos() < now.getEpochSecond() * 1_000_000_000L + now.getNano() - SETTLED_NANOS;
    }

    /** True when this build asked for a digest the memory did not hold, or no longer asked for one it held. */
    public boolean changed() {
        if (now.size() != before.size()) return true;
        for (Map.Entry<String, Known> e : now.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) return true;
        return false;
    }

    /** Writes the digests asked for in this build, replacing {@code file} whole. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SiteFiles.replace(file, out -> {
            try (BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (Map.Entry<String, Known> e : new TreeMap<>(now).entrySet()) {
                    FileStamp s = e.getValue().stamp();
                    w.write(String.join("\t", List.of(e.getKey(), s.fileKey(), Long.toString(s.size()),
                            Long.toString(s.modifiedNanos()), e.getValue().digest())));
                    w.write('\n');
                }
            }
        });
    }
}
