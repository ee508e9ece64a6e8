package dk.dis.handbook.pdf;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PDFs' style sheet (assets/pdf/print.css) with the handbook's colours, municipality, preview
 * mark and page numbers ("Side {page} af {pages}" from the message bundle) put in.
 */
final class PrintStyle {
    static final String FILE = "pdf/print.css";

    private PrintStyle() {}

    static String css(Path assetsDir, HandbookConfig config, String previewMark, String pageNumbers) throws IOException, ContentException {
        Path file = assetsDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ContentException(new ContentProblem("assets/" + FILE, null, "is missing: the PDFs' style sheet.",
                    "Restore it from the handbook's repository, or build with --no-pdf."));
        }
        HandbookConfig.Colors colors = config.colors() == null ? HandbookConfig.Colors.DEFAULT : config.colors();
        String css = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : Map.of(
                "brand", colors.brand() == null ? HandbookConfig.Colors.DEFAULT.brand() : colors.brand(),
                "brand-light", colors.brandLight() == null ? HandbookConfig.Colors.DEFAULT.brandLight() : colors.brandLight(),
                "link", colors.link() == null ? HandbookConfig.Colors.DEFAULT.link() : colors.link(),
                "text", colors.text() == null ? HandbookConfig.Colors.DEFAULT.text() : colors.text(),
                "municipality", quoted(config.municipality()),
                "preview", quoted(previewMark == null ? "" : previewMark),
                "page-numbers", counters(pageNumbers)).entrySet()) {
            css = css.replace("var(--" + v.getKey() + ")", v.getValue());
        }
        return css;
    }

    /**
     * The CSS {@code content} of a text with {@code {page}} and {@code {pages}} in it:
     * "Side {page} af {pages}" becomes {@code "Side " counter(page) " af " counter(pages)}.
     */
    static String counters(String text) {
        StringBuilder css = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(pages?)}").matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) css.append(quoted(text.substring(at, m.start()))).append(' ');
            css.append("counter(").append(m.group(1)).append(") ");
            at = m.end();
        }
        if (at < text.length()) css.append(quoted(text.substring(at)));
        return css.toString().strip();
    }

    /** A CSS string. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }
}
