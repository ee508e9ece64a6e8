package dk.dis.handbook.content;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSlipsTest {

    private static MarkdownSlips.Slip only(String text) {
        List<MarkdownSlips.Slip> slips = MarkdownSlips.find(text);
        assertThat(slips).as(text).hasSize(1);
        return slips.get(0);
    }

    @Test
    void aMarkdownLinkSaysWhichAsciidocLinkToWrite() {
        MarkdownSlips.Slip slip = only("Første linje.\n\nSe [rapporten](https://example.dk/rapport.pdf) her.");
        assertThat(slip.line()).isEqualTo(3);
        assertThat(slip.found()).isEqualTo("[rapporten](https://example.dk/rapport.pdf)");
        assertThat(slip.write()).isEqualTo("https://example.dk/rapport.pdf[rapporten]");
        assertThat(slip.message()).isEqualTo("line 3 looks like a Markdown link [rapporten](https://example.dk/rapport.pdf); "
                + "in Asciidoc write https://example.dk/rapport.pdf[rapporten]");

        assertThat(only("Se [Sæt retning](/trin-1/#saet-retning).").write()).isEqualTo("link:/trin-1/#saet-retning[Sæt retning]");
        assertThat(only("[Skriv](mailto:dis@example.dk)").write()).isEqualTo("mailto:dis@example.dk[Skriv]");
        assertThat(only("[Kommunen](www.gentofte.dk)").write()).isEqualTo("https://www.gentofte.dk[Kommunen]");
        assertThat(only("Se [noten](#note \"Noten\").").write()).isEqualTo("link:#note[noten]");
        assertThat(MarkdownSlips.find("To links: [a](https://a.dk) and [b](https://b.dk).")).hasSize(2);
    }

    @Test
    void aMarkdownImageBecomesAnImageMacro() {
        MarkdownSlips.Slip block = only("![Kort over kommunen](billeder/kort.png)");
        assertThat(block.what()).isEqualTo("a Markdown image");
        assertThat(block.write()).isEqualTo("image::billeder/kort.png[Kort over kommunen]");
        assertThat(only("Logo ![Logo](/uploads/logo.png) i teksten.").write()).isEqualTo("image:/uploads/logo.png[Logo]");
    }

    @Test
    void aMarkdownPageTitleInThePageBecomesASection() {
        MarkdownSlips.Slip slip = only("Tekst.\n\n# Overskrift");
        assertThat(slip.line()).isEqualTo(3);
        assertThat(slip.write()).isEqualTo("== Overskrift (a page has one title, its first line)");
        assertThat(only("Tekst.\n# Baggrund #").write()).startsWith("== Baggrund ");
        // The first line is the page's title, and ## … ###### are sections to Asciidoctor.
        assertThat(MarkdownSlips.find("# Titel\n\n## Formål\n\n### Baggrund\n\n###### Noter")).isEmpty();
        assertThat(MarkdownSlips.find("Tekst.\n\n#hashtag og #mærket tekst#")).isEmpty();
        assertThat(MarkdownSlips.find("Nummer # 5 i teksten")).isEmpty();
    }

    @Test
    void aTildeFenceIsReportedOnceAndWhatItHoldsIsNot() {
        List<MarkdownSlips.Slip> slips = MarkdownSlips.find("Tekst.\n\n~~~java\n# ikke en overskrift\n[a](https://a.dk)\n~~~\n\nEfter.");
        assertThat(slips).hasSize(1);
        assertThat(slips.get(0).line()).isEqualTo(3);
        assertThat(slips.get(0).write()).isEqualTo("[source,java] on a line, then ---- on a line before and after the text");
        assertThat(only("~~~\nkode\n~~~").write()).isEqualTo("---- on a line before and after the text");
    }

    @Test
    void aMarkdownTableIsReportedAtItsRuleLine() {
        MarkdownSlips.Slip slip = only("| Felt | Værdi |\n|---|:---:|\n| a | b |");
        assertThat(slip.line()).isEqualTo(2);
        assertThat(slip.what()).isEqualTo("a Markdown table");
        assertThat(slip.write()).startsWith("|=== on a line before and after the table's rows");
    }

    @Test
    void htmlTagsSayWhatToWriteWithTheirText() {
        assertThat(only("Det er <b>vigtigt</b>.").write()).isEqualTo("*vigtigt*");
        assertThat(only("Det er <strong>vigtigt</strong>.").found()).isEqualTo("<strong>vigtigt</strong>");
        assertThat(only("Det er <em>vigtigt</em>.").write()).isEqualTo("_vigtigt_");
        assertThat(only("Se <a href=\"https://gentofte.dk\">kommunen</a>.").write()).isEqualTo("https://gentofte.dk[kommunen]");
        assertThat(only("Linje et<br>linje to").write()).isEqualTo("a space and + at the end of the line");
        assertThat(MarkdownSlips.find("<ul>\n<li>punkt</li>\n</ul>")).hasSize(4);
    }

    /** Valid Asciidoc, and Markdown-looking text where Asciidoc shows it as it is. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Dette er **fed** og __kursiv__ midt i ord**et**.",
            "Se link:/trin-1/#saet-retning[Sæt retning] (det første princip).",
            "Se https://example.dk[siden](som er ny) og link:/x/[tekst](/y/).",
            "Se <<saet-retning>> og <<saet-retning,Sæt retning>>.",
            "[[saet-retning]]\n== Sæt retning\n\n[.lead]\nTekst.",
            "[cols=\"1,2\"]\n|===\n|a |b\n\n|---|---|\n|===",
            "Skriv `[tekst](https://example.dk)` for et Markdown-link og ``## Overskrift`` for en overskrift.",
            "Inline +[tekst](https://example.dk)+ som den er.",
            "----\n# Overskrift\n[tekst](https://example.dk)\n<b>fed</b>\n----",
            "Tekst.\n\n```markdown\n# Overskrift\n[tekst](https://example.dk)\n```",
            "....\n# Overskrift\n![alt](x.png)\n....",
            "////\n[tekst](https://example.dk)\n////",
            "// [tekst](https://example.dk)",
            "[source,markdown]\n## Overskrift\n[tekst](https://example.dk)\n\nEfter.",
            "[literal]\n<b>fed</b>",
            "Tekst.\n\n  ## indrykket, en literal paragraf\n  [tekst](https://example.dk)",
            "* punkt\n** underpunkt\n. trin\n.. deltrin",
            "Skriv <navn> og a < b > c; pilen -> og <=> står for sig selv.",
            "footnote:[Se [kilden](noter)] og kbd:[Ctrl+C].",
            "image::/assets/img/logo.svg[Logo]\n\nimage:x.png[alt] inline.",
            "Hvad:: Et redskab [til](brug) i hverdagen.",
            "'''\n\n---\n\n***"})
    void validAsciidocAndVerbatimTextAreNotReported(String text) {
        assertThat(MarkdownSlips.find(text)).isEmpty();
    }

    @Test
    void aPagesWarningNamesTheFileTheLineAndOnAHeaderLineTheField() {
        List<String> warnings = new ArrayList<>();
        String page = "= Titel\n:jbake-summary: Se [dette](https://example.dk).\n\nTekst med [link](/trin-1/).\n";
        List<MarkdownSlips.Slip> slips = MarkdownSlips.scan("content/trin-1/side.adoc", page, warnings);
        assertThat(slips).hasSize(2);
        assertThat(warnings).containsExactly(
                "content/trin-1/side.adoc: field 'jbake-summary', line 2 looks like a Markdown link [dette](https://example.dk); "
                        + "in Asciidoc write https://example.dk[dette].",
                "content/trin-1/side.adoc: line 4 looks like a Markdown link [link](/trin-1/); in Asciidoc write link:/trin-1/[link].");
    }

    @Test
    void theHandbooksOwnContentHasNoSlips() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path folder : List.of(TestHandbook.REPO.resolve("content"), TestHandbook.REPO.resolve("examples"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                    MarkdownSlips.scan(TestHandbook.REPO.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8), found);
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
