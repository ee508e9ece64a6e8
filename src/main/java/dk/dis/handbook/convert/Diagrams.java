package dk.dis.handbook.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SVG diagrams of assets/diagrams/, read once and inlined where pages place them. */
public final class Diagrams {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<div class=\"diagram\" data-diagram=\"([a-z0-9-]+)\"></div>");

    private final Path dir;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Diagrams(Path dir) {
        this.dir = dir;
    }

    static String placeholder(String name) {
        return "<div class=\"diagram\" data-diagram=\"" + name + "\"></div>";
    }

    /** The SVG markup of a diagram; throws naming the diagram when it does not exist. */
    public String svg(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("diagram name '" + name + "' may only use a-z, 0-9 and '-'");
        }
        return cache.computeIfAbsent(name, this::read);
    }

    /** Replaces the placeholders in a sanitized body with the diagrams, byte for byte as committed. */
    String inline(String sanitizedBody) {
        Matcher m = PLACEHOLDER.matcher(sanitizedBody);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<div class=\"diagram\">\n" + svg(m.group(1)) + "\n</div>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String read(String name) {
        Path file = dir.resolve(name + ".svg");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown diagram '" + name + "': " + file + " does not exist");
        }
        try {
            // An XML declaration is not allowed inside HTML.
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\\s*<\\?xml[^>]*\\?>", "").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
