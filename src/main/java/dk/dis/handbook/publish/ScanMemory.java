package dk.dis.handbook.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import dk.dis.handbook.content.FileStamp;
import dk.dis.handbook.content.SiteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the publish checks found in the last published site, file by file: each file's identity
 * (inode, size, modification time) and, for a page, its links and ids. An incremental build keeps
 * an unchanged page as a hard link to the published file, so the same identity means the same
 * bytes, already parsed and passed by the output guard: only new or changed files are read again.
 * Every link is still resolved against the new site, so a page or anchor that disappeared fails the
 * build on every page that links to it.
 */
final class ScanMemory {

    private static final int FORMAT = 2;
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One file as the last successful publish saw it; {@code page} is null for a file that is not HTML. */
    record Seen(FileStamp stamp, SiteScan.ScannedPage page) {}

    /** A file: its path and stamp; a page's links, ids and citable ids too (null for other files), all as places in {@code strings}. */
    private record File(int path, FileStamp stamp, int[] links, int[] ids, int[] citable) {}

    /** Links repeat across pages (the navigation's above all): each string is stored once and referred to by its place. */
    private record Stored(int format, String key, List<String> strings, List<File> files) {}

    private final Map<String, Seen> seen;

    private ScanMemory(Map<String, Seen> seen) {
        this.seen = seen;
    }

    static ScanMemory empty() {
        return new ScanMemory(Map.of());
    }

    /** The memory in {@code file} if it was written under the same {@code key}; otherwise an empty one. */
    static ScanMemory read(Path file, String key) {
        if (file == null || !Files.isRegularFile(file)) return empty();
        try {
            Stored stored = SMILE.readValue(file.toFile(), Stored.class);
            if (stored.format() != FORMAT || !key.equals(stored.key())) return empty();
            List<String> strings = stored.strings();
            Map<String, Seen> seen = new HashMap<>(stored.files().size() * 2);
            for (File f : stored.files()) {
                String path = strings.get(f.path());
                SiteScan.ScannedPage page = f.links() == null ? null : new SiteScan.ScannedPage(path,
                        List.copyOf(of(f.links(), strings)), Set.copyOf(of(f.ids(), strings)),
                        new TreeSet<>(of(f.citable(), strings)), List.of());
                seen.put(path, new Seen(f.stamp(), page));
            }
            return new ScanMemory(seen);
        } catch (IOException | RuntimeException e) {
            // An unreadable memory only costs reading every file again.
            return empty();
        }
    }

    /** What the last publish saw of {@code path}, if the file is still the same one. */
    Seen unchanged(String path, FileStamp stamp) {
        Seen s = seen.get(path);
        return s != null && stamp != null && s.stamp().equals(stamp) ? s : null;
    }

    /** Writes what {@code scan} saw (a scan that passed every check), replacing the file whole. */
    static void write(Path file, String key, SiteScan scan) throws IOException {
        Map<String, Integer> place = new HashMap<>();
        List<String> strings = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (String path : scan.files()) {
            FileStamp stamp = scan.stamp(path);
            if (stamp == null) continue;
            SiteScan.ScannedPage page = scan.page(path);
            files.add(page == null ? new File(place(path, place, strings), stamp, null, null, null)
                    : new File(place(path, place, strings), stamp, places(page.links(), place, strings),
                    places(page.ids(), place, strings), places(page.citable(), place, strings)));
        }
        SiteFiles.replace(file, out -> SMILE.writeValue(out, new Stored(FORMAT, key, strings, files)));
    }

    private static int place(String s, Map<String, Integer> place, List<String> strings) {
        return place.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static int[] places(Collection<String> values, Map<String, Integer> place, List<String> strings) {
        return values.stream().mapToInt(s -> place(s, place, strings)).toArray();
    }

    private static List<String> of(int[] places, List<String> strings) {
        List<String> out = new ArrayList<>(places.length);
        for (int p : places) out.add(strings.get(p));
        return out;
    }
}
