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
 * The PDFs' style sheet (assets/pdf/print.css) with the handbook's colours, municipality and preview
 * mark put in. The page numbers are drawn when the PDF is bound ({@link PdfBinder}).
 */
final class PrintStyle {
    static final String FILE = "pdf/print.css";

    private PrintStyle() {}

    static String css(Path assetsDir, HandbookConfig config, String previewMark) throws IOException, ContentException {
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
                "preview", quoted(previewMark == null ? "" : previewMark)).entrySet()) {
            css = css.replace("var(--" + v.getKey() + ")", v.getValue());
        }
        return css;
    }

    /** A CSS string. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }
}
