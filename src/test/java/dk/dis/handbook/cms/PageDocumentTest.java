package dk.dis.handbook.cms;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PageDocumentTest {
    private static final Path CONTENT = Path.of("content");

    @Test
    void everyHandWrittenPageIsWrittenBackByteForByte() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONTENT)) {
            files = walk.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            PageDocument page = PageDocument.parse(CONTENT.relativize(file), text, problems);
            assertThat(problems).as(file.toString()).isEmpty();
            assertThat(page.toAsciidoc()).as(file.toString()).isEqualTo(text);
            // Pages of another language live in content/LOCALE/, the same place under their locale's root.
            Path relative = CONTENT.relativize(file);
            if (relative.getNameCount() > 1 && PageDocument.isLocaleFolder(CONTENT, relative.getName(0))) {
                relative = relative.subpath(1, relative.getNameCount());
            }
            assertThat(page.relativePath()).isEqualTo(relative.toString().replace('\\', '/'));
        }
    }

    @Test
    void optionalFieldsAppearInTheirPlaceOnlyWhenSet() {
        PageDocument page = new PageDocument("Møder", "post", "draft", "2017-12-12", "m1", "Resumé.", "moeder", 10, null,
                "Udvalget", "2026-11-24", "2027-11-24", "Rettet dato, 2026", "a, b", null, null, null, null, "Tekst.\n\n\n");
        assertThat(page.toAsciidoc()).isEqualTo("""
                = Møder
                :jbake-type: post
                :jbake-status: draft
                :jbake-date: 2017-12-12
                :jbake-slug: m1
                :jbake-summary: Resumé.
                :jbake-section: moeder
                :jbake-order: 10
                :jbake-owner: Udvalget
                :jbake-reviewed: 2026-11-24
                :jbake-nextreview: 2027-11-24
                :jbake-changenote: Rettet dato, 2026
                :jbake-tags: a, b

                Tekst.
                """);
        assertThat(page.relativePath()).isEqualTo("moeder/m1.adoc");
        assertThat(PageDocument.relativePath("forside", "forside")).isEqualTo("index.adoc");
        assertThat(PageDocument.relativePath("trin-2", "trin-2")).isEqualTo("trin-2/index.adoc");
    }

    @Test
    void aBrokenHeaderNamesTheFileAndTheMissingFields() {
        List<String> problems = new ArrayList<>();
        PageDocument page = PageDocument.parse(Path.of("trin-1/x.adoc"), "= X\n:jbake-type: page\n\nTekst.\n", problems);
        assertThat(page).isNull();
        assertThat(problems).singleElement().asString().contains("content/trin-1/x.adoc").contains("jbake-owner").contains("jbake-slug");
    }

    @Test
    void templateWorksheetSourceOldUrlsAndLanguageAreFieldsOfTheirOwn() {
        String file = """
                = Arbejdsark
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2017-12-12
                :jbake-slug: arbejdsark
                :jbake-summary: Et ark.
                :jbake-section: trin-2
                :jbake-order: 15
                :jbake-owner: Udvalget
                :jbake-reviewed: 2026-11-24
                :jbake-nextreview: 2027-11-24
                :jbake-tags: a, b
                :jbake-template: worksheet
                :jbake-worksheet-source: /trin-2/noeglespoergsmaal/
                :jbake-oldslugs: gammelt-ark, /trin-9/ark/
                :jbake-lang: en

                Tekst.
                """;
        java.util.List<String> problems = new java.util.ArrayList<>();
        PageDocument page = PageDocument.parse(java.nio.file.Path.of("trin-2/arbejdsark.adoc"), file, problems);
        assertThat(problems).isEmpty();
        assertThat(page.template()).isEqualTo("worksheet");
        assertThat(page.worksheetSource()).isEqualTo("/trin-2/noeglespoergsmaal/");
        assertThat(page.oldSlugs()).isEqualTo("gammelt-ark, /trin-9/ark/");
        assertThat(page.lang()).isEqualTo("en");
        assertThat(page.toAsciidoc()).isEqualTo(file);
    }

    @Test
    void aHeaderLineTheCmsCannotHoldStopsThePushNamingTheFileAndLine() {
        List<String> problems = new ArrayList<>();
        String file = "= X\n:jbake-type: page\n:jbake-redirect: https://evil.example/\n\nTekst.\n";
        assertThat(PageDocument.parse(Path.of("trin-1/x.adoc"), file, problems)).isNull();
        assertThat(problems).singleElement().asString()
                .contains("content/trin-1/x.adoc", "line 3", "jbake-redirect", "not a field the CMS holds");

        problems.clear();
        String unknownTemplate = dk.dis.handbook.support.TestHandbook.header("X", "trin-1", "x", ":jbake-template: raw") + "Tekst.\n";
        assertThat(PageDocument.parse(Path.of("trin-1/x.adoc"), unknownTemplate, problems)).isNull();
        assertThat(problems).singleElement().asString().contains("content/trin-1/x.adoc", "jbake-template", "'raw'");
    }
}
