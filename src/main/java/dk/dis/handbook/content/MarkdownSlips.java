package dk.dis.handbook.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (and HTML) pasted into Asciidoc from elsewhere. A Markdown link or image, a Markdown
 * table, a {@code ~~~} fence and an HTML tag are published as literal text, and a {@code #} heading
 * stops the build (to Asciidoctor it is a second page title). Each finding says what to write
 * instead. They are warnings: the text is still built. One scanner for both ways in: the convert
 * stage checks each file (naming the file and line), the CMS sync can check each field.
 * <p>
 * Nothing is reported inside listing, literal, passthrough and comment blocks, in literal
 * (indented) paragraphs, in comment lines or in inline code. Markdown that Asciidoctor reads as
 * it was meant is not reported: {@code **fed**} and {@code __kursiv__} (Asciidoc's bold and italic
 * that may stand inside a word), {@code ##} to {@code ######} headings (sections, like {@code ==})
 * and {@code ```} fences (listing blocks; what they hold is verbatim).
 */
public final class MarkdownSlips {

    /**
     * One slip.
     *
     * @param line  the line in the text, from 1
     * @param found the Markdown or HTML as written
     * @param write the Asciidoc to write instead
     * @param what  what it looks like ("a Markdown link")
     */
    public record Slip(int line, String found, String write, String what) {
        /** "line 12 looks like a Markdown link [tekst](url); in Asciidoc write url[tekst]". */
        public String message() {
            return "line " + line + " " + advice();
        }

        /** "looks like a Markdown link [tekst](url); in Asciidoc write url[tekst]". */
        public String advice() {
            return "looks like " + what + " " + found + "; in Asciidoc write " + write;
        }
    }

    /** Listing, literal, passthrough and comment blocks. */
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,})\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)\\s*([\\w+#.-]*)\\s*$");
    /** A style that makes the next paragraph verbatim. */
    private static final Pattern VERBATIM_STYLE = Pattern.compile("^\\[(source|listing|literal|pass|stem|latexmath|asciimath)(,[^\\]]*)?\\]\\s*$");
    private static final Pattern TABLE = Pattern.compile("^[|!,:]===+\\s*$");
    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:([\\w-]+!?):(?:\\s|$)");

    /** A Markdown level-1 heading: one #, a space, the title (## and more are Asciidoctor's sections). */
    private static final Pattern HEADING = Pattern.compile("^#[ \\t]+(\\S.*?)(?:[ \\t]+#+)?[ \\t]*$");
    /** A Markdown table's line under its header: |---|:---:|. */
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?[ \\t]*:?-{3,}:?[ \\t]*(\\|[ \\t]*:?-{3,}:?[ \\t]*)+\\|?[ \\t]*$");
    /** ![alt](src "title") */
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]\\n]*)\\]\\(\\s*([^\\s()]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /**
     * [text](target "title"), where the target looks like a link: a URL, a path of the site, an
     * anchor or a file. Not right after a macro's target (link:x[y](z)), a word or an image's !.
     */
    private static final Pattern LINK = Pattern.compile("(?<![\\w:/.\\]!\\[-])\\[([^\\[\\]\\n]+)\\]\\(\\s*("
            + "(?:https?://|mailto:|www\\.|/|#)[^\\s()]*|[^\\s()]+\\.(?:html?|md|pdf|adoc|docx?|xlsx?|pptx?)"
            + ")(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** An HTML element with its text on one line: <b>fed</b>, <a href="…">tekst</a>. */
    private static final Pattern HTML_ELEMENT = Pattern.compile(
            "(?<!<)<(b|strong|i|em|u|code|sup|sub|a)(\\s[^<>]*)?>([^<>]*)</\\1\\s*>", Pattern.CASE_INSENSITIVE);
    /** Any other HTML tag the text might have been copied with. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?<!<)</?(b|strong|i|em|u|br|p|a|ul|ol|li|h[1-6]|code|pre|span|div|table|tr|td|th|img|hr|sup|sub)(\\s[^<>]*)?/?>(?!>)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    /** Inline code and inline passthroughs show their text as it is. */
    private static final Pattern VERBATIM_INLINE = Pattern.compile("``.+?``|`[^`\\n]+`|\\+[^+\\n]+\\+");

    private MarkdownSlips() {}

    /** Every slip in {@code text}, in line order. */
    public static List<Slip> find(String text) {
        List<Slip> slips = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        String openBlock = null;
        boolean verbatimParagraph = false;
        boolean inTable = false;
        boolean previousBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            boolean blank = line.isBlank();
            if (openBlock != null) {
                if (line.strip().equals(openBlock)) openBlock = null;
                previousBlank = false;
                continue;
            }
            if (verbatimParagraph) {
                if (!blank) continue;
                verbatimParagraph = false;
            }
            boolean startsParagraph = previousBlank;
            previousBlank = blank;
            if (blank || line.startsWith("//") && !DELIMITER.matcher(line).matches()) continue;

            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                // ``` is Asciidoctor's listing block too; ~~~ is Markdown only, and shown as text.
                if (fence.group(1).equals("~~~")) {
                    String language = fence.group(2);
                    slips.add(new Slip(number, line.strip(), language.isEmpty() ? "---- on a line before and after the text"
                            : "[source," + language + "] on a line, then ---- on a line before and after the text", "a Markdown code fence"));
                }
                openBlock = fence.group(1);
                continue;
            }
            if (DELIMITER.matcher(line).matches()) {
                openBlock = line.strip();
                continue;
            }
            if (VERBATIM_STYLE.matcher(line).matches()) {
                // The next paragraph is verbatim (or the block its delimiter opens).
                String next = i + 1 < lines.length ? lines[i + 1] : "";
                verbatimParagraph = !DELIMITER.matcher(next).matches() && !FENCE.matcher(next).matches();
                continue;
            }
            if (TABLE.matcher(line).matches()) {
                inTable = !inTable;
                continue;
            }
            if (startsParagraph && Character.isWhitespace(line.charAt(0)) && !inTable) {
                // An indented paragraph is a literal one.
                verbatimParagraph = true;
                continue;
            }

            if (!ATTRIBUTE_ENTRY.matcher(line).find()) {
                Matcher heading = HEADING.matcher(line);
                // On the first line it is the page's title, which Asciidoctor reads from # too.
                if (heading.matches() && number > 1) {
                    slips.add(new Slip(number, line.strip(), "== " + heading.group(1) + " (a page has one title, its first line)",
                            "a Markdown heading"));
                    continue;
                }
                if (!inTable && TABLE_RULE.matcher(line).matches()) {
                    slips.add(new Slip(number, line.strip(), "|=== on a line before and after the table's rows, without the |---| line "
                            + "(a blank line after the first row makes it the header row)", "a Markdown table"));
                    continue;
                }
            }
            inline(number, line, slips);
        }
        return slips;
    }

    /**
     * Adds a warning for each slip in a page's {@code source}, naming {@code file}, the line and, on a
     * header line, the field.
     *
     * @return the slips
     */
    public static List<Slip> scan(String file, String source, List<String> warnings) {
        String[] lines = source.split("\r?\n", -1);
        List<Slip> slips = find(source);
        for (Slip slip : slips) {
            warnings.add(file + ":" + field(lines[slip.line() - 1], slip.line()) + " " + slip.message() + ".");
        }
        return slips;
    }

    /** " field 'jbake-summary'," for a header line, else "". */
    private static String field(String line, int number) {
        Matcher attribute = ATTRIBUTE_ENTRY.matcher(line);
        if (attribute.find()) return " field '" + attribute.group(1) + "',";
        return number == 1 && line.startsWith("= ") ? " field 'title'," : "";
    }

    private static void inline(int number, String line, List<Slip> slips) {
        // Inline code and passthroughs keep their text: blank them out, keeping the columns.
        StringBuilder text = new StringBuilder(line);
        blankOut(VERBATIM_INLINE.matcher(line), text);
        String scanned = text.toString();

        Matcher image = IMAGE.matcher(scanned);
        while (image.find()) {
            boolean alone = scanned.substring(0, image.start()).isBlank() && scanned.substring(image.end()).isBlank();
            slips.add(new Slip(number, image.group(), (alone ? "image::" : "image:") + image.group(2) + "[" + image.group(1) + "]",
                    "a Markdown image"));
        }
        Matcher link = LINK.matcher(scanned);
        while (link.find()) {
            slips.add(new Slip(number, link.group(), asciidocLink(link.group(2), link.group(1)), "a Markdown link"));
        }
        Matcher element = HTML_ELEMENT.matcher(scanned);
        while (element.find()) {
            slips.add(new Slip(number, element.group(),
                    htmlInAsciidoc(element.group(1).toLowerCase(Locale.ROOT), element.group(2), element.group(3)), "HTML"));
        }
        blankOut(HTML_ELEMENT.matcher(scanned), text);
        Matcher tag = HTML_TAG.matcher(text);
        while (tag.find()) {
            slips.add(new Slip(number, tag.group(), htmlInAsciidoc(tag.group(1).toLowerCase(Locale.ROOT), tag.group(2), null), "HTML"));
        }
    }

    private static void blankOut(Matcher matches, StringBuilder text) {
        while (matches.find()) {
            for (int c = matches.start(); c < matches.end(); c++) text.setCharAt(c, ' ');
        }
    }

    /** The Asciidoc of a link to {@code target} with {@code text}. */
    private static String asciidocLink(String target, String text) {
        if (target.startsWith("www.")) target = "https://" + target;
        if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
            return target + "[" + text + "]";
        }
        return "link:" + target + "[" + text + "]";
    }

    /** What to write for an HTML tag, with the element's text when known. */
    private static String htmlInAsciidoc(String tag, String attributes, String content) {
        String text = content == null || content.isBlank() ? "text" : content.strip();
        switch (tag) {
            case "b": case "strong": return "*" + text + "*";
            case "i": case "em": return "_" + text + "_";
            case "u": return "[.underline]#" + text + "#";
            case "code": return "`" + text + "`";
            case "sup": return "^" + text + "^";
            case "sub": return "~" + text + "~";
            case "a": {
                Matcher href = attributes == null ? null : HREF.matcher(attributes);
                return asciidocLink(href != null && href.find() ? href.group(1) : "URL", text);
            }
            case "br": return "a space and + at the end of the line";
            case "p": return "a blank line between paragraphs";
            case "ul": case "li": return "a line for each item, starting with * (or . for a numbered list)";
            case "ol": return "a line for each item, starting with .";
            case "img": return "image::FILE[alternative text]";
            case "hr": return "''' on a line of its own";
            case "pre": return "---- on a line before and after the text";
            case "table": case "tr": case "td": case "th": return "an Asciidoc table (|=== before and after its rows)";
            default:
                if (tag.matches("h[1-6]")) return "=".repeat(Math.max(2, tag.charAt(1) - '0')) + " " + text;
                return "plain Asciidoc (see docs/content-format.md)";
        }
    }
}
