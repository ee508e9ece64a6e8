package dk.dis.handbook.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.cli.HandbookCli;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the index stage adds to the built site, and the search command over its Lucene index. */
class SearchSiteTest {

    @Test
    void buildReportsTheIndexStageAndKeepsTheLuceneIndexBesideTheSite() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        assertThat(built.buildOutput).containsPattern("\\[index\\] \\d+ sections of \\d+ pages");
        assertThat(built.buildOutput).containsPattern("(?m)^index +\\d+\\.\\d\\d ");
        assertThat(built.indexDir("da").resolve("segments_1")).exists();
        assertThat(built.indexDir("en").resolve("segments_1")).exists();
        assertThat(IndexStage.languagesIn(built.indexRoot())).containsExactly("da", "en");
        assertThat(built.buildOutput).containsPattern("\\(da \\d+, en \\d+\\)");
        try (Stream<Path> siblings = Files.list(built.indexRoot().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".new-") || n.contains(".old-"));
        }
    }

    @Test
    void exportedFilesAreNamedByTheirContent() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        Path data = built.site().resolve(IndexStage.DATA_FOLDER);
        JsonNode meta = new ObjectMapper().readTree(built.site().resolve(built.metaUrl().substring(1)).toFile());
        assertThat(meta.get("dictionary").size()).isGreaterThan(0);
        assertThat(meta.get("postings").size()).isGreaterThan(0);
        for (String list : List.of("dictionary", "postings")) {
            for (JsonNode shard : meta.get(list)) {
                Path file = built.site().resolve(shard.get(1).asText().substring(1));
                String name = file.getFileName().toString();
                assertThat(name.split("\\.")[1]).isEqualTo(StaticExport.hash(Files.readAllBytes(file)));
            }
        }
        assertThat(meta.get("synonyms").has("kb")).as("synonyms from content/synonymer.txt").isTrue();
        assertThat(built.site().resolve(meta.get("records").asText().substring(1)).resolve("0.json")).exists();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("meta."))).hasSize(1);
        }
    }

    @Test
    void eachLanguageHasItsOwnExport() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        JsonNode da = new ObjectMapper().readTree(built.site().resolve(built.metaUrl("da").substring(1)).toFile());
        JsonNode en = new ObjectMapper().readTree(built.site().resolve(built.metaUrl("en").substring(1)).toFile());
        assertThat(built.metaUrl("en")).startsWith("/en/soeg/data/meta.");
        assertThat(da.get("language").asText()).isEqualTo("da");
        assertThat(en.get("language").asText()).isEqualTo("en");
        assertThat(en.get("records").asText()).startsWith("/en/soeg/data/r-");
        assertThat(en.get("stopwords")).extracting(JsonNode::asText).contains("the", "and").doesNotContain("og");
        assertThat(en.get("sections").asInt()).isPositive().isLessThan(da.get("sections").asInt());
        // Content-hashed like the Danish files, so cached for good.
        assertThat(Files.readString(built.site().resolve("_headers"))).contains("/soeg/data/*", "/en/soeg/data/*");
    }

    @Test
    void englishSearchPageSpeaksEnglishAndUsesTheEnglishIndex() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        Document page = Jsoup.parse(built.site().resolve("en/soeg/index.html").toFile(), "UTF-8");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        Element form = page.selectFirst("#soeg-app form[role=search][action=/en/soeg/][method=get]");
        assertThat(form).isNotNull();
        assertThat(form.attr("data-index")).isEqualTo(built.metaUrl("en"));
        assertThat(page.selectFirst("label[for=soeg-felt]").text()).isEqualTo("Search the handbook");
        assertThat(form.attr("data-msg-none")).startsWith("No results for");
        assertThat(form.attr("data-msg-section-other")).isEqualTo("{n} sections");
        assertThat(page.selectFirst("#soeg-felt").attr("placeholder")).startsWith("E.g.");
        assertThat(page.select("script[src^=/assets/js/search.]")).hasSize(1);
        Document danish = Jsoup.parse(built.site().resolve("soeg/index.html").toFile(), "UTF-8");
        assertThat(danish.selectFirst("#soeg-app form").attr("data-msg-none")).startsWith("Ingen resultater for");
        // The English subject index lists the English headings only.
        Document subjects = Jsoup.parse(built.site().resolve("en/emneindeks/index.html").toFile(), "UTF-8");
        assertThat(subjects.select("#emneindeks-liste dt").eachText()).contains("principles", "direction")
                .doesNotContain("nøglespørgsmål", "fishbowl");
        assertThat(subjects.select("#emneindeks-liste dd a").eachAttr("href")).allMatch(u -> u.startsWith("/en/"));
    }

    @Test
    void searchPageHasTheFormTheClientAndNoInlineScript() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        Document page = Jsoup.parse(built.site().resolve("soeg/index.html").toFile(), "UTF-8");
        Element form = page.selectFirst("#soeg-app form[role=search][action=/soeg/][method=get]");
        assertThat(form).isNotNull();
        assertThat(form.attr("data-index")).isEqualTo(built.metaUrl());
        assertThat(page.select("label[for=soeg-felt]")).hasSize(1);
        assertThat(page.select("#soeg-status[aria-live=polite]")).hasSize(1);
        String script = page.select("script[src^=/assets/js/search.]").attr("src");
        assertThat(script).matches("/assets/js/search\\.[0-9a-f]{10}\\.js");
        assertThat(built.site().resolve(script.substring(1))).exists();
        try (Stream<Path> html = Files.walk(built.site()).filter(p -> p.toString().endsWith(".html"))) {
            for (Path file : html.toList()) {
                Document doc = Jsoup.parse(file.toFile(), "UTF-8");
                assertThat(doc.select("script:not([src])")).as("inline script in %s", file).isEmpty();
                assertThat(doc.select("[onclick], [onload], [oninput]")).as("inline handler in %s", file).isEmpty();
            }
        }
    }

    @Test
    void everyPageHasTheSearchBoxAndLinksTheSubjectIndex() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        for (String path : List.of("index.html", "trin-1/index.html", "idekatalog/metoder/index.html", "404.html")) {
            Document doc = Jsoup.parse(built.site().resolve(path).toFile(), "UTF-8");
            assertThat(doc.select("header form[role=search][action=/soeg/] input[name=q]")).as(path).hasSize(1);
            assertThat(doc.select("footer a[href=/emneindeks/]")).as(path).hasSize(1);
        }
        for (String path : List.of("en/index.html", "en/trin-1/index.html", "en/om/index.html")) {
            Document doc = Jsoup.parse(built.site().resolve(path).toFile(), "UTF-8");
            assertThat(doc.select("header form[role=search][action=/en/soeg/] input[name=q]")).as(path).hasSize(1);
            assertThat(doc.select("footer a[href=/en/emneindeks/]")).as(path).hasSize(1);
            assertThat(doc.select("header form[action=/soeg/], footer a[href=/emneindeks/]")).as(path).isEmpty();
        }
    }

    @Test
    void subjectIndexListsHeadingWordsWithDeepLinks() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        Document doc = Jsoup.parse(built.site().resolve("emneindeks/index.html").toFile(), "UTF-8");
        Element list = doc.getElementById("emneindeks-liste");
        assertThat(list.select("dt").size()).isGreaterThan(50);
        assertThat(list.select("dt").eachText()).contains("fishbowl", "netværk", "nøglespørgsmål");
        Element netvaerk = list.select("dt").stream().filter(dt -> dt.text().equals("netværk")).findFirst().orElseThrow();
        assertThat(netvaerk.nextElementSibling().select("a").eachAttr("href")).contains("/trin-3/netvaerk/");
        Element fishbowl = list.select("dt").stream().filter(dt -> dt.text().equals("fishbowl")).findFirst().orElseThrow();
        assertThat(fishbowl.nextElementSibling().select("a").eachAttr("href")).contains("/idekatalog/projekternes-vaerktoejer/#fishbowl");
        assertThat(list.select("h2[id^=emne-]").eachText()).contains("A", "S", "Ø");
        // The search and subject index pages are not themselves search results.
        assertThat(SectionExtractor.extract(built.site())).extracting(Section::pageUrl).doesNotContain("/soeg/", "/emneindeks/");
    }

    @Test
    void searchCommandPrintsRankedHitsAndJson() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        String text = run("search", "noeglespoergsmaal", "--index", built.indexRoot().toString(), "--limit", "3");
        assertThat(text).contains("1. De fire nøglespørgsmål").contains("/trin-2/noeglespoergsmaal/");
        assertThat(text.lines().filter(l -> l.matches(" ?\\d+\\. .*"))).hasSize(3);
        String json = run("search", "KB", "--json", "--index", built.indexRoot().toString(), "--limit", "2");
        JsonNode hits = new ObjectMapper().readTree(json);
        assertThat(hits.isArray()).isTrue();
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).get("url").asText()).contains("#");
        assertThat(hits.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(hits.get(1).get("score").asDouble());
        assertThat(hits.get(0).get("title").asText()).contains("Kommunalbestyrelsen");
        assertThat(hits.get(0).get("excerpt").asText()).isNotBlank();

        String english = run("search", "political direction", "--lang", "en", "--index", built.indexRoot().toString(), "--limit", "5");
        assertThat(english).contains("1. Political direction and follow-up").contains("/en/trin-2/");
        assertThat(english.lines().filter(l -> l.strip().startsWith("/"))).hasSize(5).allMatch(l -> l.strip().startsWith("/en/"));
        String danish = run("search", "Kommunalbestyrelsen", "--lang", "da", "--index", built.indexRoot().toString(), "--limit", "20");
        assertThat(danish.lines().filter(l -> l.strip().startsWith("/"))).isNotEmpty().noneMatch(l -> l.strip().startsWith("/en/"));
    }

    @Test
    void searchCommandRejectsALanguageTheIndexDoesNotHave() throws Exception {
        BuiltHandbook built = BuiltHandbook.get();
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = HandbookCli.run("search", "test", "--lang", "de", "--index", built.indexRoot().toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--lang de").contains("da, en");
    }

    @Test
    void searchCommandWithoutIndexSaysToBuildFirst() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = HandbookCli.run("search", "test", "--index", Files.createTempDirectory("none").resolve("missing").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("No search index at").contains("build");
    }

    private static String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(HandbookCli.run(args)).isZero();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
