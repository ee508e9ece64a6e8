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
 * The SHA-256 of files of the published site, remembered by {@link FileStamp} between builds, so
 * a build that hashes every file (the service workers' version) reads only files that are new or changed.
 */
public final class FileDigests {

    private record Known(FileStamp stamp, String digest) {}

    private final Map<String, Known> before;
    private final Map<String, Known> now = new ConcurrentHashMap<>();

    private FileDigests(Map<String, Known> before) {
        this.before = before;
    }

    /** No memory: every file is read. */
    public static FileDigests none() {
        return new FileDigests(Map.of());
    }

    /** The digests in {@code file} (one "path TAB fileKey TAB size TAB time TAB digest" line each); none if it cannot be read. */
    public static FileDigests read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return none();
        Map<String, Known> known = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length != 5) return none();
                known.put(f[0], new Known(new FileStamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])), f[4]));
            }
        } catch (IOException | RuntimeException e) {
            return none();
        }
        return new FileDigests(known);
    }

    /** The digest (hex) of {@code relative} under {@code root}: remembered while the file is the same one, else read. */
    public String of(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        FileStamp stamp = FileStamp.of(file);
        Known k = before.get(relative);
        String digest = k != null && stamp != null && stamp.equals(k.stamp()) ? k.digest() : ContentHash.of(Files.readAllBytes(file));
        if (stamp != null) now.put(relative, new Known(stamp, digest));
        return digest;
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
