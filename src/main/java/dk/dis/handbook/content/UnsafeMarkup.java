package dk.dis.handbook.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Content may come from a CMS, so it is untrusted. Asciidoctor has no safe mode that removes raw
 * HTML, so the markup that would let content carry HTML or read files is refused before
 * conversion (an image from another site is made a link by the sanitizer). One list for both ways in: the CMS sync checks each field with it
 * (naming the entry and field), the convert stage each file (naming the file and line). Listing
 * and literal blocks may show such markup as text.
 */
public final class UnsafeMarkup {

    private record Rule(Pattern pattern, String what) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^\\+{4,}\\s*$"), "a raw HTML passthrough block (++++)"),
            new Rule(Pattern.compile("^\\[pass(\\]|,)"), "a raw HTML passthrough block ([pass])"),
            new Rule(Pattern.compile("pass:[a-z,]*\\["), "an inline passthrough (pass:[])"),
            new Rule(Pattern.compile("\\+\\+\\+.*?\\+\\+\\+"), "an inline passthrough (+++…+++)"),
            new Rule(Pattern.compile("\\$\\$.*?\\$\\$"), "an inline passthrough ($$…$$)"),
            new Rule(Pattern.compile("^\\s*include::"), "an include directive"),
            new Rule(Pattern.compile("^:docinfo[0-9]*:"), "a docinfo attribute"),
            new Rule(Pattern.compile("(?i)(?<![a-z0-9])(javascript|vbscript|data):"), "a script or data URL"));

    private UnsafeMarkup() {}

    /** What of the list {@code text} holds, once each, in the list's order; empty when it is safe. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        forEachHit(text, (line, what) -> {
            if (!found.contains(what)) found.add(what);
        });
        return found;
    }

    /** One unsafe construct and the line (from 1) it is on. */
    public record Found(int line, String what) {}

    /** Every unsafe construct of {@code text} with its line, in the text's order. */
    public static List<Found> findWithLines(String text) {
        List<Found> found = new ArrayList<>();
        forEachHit(text, (line, what) -> found.add(new Found(line, what)));
        return found;
    }

    /** Adds a problem naming {@code file} and the line for each unsafe construct in {@code source}. */
    public static void scan(String file, String source, List<ContentProblem> problems) {
        forEachHit(source, (line, what) -> problems.add(new ContentProblem(file, null, "line " + line + " has " + what
                + ", which is not allowed in content.",
                "Write the content in plain Asciidoc (see docs/content-format.md); diagrams use diagram::NAME[].")));
    }

    private interface Hit {
        void at(int line, String what);
    }

    private static void forEachHit(String source, Hit hit) {
        AsciidocLines.outsideVerbatim(source, (number, line, offset) -> {
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(line).find()) hit.at(number, rule.what());
            }
        });
    }
}
