package dk.dis.handbook.convert;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;

/**
 * {@code diagram::NAME[]} marks where the accessible SVG {@code assets/diagrams/NAME.svg} goes. For
 * HTML the macro leaves a placeholder; {@link Diagrams} puts the SVG in after the body has been
 * sanitized, so content never needs raw HTML and the trusted SVG never passes through the sanitizer.
 * The PDFs are laid out from that HTML, so they draw the same inline SVG.
 */
@Name("diagram")
public class DiagramMacro extends BlockMacroProcessor {
    private final Diagrams diagrams;

    public DiagramMacro(Diagrams diagrams) {
        this.diagrams = diagrams;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        diagrams.svg(target); // fails here, naming the page, if the diagram does not exist
        return createBlock(parent, "pass", Diagrams.placeholder(target));
    }
}
