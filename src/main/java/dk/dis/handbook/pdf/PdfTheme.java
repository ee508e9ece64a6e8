package dk.dis.handbook.pdf;

import dk.dis.handbook.config.HandbookConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PDF theme (assets/pdf/theme.yml) with the municipality's colours from handbook.yml put in. */
final class PdfTheme {
    private PdfTheme() {}

    static Path write(Path theme, HandbookConfig.Colors colors, Path dir) throws IOException {
        if (!Files.isRegularFile(theme)) {
            throw new IOException(theme + ": the PDF theme is missing. Restore assets/pdf/theme.yml, or build with --no-pdf.");
        }
        String yaml = Files.readString(theme, StandardCharsets.UTF_8);
        if (colors != null) {
            yaml = withValue(yaml, "brand_primary", colors.brand());
            yaml = withValue(yaml, "brand_accent", colors.link());
        }
        return Files.writeString(dir.resolve("handbook-theme.yml"), yaml, StandardCharsets.UTF_8);
    }

    /** The colours PdfBinder draws with: the theme's brand_primary, brand_text and brand_muted (hex, no #). */
    static PdfBinder.Colors colors(Path writtenTheme) throws IOException {
        String yaml = Files.readString(writtenTheme, StandardCharsets.UTF_8);
        return new PdfBinder.Colors(value(yaml, "brand_primary", "003A70"), value(yaml, "brand_text", "1A1A1A"),
                value(yaml, "brand_muted", "4A4A4A"));
    }

    private static String value(String yaml, String key, String fallback) {
        Matcher m = Pattern.compile("^" + key + ":\\s*'?([0-9A-Fa-f]{6})'?\\s*$", Pattern.MULTILINE).matcher(yaml);
        return m.find() ? m.group(1) : fallback;
    }

    /** Replaces a top-level key's value; the theme's own value stays when the config has none. */
    static String withValue(String yaml, String key, String color) {
        if (color == null) return yaml;
        Pattern line = Pattern.compile("^" + key + ":.*$", Pattern.MULTILINE);
        return line.matcher(yaml).replaceFirst(Matcher.quoteReplacement(key + ": " + color.substring(1).toUpperCase()));
    }
}
