package dk.dis.handbook.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images in a page: uploads of the CMS's Media Library, referenced as
 * {@code image::/uploads/FILE[Alternative text]} and kept in content/uploads/. Only raster formats
 * every browser shows are taken (an SVG can carry scripts), each with its alternative text and
 * within a size limit. The sync, the convert stage and cms-push use the same rules.
 */
public final class PageImages {
    /** Where uploads are referenced from pages, and the folder under content/ that holds them. */
    public static final String URL_PREFIX = "/uploads/";
    public static final String FOLDER = "uploads";
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    // As Asciidoctor reads them: a block image's target may hold spaces, an inline image's may not.
    private static final Pattern BLOCK = Pattern.compile("^image::(\\S|\\S.*?\\S)?\\[(.*)\\]\\s*$");
    private static final Pattern INLINE = Pattern.compile("image:([^:\\s\\[][^\\s\\[]*)\\[([^\\]\\n]*)\\]");
    private static final Pattern REMOTE = Pattern.compile("(?i)(https?:)?//.*");
    private static final Pattern NAMED_ALT = Pattern.compile("(?:^|,)\\s*alt\\s*=\\s*\"?([^\",]*)");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.(png|jpe?g|gif|webp)",
            Pattern.CASE_INSENSITIVE);

    /** One image macro: its line (1-based), the target as written, and its alternative text. */
    public record Reference(int line, String target, String alt, int start, int end) {
        public boolean isUpload() {
            return target.startsWith(URL_PREFIX);
        }

        /** An image from another site: left to the sanitizer, which makes it a link. */
        public boolean isRemote() {
            return REMOTE.matcher(target).matches();
        }

        /**
         * What is wrong with the reference itself (not an upload, a name that cannot be one, no
         * alternative text) with what to write instead; null when it is right or remote.
         */
        public String problem() {
            if (isRemote()) return null;
            if (!isUpload()) {
                return "is not an upload of the CMS. Insert images from the Media Library; they are written image::/uploads/FILE[Alternative text].";
            }
            String name = nameProblem(fileName());
            if (name != null) return name;
            if (alt.isEmpty()) {
                return "has no alternative text. Say in a few words what it shows: image::" + target + "[Kort over kommunens skoler].";
            }
            return null;
        }

        /** The upload's file name, e.g. kort_1a2b3c.png. */
        public String fileName() {
            return target.substring(URL_PREFIX.length());
        }
    }

    private PageImages() {}

    /** Every image macro outside listing and literal blocks, in order. Offsets are into {@code source}. */
    public static List<Reference> find(String source) {
        List<Reference> found = new ArrayList<>();
        AsciidocLines.outsideVerbatim(source, (number, line, offset) -> {
            Matcher block = BLOCK.matcher(line);
            if (block.matches()) {
                String target = block.group(1) == null ? "" : block.group(1);
                int start = block.group(1) == null ? offset + "image::".length() : offset + block.start(1);
                found.add(new Reference(number, target, altText(block.group(2)), start, start + target.length()));
                return;
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                found.add(new Reference(number, m.group(1), altText(m.group(2)), offset + m.start(1), offset + m.end(1)));
            }
        });
        return found;
    }

    /** The first positional attribute, or a named alt="…"; quotes removed. */
    static String altText(String attributes) {
        Matcher named = NAMED_ALT.matcher(attributes);
        String alt = named.find() ? named.group(1) : attributes.split(",", -1)[0];
        if (alt.contains("=")) alt = "";
        return alt.strip().replaceAll("^\"|\"$", "").strip();
    }

    /** Why {@code name} cannot be an upload's file name, or null when it can. */
    public static String nameProblem(String name) {
        if (FILE_NAME.matcher(name).matches() && !name.contains("..")) return null;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            return "is an SVG; only PNG, JPEG, GIF and WebP images are taken (an SVG can carry scripts). Save it as PNG and upload that.";
        }
        return "is not the name of an uploaded PNG, JPEG, GIF or WebP image (letters, digits, '-', '_' and '.' only).";
    }

    /** What kind of raster image the bytes begin with ("png", "jpeg", "gif", "webp"), or null. */
    public static String rasterType(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') return "png";
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) return "jpeg";
        if (head.length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') return "gif";
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') return "webp";
        return null;
    }

    /** Why the file is not an image the handbook publishes (missing, too big, not a raster image), or null. */
    public static String fileProblem(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return "is not in content/" + FOLDER + "/ (sync from the CMS again, or add the file there).";
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return "is " + (size / (1024 * 1024)) + " MB; images may be at most " + (MAX_BYTES / (1024 * 1024))
                    + " MB. Save it smaller (e.g. 2000 pixels wide) and upload it again.";
        }
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (rasterType(java.util.Arrays.copyOf(head, n)) == null) {
            return "is not a PNG, JPEG, GIF or WebP image (its contents say otherwise). Save it as PNG or JPEG and upload that.";
        }
        return null;
    }
}
