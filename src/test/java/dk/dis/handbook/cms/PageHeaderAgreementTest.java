package dk.dis.handbook.cms;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.PageHeader;
import dk.dis.handbook.convert.ConvertStage;
import dk.dis.handbook.convert.HtmlSanitizer;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header the CMS writes is the header the convert stage reads: the same fields, values and required fields. */
class PageHeaderAgreementTest {
    private static final PageDocument WORKSHEET = new PageDocument("Arbejdsark", "page", "published", "2017-12-12", "arbejdsark",
            "Et ark med spørgsmål.", "trin-2", 15, "Ark", "Opgaveudvalget", "2026-11-24", "2027-11-24", "Nye spørgsmål",
            "ark, spørgsmål", "worksheet", "/trin-2/noeglespoergsmaal/", "gammelt-ark, /trin-9/ark/", null, "Tekst.");

    @TempDir
    Path dir;

    @Test
    void whatTheCmsWritesTheConvertStageReadsWithTheSameValues() throws Exception {
        Page page = convert(WORKSHEET.toAsciidoc());
        assertThat(page.title()).isEqualTo(WORKSHEET.title());
        assertThat(page.type()).isEqualTo(WORKSHEET.type());
        assertThat(page.status()).isEqualTo(WORKSHEET.status());
        assertThat(page.date()).isEqualTo(LocalDate.parse(WORKSHEET.date()));
        assertThat(page.slug()).isEqualTo(WORKSHEET.slug());
        assertThat(page.section()).isEqualTo(WORKSHEET.section());
        assertThat(page.summary()).isEqualTo(WORKSHEET.summary());
        assertThat(page.order()).isEqualTo(WORKSHEET.order());
        assertThat(page.navTitle()).isEqualTo(WORKSHEET.navTitle());
        assertThat(page.owner()).isEqualTo(WORKSHEET.owner());
        assertThat(page.reviewed()).isEqualTo(LocalDate.parse(WORKSHEET.reviewed()));
        assertThat(page.nextReview()).isEqualTo(LocalDate.parse(WORKSHEET.nextReview()));
        assertThat(page.changeNote()).isEqualTo(WORKSHEET.changeNote());
        assertThat(page.tags()).containsExactly("ark", "spørgsmål");
        assertThat(page.template()).isEqualTo(WORKSHEET.template());
        assertThat(page.templateSource()).isEqualTo(WORKSHEET.worksheetSource());
        assertThat(page.oldUrls()).containsExactly("/trin-2/gammelt-ark/", "/trin-9/ark/");

        // And the CMS reads back what it wrote; every field it writes is a field of the one header list, in its order.
        List<String> problems = new ArrayList<>();
        assertThat(PageDocument.parse(Path.of(WORKSHEET.relativePath()), WORKSHEET.toAsciidoc(), problems)).isEqualTo(WORKSHEET);
        assertThat(problems).isEmpty();
        assertThat(List.copyOf(WORKSHEET.headerValues().keySet())).isEqualTo(PageHeader.NAMES);
    }

    @Test
    void bothRefuseAPageWithoutARequiredFieldAndBothTakeOneWithoutAnOptionalField() throws Exception {
        List<String> optional = PageHeader.NAMES.stream().filter(f -> !PageHeader.REQUIRED.contains(f)).toList();
        assertThat(PageHeader.REQUIRED).contains("jbake-status", "jbake-date", "jbake-owner", "jbake-nextreview");
        for (String field : PageHeader.NAMES) {
            if (field.equals("jbake-lang")) continue; // names the locale folder; the page here is in the default locale
            String text = without(WORKSHEET.toAsciidoc(), field);
            List<String> problems = new ArrayList<>();
            PageDocument read = PageDocument.parse(Path.of(WORKSHEET.relativePath()), text, problems);
            boolean required = PageHeader.REQUIRED.contains(field) || field.equals(PageHeader.WORKSHEET_SOURCE);
            if (required) {
                assertThat(read).as(field).isNull();
                assertThat(problems).as(field).singleElement().asString().contains(field);
                assertThatThrownBy(() -> convert(text)).as(field).isInstanceOf(ContentException.class)
                        .satisfies(e -> assertThat(((ContentException) e).problems()).extracting(ContentProblem::field).contains(field));
            } else {
                assertThat(optional).contains(field);
                assertThat(problems).as(field).isEmpty();
                assertThat(read).as(field).isNotNull();
                assertThat(convert(text)).as(field).isNotNull();
            }
        }
    }

    @Test
    void bothRefuseTheSameBadValues() throws Exception {
        for (String[] bad : new String[][] {{"jbake-order", "tiende"}, {"jbake-date", "12-12-2017"}, {"jbake-status", "udgivet"},
                {"jbake-type", "article"}, {"jbake-template", "raw"}}) {
            String text = WORKSHEET.toAsciidoc().replaceFirst("(?m)^:" + bad[0] + ": .*$", ":" + bad[0] + ": " + bad[1]);
            List<String> problems = new ArrayList<>();
            assertThat(PageDocument.parse(Path.of(WORKSHEET.relativePath()), text, problems)).as(bad[0]).isNull();
            assertThat(problems).as(bad[0]).singleElement().asString().contains(bad[0], "'" + bad[1] + "'");
            assertThatThrownBy(() -> convert(text)).as(bad[0]).isInstanceOf(ContentException.class)
                    .satisfies(e -> assertThat(((ContentException) e).problems()).extracting(ContentProblem::field).contains(bad[0]));
        }
    }

    private static String without(String text, String field) {
        return text.replaceFirst("(?m)^:" + field + ":.*\\n", "");
    }

    private Page convert(String text) throws Exception {
        Path content = Files.createTempDirectory(dir, "content");
        Path file = content.resolve(WORKSHEET.relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        ConvertStage.Result result = new ConvertStage(TestHandbook.engine(), new HtmlSanitizer("https://handbog.example/"))
                .run(content, true, List.of("da"));
        assertThat(result.pages()).hasSize(1);
        return result.pages().get(0);
    }
}
