package dk.dis.handbook.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publish check's problems in Danish, for the secretary in the CMS. The rules stay where
 * they are (the sync, the convert stage, the link checker: one rule set, shared with the build,
 * whose log stays English); this class recognises each rule's English message, takes its
 * parameters out, and words it with the Danish text of {@code messages/check_da.properties}
 * under the rule's key. A message no rule here knows keeps its English detail behind a Danish
 * lead-in (key {@code other}), so nothing the build says is ever lost.
 */
public final class CheckWording {

    /** One problem worded for the CMS: the key of its text, its parameters (as the rule gave them), and the Danish text. */
    public record Wording(String key, List<String> params, String text) {}

    private record Rule(String key, Pattern pattern) {}

    private static Rule rule(String key, String regex) {
        return new Rule(key, Pattern.compile(regex, Pattern.DOTALL));
    }

    /**
     * The messages of the rules a checked entry can meet, without the field and line the check
     * has already taken out ("field 'body' line 3: …" → "…"). Order matters where two could match.
     */
    private static final List<Rule> PROBLEMS = List.of(
            // The sync: one entry's fields (cms.CmsSync).
            rule("empty", "is empty\\. (?:Fill it in|Set the date) and publish again\\."),
            rule("missing", "is missing\\."),
            rule("tooLong.body", "is (\\d+) characters long; at most (\\d+) are allowed\\. Shorten it or split the page in two and publish again\\."),
            rule("tooLong", "is (\\d+) characters long; at most (\\d+) are allowed\\. Shorten it and publish again\\."),
            rule("pageType", "is '(.*)', must be page or post\\."),
            rule("oneOf", "is '(.*)', must be one of \\[?(.*?)\\]?\\."),
            rule("worksheetSource", "is empty; a worksheet needs the page whose questions it asks, e\\.g\\. (\\S+)\\. Fill it in and publish again\\."),
            rule("sortOrder", "is (?:empty|'(.*)')\\. Give it a whole number \\(10, 20, 30…\\) and publish again\\."),
            rule("wholeNumber", "is '(.*)', not a whole number\\..*"),
            rule("name", "is '(.*)': use lower-case a-z, 0-9 and '-' only.*"),
            rule("date", "is '(.*)', not a date.*"),
            rule("lineBreaks", "had line breaks; they became spaces\\."),
            rule("unsafe", "contains (.+), which the handbook does not allow from the CMS\\..*"),
            rule("unsafe", "(?:line \\d+ )?has (.+), which is not allowed in content\\..*"),
            rule("sitePath.tooLong", "is (\\d+) characters long; an address of the handbook has at most (\\d+)\\."),
            rule("sitePath", "has '(.*)', which (.+?)\\. Use .*"),
            rule("markdown", "looks like (a Markdown code fence|a Markdown heading|a Markdown table|a Markdown image|a Markdown link|HTML) (.*); in Asciidoc write (.*?)\\.?"),
            rule("image.notUpload", "image '(.*)' is not an upload of the CMS\\..*"),
            rule("image.alt", "image '(.*)' has no alternative text\\..*"),
            rule("image.svg", "image '(.*)' is an SVG;.*"),
            rule("image.name", "image '(.*)' is not the name of an uploaded .*"),
            rule("image.tooBig", "image '(.*)' is (\\d+) MB; images may be at most (\\d+) MB.*"),
            rule("image.notImage", "image '(.*)' is not a PNG, JPEG, GIF or WebP image.*"),
            rule("image.missing", "image '(.*)' \\(used on .*\\) is not in the CMS's Media Library\\..*"),
            rule("slugTwice", "slug '(.*)' is used by (\\d+) pages: .*"),
            rule("samePlace", "two pages would be written to content/(.*); change the slug or section of one of them\\."),
            // The build: the convert stage and the link checker, located in the entry by CmsOrigins.
            rule("link.page", "links to '(.*)', but no page is published at (.*?)\\..*"),
            rule("link.anchor", "links to '(.*)', but the page (.*) has no section with id '(.*)'\\..*"),
            rule("link.malformed", "has a malformed link '(.*)'\\..*"),
            rule("nextReview", "must be after jbake-reviewed \\((.*)\\)\\..*"),
            rule("anchor.gone", "no longer has the section anchor #(\\S+) that was published as (\\S+) \\(recorded in .*"),
            rule("asciidoc.secondTitle", "Asciidoctor error(?: \\(line \\d+\\))?: level 0 sections can only be used when doctype is book.*"),
            rule("asciidoc", "Asciidoctor error(?: \\(line \\d+\\))?: (.*?)\\.?"),
            rule("asciidoc.unreadable", "could not be (?:rendered|parsed): (.*?)\\.?(?: Check the Asciidoc syntax.*)?"),
            rule("locale", "locale '(.*)' is not one of \\[(.*)\\]"),
            rule("otherPage", "another page: (.*)"));

    /** Parts of a message that are themselves English advice: worded in Danish where they are a parameter. */
    private static final List<Rule> PHRASES = List.of(
            rule("fence", "---- on a line before and after the text"),
            rule("sourceFence", "\\[source,(.*)\\] on a line, then ---- on a line before and after the text"),
            rule("heading", "(==+ .*) \\(a page has one title, its first line\\)"),
            rule("table", "\\|=== on a line before and after the table's rows, without the \\|---\\| line \\(a blank line after the first row makes it the header row\\)"),
            rule("br", "a space and \\+ at the end of the line"),
            rule("p", "a blank line between paragraphs"),
            rule("ul", "a line for each item, starting with \\* \\(or \\. for a numbered list\\)"),
            rule("ol", "a line for each item, starting with \\."),
            rule("img", "image::FILE\\[alternative text\\]"),
            rule("hr", "''' on a line of its own"),
            rule("htmlTable", "an Asciidoc table \\(\\|=== before and after its rows\\)"),
            rule("plain", "plain Asciidoc \\(see docs/content-format\\.md\\)"),
            rule("what.fence", "a Markdown code fence"),
            rule("what.heading", "a Markdown heading"),
            rule("what.table", "a Markdown table"),
            rule("what.image", "a Markdown image"),
            rule("what.link", "a Markdown link"),
            rule("what.html", "HTML"),
            rule("unsafe.block", "a raw HTML passthrough block \\((.*)\\)"),
            rule("unsafe.inline", "an inline passthrough \\((.*)\\)"),
            rule("unsafe.include", "an include directive"),
            rule("unsafe.docinfo", "a docinfo attribute"),
            rule("unsafe.script", "a script or data URL"),
            rule("path.url", "is a full URL or another site"),
            rule("path.spaces", "contains spaces or line breaks"),
            rule("path.wildcard", "is a wildcard"),
            rule("path.placeholder", "contains a placeholder \\(':'\\)"),
            rule("path.query", "contains a query or fragment"),
            rule("path.up", "steps out of the folder"),
            rule("path.front", "is the front page"),
            rule("path.characters", "has characters other than a-z, 0-9, '-' and '/'"));

    private static final ResourceBundle DANISH = ResourceBundle.getBundle("messages.check", Locale.forLanguageTag("da"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private CheckWording() {}

    /** The Danish wording of one of the rules' messages. */
    public static Wording of(String message) {
        String text = message == null ? "" : message.strip();
        for (Rule rule : PROBLEMS) {
            Matcher m = rule.pattern().matcher(text);
            if (m.matches()) {
                List<String> params = groups(m);
                return new Wording(rule.key(), params, fill(danish("check." + rule.key()), params.stream().map(CheckWording::phrase).toList()));
            }
        }
        return new Wording("other", List.of(text), fill(danish("check.other"), List.of(text)));
    }

    /** Whether a rule here knows the message (the rest is worded with its English detail). */
    public static boolean knows(String message) {
        return !"other".equals(of(message).key());
    }

    private static String phrase(String param) {
        for (Rule rule : PHRASES) {
            Matcher m = rule.pattern().matcher(param);
            if (m.matches()) return fill(danish("check.phrase." + rule.key()), groups(m));
        }
        return param;
    }

    private static List<String> groups(Matcher m) {
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) params.add(m.group(i) == null ? "" : m.group(i));
        return List.copyOf(params);
    }

    /** {0}, {1}, … replaced by the parameters (no MessageFormat: Danish text has apostrophes, as in CMS'et). */
    static String fill(String template, List<String> params) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\d)\\}").matcher(template);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < params.size() ? params.get(i) : ""));
        }
        return m.appendTail(out).toString();
    }

    private static String danish(String key) {
        try {
            return DANISH.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("messages/check_da.properties has no '" + key + "'", e);
        }
    }
}
