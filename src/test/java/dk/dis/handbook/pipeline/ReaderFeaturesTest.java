package dk.dis.handbook.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.publish.AnchorRecord;
import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What readers get besides the pages: change notes and the changes page with its feed, notices on
 * pages past their review, the page list for secretaries, llms.txt and each page as text, section
 * links and the record of published anchors, and no offline copy of a preview.
 */
class ReaderFeaturesTest {
    static final String CHANGES_PAGE = header("Seneste ændringer", "aendringer", "aendringer", ":jbake-order: 87")
            + "Ændringerne med de nyeste først.\n\n[#seneste-aendringer]\n--\nListen dannes, når håndbogen bygges.\n--\n";

    @TempDir
    Path dir;
    TestHandbook handbook;

    @BeforeEach
    void setUp() throws Exception {
        handbook = new TestHandbook(dir).minimalSite().write("aendringer/index.adoc", CHANGES_PAGE);
    }

    Document page(String outputPath) throws Exception {
        return Jsoup.parse(handbook.read(outputPath));
    }

    @Test
    void aChangeNoteIsUnderTheTitleOnTheChangesPageAndInItsFeed() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-reviewed: 2027-03-12",
                ":jbake-nextreview: 2028-03-12", ":jbake-changenote: Afsnittet om test er skrevet om.") + "Tekst.\n");
        handbook.build();

        assertThat(page("trin-1/detaljer/index.html").selectFirst(".page-header .change-note").text())
                .isEqualTo("Ændret 12. marts 2027: Afsnittet om test er skrevet om.");
        assertThat(page("trin-1/index.html").select(".change-note")).isEmpty();

        Document changes = page("aendringer/index.html");
        assertThat(changes.select(".changes-list li")).hasSize(1);
        assertThat(changes.selectFirst(".changes-list li").text()).isEqualTo("Detaljer 12. marts 2027: Afsnittet om test er skrevet om.");
        assertThat(changes.selectFirst(".changes-list a").attr("href")).isEqualTo("/trin-1/detaljer/");
        assertThat(changes.selectFirst("link[type=application/atom+xml][href=/aendringer/feed.xml]")).isNotNull();

        Document feed = Jsoup.parse(handbook.read("aendringer/feed.xml"), "", Parser.xmlParser());
        assertThat(feed.select("entry")).hasSize(1);
        assertThat(feed.selectFirst("entry > title").text()).isEqualTo("Detaljer");
        assertThat(feed.selectFirst("entry > link").attr("href")).isEqualTo(TestHandbook.repoConfig().baseUrlTrimmed() + "/trin-1/detaljer/");
        assertThat(feed.selectFirst("entry > updated").text()).isEqualTo("2027-03-12T00:00:00Z");
        assertThat(feed.selectFirst("entry > summary").text()).isEqualTo("Ændret 12. marts 2027: Afsnittet om test er skrevet om.");
        assertThat(feed.selectFirst("feed > updated").text()).isEqualTo("2027-03-12T00:00:00Z");
    }

    @Test
    void aPagePastItsReviewSaysSoAsOfTheBuildsDate() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-reviewed: 2024-01-10",
                ":jbake-nextreview: 2025-01-10") + "Tekst.\n");
        handbook.build(handbook.options().withToday(LocalDate.of(2026, 12, 1)));
        assertThat(page("trin-1/detaljer/index.html").selectFirst(".review-overdue").text())
                .isEqualTo("Siden skulle have været gennemgået den 10. januar 2025. Ansvarlig for siden: Opgaveudvalg om Innovation.");
        assertThat(page("trin-1/index.html").select(".review-overdue")).isEmpty();

        JsonNode list = new ObjectMapper().readTree(handbook.read("sider.json"));
        assertThat(list.get("date").asText()).isEqualTo("2026-12-01");
        List<String> overdue = new ArrayList<>();
        for (JsonNode p : list.get("pages")) if (p.get("overdue").asBoolean()) overdue.add(p.get("path").asText());
        assertThat(overdue).containsExactly("/trin-1/detaljer/");
        JsonNode details = null;
        for (JsonNode p : list.get("pages")) if (p.get("path").asText().equals("/trin-1/detaljer/")) details = p;
        assertThat(details.get("owner").asText()).isEqualTo("Opgaveudvalg om Innovation");
        assertThat(details.get("reviewed").asText()).isEqualTo("2024-01-10");
        assertThat(details.get("nextReview").asText()).isEqualTo("2025-01-10");
        assertThat(list.get("pages")).hasSize(5);

        // The day before the review was due, the same content shows no notice: the date is the build's input.
        handbook.build(handbook.options().withToday(LocalDate.of(2025, 1, 10)));
        assertThat(page("trin-1/detaljer/index.html").select(".review-overdue")).isEmpty();
    }

    @Test
    void aNextReviewBeforeTheReviewStopsTheBuild() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-reviewed: 2026-11-24",
                ":jbake-nextreview: 2026-01-01") + "Tekst.\n");
        assertThatThrownBy(handbook::build).isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc").hasMessageContaining("jbake-nextreview")
                .hasMessageContaining("must be after jbake-reviewed (2026-11-24)");
    }

    @Test
    void llmsTxtListsEveryPublishedPageAndEachPageHasItsTextBesideIt() throws Exception {
        handbook.write("trin-1/kladde.adoc", header("Kladde", "trin-1", "kladde", ":jbake-status: draft") + "Hemmelig kladde.\n");
        handbook.build();
        String base = TestHandbook.repoConfig().baseUrlTrimmed();
        String llms = handbook.read("llms.txt");
        assertThat(llms).startsWith("# " + TestHandbook.repoConfig().name() + "\n\n> " + TestHandbook.repoConfig().tagline());
        List<String> lines = llms.lines().filter(l -> l.startsWith("- [")).toList();
        assertThat(lines).containsExactlyInAnyOrder(
                "- [Forside](" + base + "/): Resumé af Forside.",
                "- [Politiske principper](" + base + "/trin-1/): Resumé af Politiske principper.",
                "- [Detaljer](" + base + "/trin-1/detaljer/): Resumé af Detaljer.",
                "- [Seneste ændringer](" + base + "/aendringer/): Resumé af Seneste ændringer.",
                "- [Om håndbogen](" + base + "/om/): Resumé af Om håndbogen.");
        assertThat(llms).doesNotContain("Kladde");

        String text = handbook.read("trin-1/index.txt");
        assertThat(text).isEqualTo("# Politiske principper\n\nResumé af Politiske principper.\n\nSæt retning\n\nFokusér.\n");
        assertThat(handbook.out().resolve("trin-1/kladde/index.txt")).doesNotExist();
    }

    @Test
    void headingsLinkToThemselvesAndARemovedAnchorStopsTheBuildUnlessItIsKept() throws Exception {
        handbook.write("trin-1/index.adoc", header("Politiske principper", "trin-1", "trin-1")
                + "[[saet-retning]]\n== Sæt retning\n\nFokusér.\n\n[[test]]\n=== Test\n\nTest og justér.\n");
        handbook.build();
        Document principles = page("trin-1/index.html");
        assertThat(principles.select("h2#saet-retning > a.section-link[href=#saet-retning]")).hasSize(1);
        assertThat(principles.selectFirst("h3#test > a.section-link").attr("aria-label")).isEqualTo("Link til afsnittet: Test");

        Path record = handbook.root.resolve(BuildOptions.ANCHORS_FILE);
        AnchorRecord.ofSite(handbook.out()).write(record);
        assertThat(Files.readString(record)).contains("\n/trin-1/ saet-retning test\n").contains("\n/trin-1/detaljer/\n");

        // The section is renamed and its id with it: the published /trin-1/#test would break.
        handbook.write("trin-1/index.adoc", header("Politiske principper", "trin-1", "trin-1")
                + "[[saet-retning]]\n== Sæt retning\n\nFokusér.\n\n[[afproevning]]\n=== Afprøvning\n\nTest og justér.\n");
        String before = handbook.read("trin-1/index.html");
        assertThatThrownBy(handbook::build).isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/index.adoc: no longer has the section anchor #test that was published as /trin-1/#test")
                .hasMessageContaining("== [[test]]New title")
                .satisfies(e -> {
                    // The CMS's publish check says it in Danish.
                    var problem = ((ContentException) e).problems().get(0);
                    var danish = dk.dis.handbook.preview.CheckWording.of(problem.message() + " " + problem.fix());
                    assertThat(danish.key()).isEqualTo("anchor.gone");
                    assertThat(danish.text()).contains("»test«", "/trin-1/#test", "== [[test]]Ny titel");
                });
        assertThat(handbook.read("trin-1/index.html")).isEqualTo(before);

        // The old id kept as an alias in the renamed heading: the citation still lands on the section.
        handbook.write("trin-1/index.adoc", header("Politiske principper", "trin-1", "trin-1")
                + "[[saet-retning]]\n== Sæt retning\n\nFokusér.\n\n[[afproevning]]\n=== [[test]]Afprøvning\n\nTest og justér.\n");
        String log = handbook.build();
        Document renamed = page("trin-1/index.html");
        assertThat(renamed.selectFirst("h3#afproevning").select("a#test")).hasSize(1);
        // The new id is not protected until the record is written again: the build says so.
        assertThat(log).contains("1 new section anchors not yet in " + BuildOptions.ANCHORS_FILE);
        assertThat(AnchorRecord.read(record).comparedWith(AnchorRecord.ofSite(handbook.out())))
                .isEqualTo(new AnchorRecord.Difference(1, 0));

        // A recorded page that is gone without a redirect stops the build; with jbake-oldslugs it is found at its new address.
        Files.delete(handbook.root.resolve("content/trin-1/detaljer.adoc"));
        assertThatThrownBy(handbook::build).isInstanceOf(ContentException.class)
                .hasMessageContaining(BuildOptions.ANCHORS_FILE + ": records the page /trin-1/detaljer/, which this build no longer publishes");
        handbook.write("trin-1/fordybelse.adoc", header("Fordybelse", "trin-1", "fordybelse", ":jbake-oldslugs: detaljer")
                + "Se link:/trin-1/#saet-retning[Sæt retning].\n");
        handbook.build();
        assertThat(handbook.out().resolve("trin-1/fordybelse/index.html")).exists();
    }

    @Test
    void theAccessibilityStatementIsARequiredSetting() throws Exception {
        Path config = handbook.root.resolve("handbook.yml");
        String yaml = Files.readString(config);
        Files.writeString(config, yaml.replaceAll("(?m)^accessibilityStatementUrl:.*$", ""));
        assertThatThrownBy(handbook::build).isInstanceOf(dk.dis.handbook.config.ConfigException.class)
                .hasMessageContaining("missing field(s) accessibilityStatementUrl");
        Files.writeString(config, yaml.replaceAll("(?m)^accessibilityStatementUrl:.*$", "accessibilityStatementUrl: /erklaering"));
        assertThatThrownBy(handbook::build).isInstanceOf(dk.dis.handbook.config.ConfigException.class)
                .hasMessageContaining("field accessibilityStatementUrl must be one https:// address");
    }

    @Test
    void aPreviewIsNeverKeptOffline() throws Exception {
        handbook.build();
        assertThat(page("trin-1/index.html").select("script[data-service-worker=/sw.js]")).hasSize(1);
        String production = handbook.read("sw.js");
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("var LIST = \"(/offline/da\\.[0-9a-f]{16}\\.json)\";").matcher(production);
        assertThat(list.find()).as(production).isTrue();
        assertThat(new ObjectMapper().readValue(handbook.read(list.group(1).substring(1)), List.class))
                .contains("/", "/trin-1/", "/trin-1/detaljer/").anyMatch(u -> u.toString().startsWith("/soeg/data/"))
                .noneMatch(u -> u.toString().endsWith("index.txt") || u.toString().endsWith(".xml") || u.toString().endsWith(".pdf"));

        handbook.build(handbook.options().withPreview(true));
        assertThat(page("trin-1/index.html").select("script[data-service-worker]")).isEmpty();
        String worker = handbook.read("sw.js");
        assertThat(worker).contains("registration.unregister()").doesNotContain("addAll").doesNotContain("/trin-1/");
    }
}
