package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Converts a Strapi Blocks field (the JSON tree of its rich-text editor) to Asciidoc: paragraphs,
 * headings, ordered and unordered lists (nested), quotes, code, images, links and the marks bold,
 * italic, underline, strikethrough and code. An unknown node type is reported through
 * {@code warn} and its text is kept. Text is escaped so it cannot become Asciidoc markup.
 */
public final class BlocksToAsciidoc {

    private final Consumer<String> warn;
    private final String where;

    /** @param where names the CMS entry and field in warnings */
    public BlocksToAsciidoc(String where, Consumer<String> warn) {
        this.where = where;
        this.warn = warn;
    }

    public String convert(JsonNode blocks) {
        if (blocks == null || !blocks.isArray()) return "";
        List<String> out = new ArrayList<>();
        for (JsonNode block : blocks) {
            String text = block(block);
            if (!text.isBlank()) out.add(text.strip());
        }
        return String.join("\n\n", out);
    }

    private String block(JsonNode node) {
        String type = node.path("type").asText();
        return switch (type) {
            case "paragraph" -> guardLineStarts(inline(node.path("children")));
            case "heading" -> {
                int level = Math.max(1, Math.min(5, node.path("level").asInt(2)));
                // Level 1 in the editor is a section of the page: the page title is the document title.
                yield "=".repeat(level + 1) + " " + inline(node.path("children")).replace('\n', ' ');
            }
            case "list" -> list(node, 1);
            case "quote" -> "____\n" + guardLineStarts(inline(node.path("children"))) + "\n____";
            case "code" -> {
                String language = node.path("language").asText("");
                String head = language.matches("[a-z0-9+#-]{1,20}") && !"plaintext".equals(language) ? "[source," + language + "]\n" : "";
                yield head + "----\n" + plain(node.path("children")).replace("\n----", "\n ----") + "\n----";
            }
            case "image" -> image(node);
            default -> {
                warn.accept(where + ": unknown Blocks node type '" + type + "'; kept its text as a paragraph.");
                yield guardLineStarts(inline(node.path("children")));
            }
        };
    }

    private String list(JsonNode node, int depth) {
        boolean ordered = "ordered".equals(node.path("format").asText());
        String marker = (ordered ? "." : "*").repeat(Math.min(depth, 5));
        List<String> items = new ArrayList<>();
        for (JsonNode item : node.path("children")) {
            if ("list".equals(item.path("type").asText())) {
                items.add(list(item, depth + 1));
            } else if ("list-item".equals(item.path("type").asText())) {
                StringBuilder text = new StringBuilder();
                List<String> nested = new ArrayList<>();
                for (JsonNode child : item.path("children")) {
                    if ("list".equals(child.path("type").asText())) {
                        nested.add(list(child, depth + 1));
                    } else {
                        text.append(inlineNode(child));
                    }
                }
                StringBuilder entry = new StringBuilder(marker).append(' ').append(text.toString().replace('\n', ' ').strip());
                for (String n : nested) entry.append('\n').append(n);
                items.add(entry.toString());
            } else {
                warn.accept(where + ": unknown node type '" + item.path("type").asText() + "' in a list; kept its text.");
                items.add(marker + " " + inlineNode(item).replace('\n', ' ').strip());
            }
        }
        return String.join("\n", items);
    }

    private String image(JsonNode node) {
        JsonNode image = node.path("image");
        String url = image.path("url").asText("");
        String alt = escape(image.path("alternativeText").asText(image.path("name").asText("")));
        if (!url.startsWith("/uploads/") || url.contains("..") || !url.matches("[A-Za-z0-9/._-]+")) {
            warn.accept(where + ": image '" + url + "' is not an upload of this CMS; wrote its alternative text instead.");
            return alt;
        }
        if (alt.isBlank()) {
            warn.accept(where + ": image '" + url + "' has no alternative text; add one in the media library.");
        }
        return "image::" + url + "[" + alt.replace(",", "{comma}") + "]";
    }

    private String inline(JsonNode children) {
        StringBuilder s = new StringBuilder();
        for (JsonNode child : children) s.append(inlineNode(child));
        return s.toString();
    }

    private String inlineNode(JsonNode node) {
        String type = node.path("type").asText();
        switch (type) {
            case "text":
                return marks(node);
            case "link": {
                String url = node.path("url").asText("");
                String label = inline(node.path("children"));
                if (url.startsWith("/") && !url.startsWith("//") && url.matches("[A-Za-z0-9/._~#-]+")) {
                    return "link:" + url + "[" + label.replace("]", "{endsb}") + "]";
                }
                if ((url.startsWith("https://") || url.startsWith("http://") || url.startsWith("mailto:"))
                        && !url.matches(".*[\\s\\[\\]<>\"].*")) {
                    return url + "[" + label.replace("]", "{endsb}") + "]";
                }
                warn.accept(where + ": link '" + url + "' is not an http(s), mailto or site link; kept only its text.");
                return label;
            }
            default:
                if (node.has("children")) {
                    warn.accept(where + ": unknown inline node type '" + type + "'; kept its text.");
                    return inline(node.path("children"));
                }
                if (node.has("text")) {
                    warn.accept(where + ": unknown inline node type '" + type + "'; kept its text.");
                    return escape(node.path("text").asText());
                }
                warn.accept(where + ": unknown inline node type '" + type + "' without text; left out.");
                return "";
        }
    }

    private String marks(JsonNode text) {
        String value = text.path("text").asText("");
        if (value.isEmpty()) return "";
        if (text.path("code").asBoolean()) {
            return "``" + value.replace("`", "{backtick}") + "``";
        }
        // Marks wrap the text but not its surrounding spaces, so "**bold **" stays valid markup.
        String lead = value.substring(0, value.length() - value.stripLeading().length());
        String trail = value.substring(value.stripTrailing().length());
        String core = escape(value.strip());
        if (core.isEmpty()) return value;
        if (text.path("bold").asBoolean()) core = "**" + core + "**";
        if (text.path("italic").asBoolean()) core = "__" + core + "__";
        if (text.path("underline").asBoolean()) core = "[.underline]##" + core + "##";
        if (text.path("strikethrough").asBoolean()) core = "[.line-through]##" + core + "##";
        return lead + core + trail;
    }

    /** Makes CMS text literal: characters that start Asciidoc markup become attribute references. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> s.append("{asterisk}");
                case '+' -> s.append("{plus}");
                case '`' -> s.append("{backtick}");
                case '^' -> s.append("{caret}");
                case '~' -> s.append("{tilde}");
                case '[' -> s.append("{startsb}");
                case ']' -> s.append("{endsb}");
                case '|' -> s.append("{vbar}");
                case '\\' -> s.append("{backslash}");
                case '_', '#' -> s.append("&#").append((int) c).append(';');
                case '{' -> s.append("&#123;");
                case ':' -> s.append(i + 1 < text.length() && text.charAt(i + 1) == ':' ? "{two-colons}" : ":");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                default -> s.append(c);
            }
            if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') i++;
        }
        return s.toString().replace("\n", " +\n");
    }

    /** A paragraph line that starts like a block delimiter, list, title or attribute would change structure. */
    static String guardLineStarts(String paragraph) {
        String[] lines = paragraph.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("^(=|\\.|-|'|/|:|\\d+\\.|<|>|NOTE:|TIP:|IMPORTANT:|WARNING:|CAUTION:).*")) {
                lines[i] = "{empty}" + lines[i];
            }
        }
        return String.join("\n", lines);
    }

    private String plain(JsonNode children) {
        StringBuilder s = new StringBuilder();
        for (JsonNode child : children) {
            if (child.has("text")) s.append(child.path("text").asText());
            else s.append(plain(child.path("children")));
        }
        return s.toString();
    }
}
