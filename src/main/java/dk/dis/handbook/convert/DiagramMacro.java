package dk.dis.handbook.convert;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code diagram::NAME[]} inserts the accessible SVG {@code assets/diagrams/NAME.svg} inline, so the
 * diagram's text is real, searchable and readable by screen readers, and content never needs raw HTML.
 * For the PDF backend it is an image block of the same SVG file, drawn as vector graphics.
 */
@Name("diagram")
public class DiagramMacro extends BlockMacroProcessor {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>");

    private final Path diagramDir;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public DiagramMacro(Path diagramDir) {
        this.diagramDir = diagramDir;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        if (!NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("diagram name '" + target + "' may only use a-z, 0-9 and '-'");
        }
        String svg = cache.computeIfAbsent(target, this::read);
        if ("pdf".equals(parent.getDocument().getAttribute("backend"))) {
            // asciidoctor-pdf draws the SVG file as vector graphics (prawn-svg), found via imagesdir.
            Map<String, Object> image = new HashMap<>();
            image.put("target", target + ".svg");
            image.put("alt", title(svg, target));
            image.put("pdfwidth", "100%");
            return createBlock(parent, "image", (String) null, image);
        }
        return createBlock(parent, "pass", "<div class=\"diagram\">\n" + svg.strip() + "\n</div>");
    }

    private static String title(String svg, String fallback) {
        Matcher m = TITLE.matcher(svg);
        return m.find() ? m.group(1).strip() : fallback;
    }

    private String read(String name) {
        Path file = diagramDir.resolve(name + ".svg");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown diagram '" + name + "': " + file + " does not exist");
        }
        try {
            String svg = Files.readString(file, StandardCharsets.UTF_8);
            // Drop an XML declaration: it is not allowed inside HTML.
            return svg.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
