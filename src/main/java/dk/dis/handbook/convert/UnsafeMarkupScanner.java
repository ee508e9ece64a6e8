package dk.dis.handbook.convert;

import dk.dis.handbook.content.ContentProblem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Content may come from a CMS, so it is untrusted. Asciidoctor has no safe mode that removes raw
 * HTML, so the markup that would let content carry HTML or read files is refused before conversion,
 * naming the file and line. Listing and literal blocks may show such markup as text.
 */
final class UnsafeMarkupScanner {

    private record Rule(Pattern pattern, String what) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^\\+{4,}\\s*$"), "a raw HTML passthrough block (++++)"),
            new Rule(Pattern.compile("^\\[pass(\\]|,)"), "a raw HTML passthrough block ([pass])"),
            new Rule(Pattern.compile("pass:[a-z,]*\\["), "an inline passthrough (pass:[])"),
            new Rule(Pattern.compile("\\+\\+\\+.*?\\+\\+\\+"), "an inline passthrough (+++…+++)"),
            new Rule(Pattern.compile("\\$\\$.*?\\$\\$"), "an inline passthrough ($$…$$)"),
            new Rule(Pattern.compile("^include::"), "an include directive"),
            new Rule(Pattern.compile("^:docinfo[0-9]*:"), "a docinfo attribute"),
            new Rule(Pattern.compile("(?i)(javascript|vbscript|data):"), "a script or data URL"));

    private static final Pattern VERBATIM_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");

    private UnsafeMarkupScanner() {}

    static void scan(String file, String source, List<ContentProblem> problems) {
        String[] lines = source.split("\n", -1);
        String openVerbatim = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (VERBATIM_DELIMITER.matcher(line).matches()) {
                String delimiter = line.strip();
                if (openVerbatim == null) openVerbatim = delimiter;
                else if (openVerbatim.equals(delimiter)) openVerbatim = null;
                continue;
            }
            if (openVerbatim != null) continue;
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(line).find()) {
                    problems.add(new ContentProblem(file, null, "line " + (i + 1) + " has " + rule.what()
                            + ", which is not allowed in content.",
                            "Write the content in plain Asciidoc (see docs/content-format.md); diagrams use diagram::NAME[]."));
                }
            }
        }
    }
}
