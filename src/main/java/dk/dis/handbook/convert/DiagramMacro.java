package dk.dis.handbook.convert;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code diagram::NAME[]} marks where the accessible SVG {@code assets/diagrams/NAME.svg} goes. For
 * HTML the macro leaves a placeholder; {@link Diagrams} puts the SVG in after the body has been
 * sanitized, so content never needs raw HTML and the trusted SVG never passes through the sanitizer.
 * For the PDF backend it is an image block of the same SVG file, drawn as vector graphics.
 */
@Name("diagram")
public class DiagramMacro extends BlockMacroProcessor {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>");

    private final Diagrams diagrams;

    public DiagramMacro(Diagrams diagrams) {
        this.diagrams = diagrams;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        String svg = diagrams.svg(target); // fails here, naming the page, if the diagram does not exist
        if ("pdf".equals(parent.getDocument().getAttribute("backend"))) {
            // asciidoctor-pdf draws the SVG file as vector graphics (prawn-svg), found via imagesdir.
            Map<String, Object> image = new HashMap<>();
            image.put("target", target + ".svg");
            image.put("alt", title(svg, target));
            image.put("pdfwidth", "100%");
            return createBlock(parent, "image", (String) null, image);
        }
        return createBlock(parent, "pass", Diagrams.placeholder(target));
    }

    private static String title(String svg, String fallback) {
        Matcher m = TITLE.matcher(svg);
        return m.find() ? m.group(1).strip() : fallback;
    }
}
