package dk.dis.handbook.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish check's answer, worded in Danish for the CMS: each draft below breaks one of the
 * build's own rules (the sync's, the convert stage's, the link checker's), and the problem comes
 * back on its field and line with the Danish text of its rule, not the English fallback.
 * No CMS is needed: the check is given the published pages, as the CMS sends them.
 */
class CheckWordingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static PreviewService preview;

    @BeforeAll
    static void start() throws Exception {
        TestHandbook site = new TestHandbook(dir.resolve("site"));
        // Nothing listens there: the check reads only what it is given.
        StrapiClient offline = new StrapiClient(CmsSettings.of(URI.create("http://127.0.0.1:9"), "unused"));
        preview = new PreviewService(site.root, dir.resolve("work"), offline, new PreviewToken("wording-secret-for-the-tests-0123456789"),
                Clock.systemUTC(), s -> {});
    }

    @AfterAll
    static void stop() {
        if (preview != null) preview.close();
    }

    static ObjectNode entry(String id, String title, String section, String slug, int order, String body) {
        return JSON.createObjectNode().put("documentId", id).put("locale", "da").put("title", title).put("section", section)
                .put("slug", slug).put("sortOrder", order).put("pageType", "page").put("date", "2017-12-12")
                .put("summary", "Resumé af " + title + ".").put("owner", "Opgaveudvalg om Innovation")
                .put("reviewed", "2026-11-24").put("nextReview", "2027-11-24").put("template", "standard").put("body", body);
    }

    /** Checks the step 1 page with {@code change} made to its draft. */
    static PreviewService.CheckResult check(Consumer<ObjectNode> change) throws Exception {
        ObjectNode draft = entry("trin1", "Politiske principper", "trin-1", "trin-1", 10, "[[saet-retning]]\n== Sæt retning\n\nFokusér.");
        change.accept(draft);
        ObjectNode request = JSON.createObjectNode().put("documentId", "trin1").put("locale", "da");
        request.set("entry", draft);
        ArrayNode published = request.putObject("published").putArray("da");
        published.add(entry("forside", "Forside", "forside", "forside", 0, "Velkommen.\n\nlink:/trin-1/[Trin 1]"));
        published.add(entry("trin1", "Politiske principper", "trin-1", "trin-1", 10, "[[saet-retning]]\n== Sæt retning\n\nFokusér."));
        published.add(entry("om", "Om håndbogen", "om", "om", 90, "[[kontakt]]\n== Kontakt\n\nSkriv til os."));
        return preview.check(JSON.readTree(request.toString()));
    }

    static PreviewService.Problem only(List<PreviewService.Problem> problems) {
        assertThat(problems).as(String.valueOf(problems)).hasSize(1);
        return problems.get(0);
    }

    @Test
    void anUnchangedPageIsAccepted() throws Exception {
        PreviewService.CheckResult result = check(d -> {});
        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aLinkToAPageThatDoesNotExistIsWordedInDanishOnTheBodysLine() throws Exception {
        PreviewService.CheckResult result = check(d -> d.put("body", "[[saet-retning]]\n== Sæt retning\n\nSe link:/findes-ikke/[x]."));
        PreviewService.Problem p = only(result.problems());
        assertThat(result.ok()).isFalse();
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.key()).isEqualTo("link.page");
        assertThat(p.params()).first().isEqualTo("/findes-ikke/");
        assertThat(p.text()).isEqualTo("Linket til /findes-ikke/ peger på en side, der ikke findes på sitet. "
                + "Ret linket, eller vælg siden med knappen Link i værktøjslinjen.");
        // The build log keeps the rule's own words.
        assertThat(p.message()).startsWith("links to '/findes-ikke/', but no page is published");
    }

    @Test
    void aLinkToASectionThePageLacksNamesTheSection() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("body", "Se link:/om/#adresse[adressen].")).problems());
        assertThat(p.key()).isEqualTo("link.anchor");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.text()).startsWith("Linket til /om/#adresse peger på et afsnit (»adresse«), som siden /om/ ikke har.");
    }

    @Test
    void anEmptyRequiredFieldSaysFillItIn() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("summary", "   ")).problems());
        assertThat(p.field()).isEqualTo("summary");
        assertThat(p.key()).isEqualTo("empty");
        assertThat(p.text()).isEqualTo("Feltet er tomt. Udfyld det, og offentliggør igen.");
    }

    @Test
    void rawHtmlNamesItsLineAndWhatItIs() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("body", "Tekst.\n\n++++\n<b>x</b>\n++++")).problems().stream()
                .filter(x -> x.line() != null && x.line() == 3).toList());
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.key()).isEqualTo("unsafe");
        assertThat(p.text()).startsWith("Teksten indeholder en blok med rå HTML (++++), som håndbogen ikke tager imod fra CMS'et.");
    }

    @Test
    void aDateThatIsNotADateAndASlugWithCapitals() throws Exception {
        List<PreviewService.Problem> problems = check(d -> d.put("reviewed", "24-11-2026").put("slug", "Trin-Ét")).problems();
        assertThat(problems).extracting(PreviewService.Problem::field).contains("reviewed", "slug");
        assertThat(problems).extracting(PreviewService.Problem::text)
                .contains("»24-11-2026« er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2017-12-12.",
                        "»Trin-Ét« kan ikke bruges i en adresse. Brug kun små bogstaver a-z, tallene 0-9 og bindestreg (æ → ae, ø → oe, å → aa).");
    }

    @Test
    void aNextReviewBeforeTheLastReviewIsTheBuildsRuleWordedInDanish() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("nextReview", "2020-01-01")).problems());
        assertThat(p.field()).isEqualTo("nextReview");
        assertThat(p.key()).isEqualTo("nextReview");
        assertThat(p.text()).isEqualTo("Næste gennemgang skal ligge efter datoen for seneste gennemgang (2026-11-24). Ret datoen.");
    }

    @Test
    void anImageWithoutAlternativeTextSaysWhatToWrite() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("body", "Tekst.\n\nimage::/uploads/kort_1a2b.png[]")).problems());
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.key()).isEqualTo("image.alt");
        assertThat(p.text()).startsWith("Billedet »/uploads/kort_1a2b.png« har ingen alternativ tekst.");
    }

    @Test
    void aSecondPageTitleIsAnAsciidocErrorWordedInDanish() throws Exception {
        PreviewService.Problem p = only(check(d -> d.put("body", "Tekst.\n\n= Endnu en titel\n\nMere.")).problems());
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.key()).isEqualTo("asciidoc.secondTitle");
        assertThat(p.text()).startsWith("Linjen er en ekstra sidetitel");
    }

    @Test
    void aMarkdownLinkIsAWarningInDanishWithTheAsciidocToWrite() throws Exception {
        PreviewService.CheckResult result = check(d -> d.put("body", "Se [kommunen](https://gentofte.dk) for mere."));
        PreviewService.Problem w = only(result.warnings());
        assertThat(w.line()).isEqualTo(1);
        assertThat(w.key()).isEqualTo("markdown");
        assertThat(w.text()).isEqualTo("Linjen ligner et link fra Markdown: [kommunen](https://gentofte.dk). "
                + "I Asciidoc skriver man https://gentofte.dk[kommunen]. Ret linjen.");
    }

    @Test
    void aMessageNoRuleKnowsKeepsItsDetailBehindADanishLeadIn() {
        CheckWording.Wording w = CheckWording.of("something new went wrong.");
        assertThat(w.key()).isEqualTo("other");
        assertThat(w.text()).startsWith("Håndbogens bygning kan ikke tage siden sådan.").endsWith("something new went wrong.");
    }

    @Test
    void everyKeyTheRulesUseHasADanishText() {
        // One message of each rule and phrase; a key without Danish text would throw here.
        for (String message : List.of("is empty. Fill it in and publish again.", "is missing.",
                "is 300 characters long; at most 150 are allowed. Shorten it and publish again.",
                "is 'x', must be page or post.", "is 'x', must be one of [a, b].",
                "is 'x'. Give it a whole number (10, 20, 30…) and publish again.",
                "had line breaks; they became spaces.",
                "contains an include directive, which the handbook does not allow from the CMS. Remove it.",
                "has 'a b', which contains spaces or line breaks. Use a path such as /x/ (a-z, 0-9, '-' and '/' only).",
                "looks like a Markdown table | a | b |; in Asciidoc write |=== on a line before and after the table's rows, without the |---| line "
                        + "(a blank line after the first row makes it the header row).",
                "image 'x.svg' is an SVG; only PNG.", "image '/uploads/x.png' (used on trin-1/x.adoc (da)) is not in the CMS's Media Library. Insert it.",
                "slug 'x' is used by 2 pages: a, b. Slugs must be unique; change or unpublish all but one.",
                "has a malformed link 'http://['.", "Asciidoctor error (line 3): unterminated listing block",
                "could not be rendered: boom", "another page: page 'Forside': links to '/x/'")) {
            CheckWording.Wording w = CheckWording.of(message);
            assertThat(w.key()).as(message).isNotEqualTo("other");
            assertThat(w.text()).as(message).doesNotContain("{0}").doesNotContain("{1}").doesNotContain("{2}");
        }
        assertThat(CheckWording.of("has 'a b', which contains spaces or line breaks. Use a path such as /x/ (a-z, 0-9, '-' and '/' only).").text())
                .contains("indeholder mellemrum eller linjeskift");
    }
}
