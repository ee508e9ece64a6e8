package dk.dis.handbook.bake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * A page's converted HTML as plain text for machines (the text file beside each page): a
 * blank line around each paragraph, heading and listing, list items with "- ", table
 * cells separated by " | "; indentation is not kept. Diagrams keep their title and description only.
 */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "aside", "blockquote", "pre",
            "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br");

    private PlainText() {}

    static String of(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        // Drawings say what they show in their title and description; their labels would be noise.
        for (Element svg : body.select("svg")) {
            StringBuilder said = new StringBuilder();
            for (Element e : svg.select("title, desc")) said.append(e.text()).append(' ');
            svg.replaceWith(new Element("p").text(said.toString().strip()));
        }
        // A table row is one line of its cells' text.
        for (Element table : body.select("table")) {
            Element rows = new Element("div");
            Element caption = table.selectFirst("caption");
            if (caption != null) rows.appendElement("p").text(caption.text());
            for (Element row : table.select("tr")) rows.appendElement("p").text(String.join(" | ", row.select("th, td").eachText()));
            table.replaceWith(rows);
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text().replace('\u00a0', ' '));
                } else if (node instanceof Element e) {
                    if (BLOCKS.contains(e.normalName())) blankLine(out, e.normalName().matches("h[1-6]|p|pre|figure") ? 2 : 1);
                    if (e.nameIs("li")) out.append("- ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    blankLine(out, e.normalName().matches("h[1-6]|p|pre|figure") ? 2 : 1);
                }
            }
        }, body);
        StringBuilder clean = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) clean.append(line.strip().replaceAll(" {2,}", " ")).append('\n');
        return clean.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** Ends the current line and leaves {@code lines} - 1 empty lines after it. */
    private static void blankLine(StringBuilder out, int lines) {
        int have = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) have++;
        // A list item's first paragraph stays on the item's line.
        if (out.length() == 0 || have == 0 && out.length() >= 2
                && out.charAt(out.length() - 1) == ' ' && out.charAt(out.length() - 2) == '-') return;
        // Leading spaces of a new line are trimmed away at the end anyway.
        while (have < lines) {
            out.append('\n');
            have++;
        }
    }
}
