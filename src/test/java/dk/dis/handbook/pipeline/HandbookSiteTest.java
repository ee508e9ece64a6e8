package dk.dis.handbook.pipeline;

import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the repository's own content/ and checks the handbook a reader gets. */
class HandbookSiteTest {
    @TempDir
    static Path dir;
    static Path site;
    static Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void buildTheHandbook() throws Exception {
        site = dir.resolve("site");
        BuildOptions options = BuildOptions.defaults(TestHandbook.REPO).withPdf(false).withOutDir(site);
        new TestHandbook(dir.resolve("scratch")).build(options);
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                String url = "/" + site.relativize(f.getParent()).toString().replace('\\', '/') + "/";
                pages.put(url.replace("//", "/"), Jsoup.parse(f.toFile(), "UTF-8"));
            }
        }
    }

    static String text(String url) {
        assertThat(pages).as("page " + url + " is built").containsKey(url);
        return pages.get(url).select("main").text().replaceAll("\\s+", " ");
    }

    @Test
    void everySectionOfTheModelHasAPage() {
        assertThat(pages.keySet()).contains("/", "/trin-1/", "/trin-2/", "/trin-2/noeglespoergsmaal/", "/trin-2/aarshjul/",
                "/trin-3/", "/trin-3/tilbud/", "/trin-3/netvaerk/", "/idekatalog/", "/laeringsopsamling/",
                "/laeringsopsamling/innovationsloopet/", "/laeringsopsamling/projekter/",
                "/laeringsopsamling/innovationsprincipper/", "/laeringsopsamling/politisk-refleksion/",
                "/moeder/", "/moeder/2017-12-12-5-moede/", "/om/");
        assertThat(site.resolve("404.html")).exists();
    }

    @Test
    void theFivePrinciplesAreOnStepOne() {
        assertThat(text("/trin-1/")).contains("Sæt retning", "Få input på tværs", "Test", "Opfølgning", "Samskabelse",
                "skyd ikke med spredehagl", "innovation tager tid");
    }

    @Test
    void theFourKeyQuestionsAreOnTheirPage() {
        assertThat(text("/trin-2/noeglespoergsmaal/")).contains(
                "Hvad ønsker vi primært at opnå ved innovation og digitalisering?", "Hvor skal vi fokusere?",
                "Hvor mange ressourcer ønsker vi at bruge?", "Hvornår er vores innovationsarbejde en succes?");
    }

    @Test
    void theFourOffersTheThreeProjectsAndTheFourInnovationPrinciples() {
        assertThat(text("/trin-3/tilbud/")).contains("Labs", "100 dages arbejdsgrupper på tværs",
                "Skræddersyet sparringsforløb", "Uformelt møde", "8–30 udvalgte borgere");
        assertThat(text("/laeringsopsamling/projekter/")).contains("Sundhedsdataprojektet", "Arbejdsledigeprojektet", "Iværksætterprojektet");
        assertThat(text("/laeringsopsamling/innovationsprincipper/")).contains("Tænk stort, start småt", "Bliv konkret",
                "Sæt holdet bredt", "Få input på tværs", "Hurtigste vej til handling");
        assertThat(text("/laeringsopsamling/innovationsloopet/")).contains("Udforsk", "Idé", "Test", "Implementer", "Værdi");
    }

    /**
     * Every fact listed in src/test/resources/facts/*.tsv (phrases taken from the seed documents) is on its page.
     * A phrase that starts with "!" is a known error that must not be on the page.
     */
    @Test
    void everySeedFactIsOnItsPage() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        int forbidden = 0;
        try (Stream<Path> files = Files.list(TestHandbook.REPO.resolve("src/test/resources/facts"))) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    String[] parts = line.split("\t", 2);
                    String phrase = parts[1].strip().replaceAll("\\s+", " ");
                    checked++;
                    if (phrase.startsWith("!")) {
                        forbidden++;
                        String wrong = phrase.substring(1).strip();
                        if (!pages.containsKey(parts[0])) {
                            missing.add(file.getFileName() + ": " + parts[0] + " is not built");
                        } else if (text(parts[0]).toLowerCase(java.util.Locale.ROOT).contains(wrong.toLowerCase(java.util.Locale.ROOT))) {
                            missing.add(file.getFileName() + ": " + parts[0] + " still says \"" + wrong + "\"");
                        }
                    } else if (!pages.containsKey(parts[0]) || !text(parts[0]).contains(phrase)) {
                        missing.add(file.getFileName() + ": " + parts[0] + " lacks \"" + phrase + "\"");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(forbidden).as("known errors checked").isGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    /** The handbook speaks in its own voice: no page talks about "the source" or what "the minutes do not say". */
    @Test
    void noPublishedPageTalksAboutItsSources() {
        List<String> words = List.of("kilden", "referatet oplyser");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Document doc = page.getValue();
            String all = (doc.text() + " " + String.join(" ", doc.select("meta[content]").eachAttr("content"))
                    + " " + doc.select("svg title, svg desc").text()).toLowerCase(java.util.Locale.ROOT);
            for (String word : words) {
                if (all.contains(word)) found.add(page.getKey() + ": \"" + word + "\"");
            }
        }
        assertThat(found).isEmpty();
    }

    static boolean english(String url) {
        return url.startsWith("/en/");
    }

    @Test
    void navigationOnEveryPageListsEveryPublishedPageOfItsLanguage() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Set<String> all = pages.keySet().stream().filter(u -> english(u) == english(page.getKey()))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> linked = page.getValue().select("nav#hovedmenu a").stream()
                    .map(a -> a.attr("href")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(linked).as("navigation of " + page.getKey()).isEqualTo(all);
            assertThat(page.getValue().select("nav#hovedmenu a[aria-current=page]").attr("href"))
                    .as("current page marked on " + page.getKey()).isEqualTo(page.getKey());
            assertThat(page.getValue().select("nav#hovedmenu > ul ul ul")).as("at most two levels").isEmpty();
        }
    }

    @Test
    void everyPageIsDanishWithOneHeadingBreadcrumbsAndMetadata() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Document doc = page.getValue();
            String url = page.getKey();
            assertThat(doc.select("html").attr("lang")).as(url).isEqualTo(english(url) ? "en" : "da");
            assertThat(doc.select("h1")).as(url).hasSize(1);
            assertThat(doc.select(".page-meta").text()).as(url).contains(english(url)
                    ? new String[] {"Owner", "Last reviewed", "Next review"} : new String[] {"Ansvarlig", "Senest gennemgået", "Næste gennemgang"});
            assertThat(doc.select(".site-footer a[rel=license]")).as(url).hasSize(1);
            assertThat(doc.select(".site-footer a[href=https://www.was.digst.dk/]").text()).as(url)
                    .isEqualTo(english(url) ? "Accessibility statement" : "Tilgængelighedserklæring");
            if (!url.equals("/") && !url.equals("/en/")) {
                assertThat(doc.select("nav.breadcrumbs a").first().attr("href")).as(url).isEqualTo(english(url) ? "/en/" : "/");
            }
        }
    }

    @Test
    void previousAndNextStayWithinAStep() {
        Document questions = pages.get("/trin-2/noeglespoergsmaal/");
        assertThat(questions.select("a[rel=prev]").attr("href")).isEqualTo("/trin-2/");
        assertThat(questions.select("a[rel=next]").attr("href")).isEqualTo("/trin-2/arbejdsark/");
        assertThat(pages.get("/trin-2/arbejdsark/").select("a[rel=next]").attr("href")).isEqualTo("/trin-2/aarshjul/");
        assertThat(pages.get("/trin-2/aarshjul/").select("a[rel=next]")).isEmpty();
    }

    @Test
    void longPagesHaveAnInPageContentsList() {
        Document principles = pages.get("/trin-1/");
        List<String> targets = principles.select(".page-toc a").eachAttr("href");
        assertThat(targets).contains("#saet-retning", "#samskabelse");
        for (String target : targets) {
            assertThat(principles.getElementById(target.substring(1))).as(target).isNotNull();
        }
    }

    @Test
    void diagramsAreInlineAccessibleSvgWithRealText() {
        Map<String, String> diagramPage = Map.of("tre-trin", "/", "innovationsloop", "/laeringsopsamling/innovationsloopet/",
                "aarshjul", "/trin-2/aarshjul/", "moedetidslinje", "/laeringsopsamling/moederaekke/");
        diagramPage.forEach((name, url) -> {
            Element svg = pages.get(url).selectFirst(".diagram svg[aria-labelledby~=" + name + "-title]");
            assertThat(svg).as(name + " on " + url).isNotNull();
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).isNotBlank();
            assertThat(svg.select("text")).isNotEmpty();
            assertThat(svg.select("script, foreignObject, [style]")).isEmpty();
        });
        assertThat(pages.get("/laeringsopsamling/innovationsloopet/").select(".diagram svg text").text())
                .contains("Udforsk", "Idé", "Test", "Implementer", "Værdi");
    }

    @Test
    void meetingRecordIsADatedPostInTheFeedAndTheSitemap() throws IOException {
        Document post = pages.get("/moeder/2017-12-12-5-moede/");
        assertThat(post.select(".post-date time").attr("datetime")).isEqualTo("2017-12-12");
        assertThat(post.select(".post-date").text()).contains("12. december 2017");
        assertThat(pages.get("/moeder/").select(".post-list a").eachAttr("href")).contains("/moeder/2017-12-12-5-moede/");

        Document feed = Jsoup.parse(Files.readString(site.resolve("feed.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(feed.select("entry > id").eachText()).anyMatch(id -> id.endsWith("/moeder/2017-12-12-5-moede/"));
        assertThat(feed.select("entry > published").text()).startsWith("2017-12-12");

        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        Set<String> locs = sitemap.select("loc").stream().map(e -> e.text().replaceFirst("^https?://[^/]+", ""))
                .collect(Collectors.toSet());
        assertThat(locs).isEqualTo(pages.keySet());
    }

    @Test
    void albertslundIsCreditedForItsMethods() {
        assertThat(text("/idekatalog/metoder/")).contains("Albertslund Kommune");
    }

    @Test
    void ideaCardsHaveTheFiveFixedFields() {
        List<String> cardPages = List.of("/idekatalog/sparringsrummet/", "/idekatalog/projekternes-vaerktoejer/",
                "/idekatalog/succesfaktorer/", "/idekatalog/metoder/");
        int cards = 0;
        for (String url : cardPages) {
            for (Element section : pages.get(url).select(".sect1")) {
                List<String> terms = section.select("dl > dt").eachText();
                if (terms.isEmpty()) continue;
                cards++;
                assertThat(terms).as(url + " " + section.selectFirst("h2").text())
                        .containsExactly("Hvad", "Hvorfor", "Hvornår i innovationsloopet", "Tid", "Hvem");
            }
        }
        assertThat(cards).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyPrincipleLinksToTheCardsAndLearningsThatPutItIntoPractice() {
        Document principles = pages.get("/trin-1/");
        for (String id : List.of("saet-retning", "faa-input-paa-tvaers", "test", "opfoelgning", "samskabelse")) {
            Element section = principles.getElementById(id).parent();
            List<String> links = section.select(".in-practice a").eachAttr("href");
            assertThat(links).as(id).isNotEmpty();
            assertThat(links).as(id).allMatch(href -> href.startsWith("/idekatalog/") || href.startsWith("/laeringsopsamling/"));
        }
        assertThat(principles.getElementById("test").parent().select(".in-practice a").eachAttr("href"))
                .contains("/idekatalog/projekternes-vaerktoejer/#testforloeb-100-dage", "/laeringsopsamling/innovationsprincipper/#hurtigste-vej-til-handling");
    }

    @Test
    void withoutJavaScriptTheCatalogueShowsEveryCardGroupedByPhase() {
        Document catalogue = pages.get("/idekatalog/");
        assertThat(catalogue.select("form#katalog-filtre").hasAttr("hidden")).isTrue();
        assertThat(catalogue.select(".catalogue-phase > h3").eachText()).containsExactly("Udforsk", "Idé", "Test", "Implementer", "Værdi");
        Set<String> cardsOnPages = new TreeSet<>();
        for (String url : List.of("/idekatalog/sparringsrummet/", "/idekatalog/projekternes-vaerktoejer/",
                "/idekatalog/succesfaktorer/", "/idekatalog/metoder/")) {
            pages.get(url).select(".sect1 > h2[id]").forEach(h -> {
                if (!h.parent().select("dl").isEmpty()) cardsOnPages.add(h.id());
            });
        }
        Set<String> listed = new TreeSet<>(catalogue.select(".catalogue .card").eachAttr("data-card"));
        assertThat(listed).isEqualTo(cardsOnPages);
        assertThat(catalogue.select(".catalogue-count").text()).isEqualTo(listed.size() + " idékort");
        Element labs = catalogue.selectFirst(".card[data-card=labs]");
        assertThat(labs.attr("data-who").split(" ")).contains("politikere", "medarbejdere", "borgere");
        assertThat(labs.attr("data-time")).isEqualTo("timer");
        assertThat(catalogue.select(".card a[href^=/laeringsopsamling/projekter/#]")).isNotEmpty();
    }

    @Test
    void withoutJavaScriptTheWorksheetIsAPrintableFormOfTheFourQuestions() {
        Document sheet = pages.get("/trin-2/arbejdsark/");
        assertThat(sheet.select("#arbejdsark legend").eachText()).containsExactly(
                "1. Hvad ønsker vi primært at opnå ved innovation og digitalisering?", "2. Hvor skal vi fokusere?",
                "3. Hvor mange ressourcer ønsker vi at bruge?", "4. Hvornår er vores innovationsarbejde en succes?");
        assertThat(sheet.select("#arbejdsark .worksheet-hints li").eachText())
                .contains("Mere effektiv opgaveløsning for borgere og G.K", "Innovation skal have en stor effekt for borgere");
        assertThat(sheet.select("#arbejdsark textarea")).hasSize(4).allMatch(t -> !t.attr("aria-describedby").isEmpty());
        assertThat(sheet.select(".worksheet-actions").hasAttr("hidden")).isTrue();
        assertThat(sheet.select(".worksheet-note").text()).contains("Gemmes kun på denne enhed");
        // Besides the offline worker's registration, the worksheet's own script only.
        assertThat(sheet.select("script[src]:not([data-service-worker])").eachAttr("src")).singleElement().asString().startsWith("/assets/js/worksheet.");
    }

    @Test
    void englishPagesHaveTheirLanguageAlternatesAndASwitcher() {
        Document en = pages.get("/en/trin-1/");
        assertThat(en).as("an English page is built").isNotNull();
        assertThat(en.select("html").attr("lang")).isEqualTo("en");
        assertThat(en.select("link[rel=alternate][hreflang=da]").attr("href")).endsWith("/trin-1/");
        assertThat(en.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/en/trin-1/");
        assertThat(en.select("nav.languages a[hreflang=da]").attr("href")).isEqualTo("/trin-1/");
        assertThat(en.getElementById("saet-retning")).as("same section ids as the Danish page").isNotNull();
        assertThat(en.select(".skip-link").first().text()).isEqualTo("Skip to content");

        Document da = pages.get("/trin-1/");
        assertThat(da.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/en/trin-1/");
        assertThat(da.select("nav.languages a[lang=en]").text()).isEqualTo("English");
        assertThat(pages.get("/trin-3/").select("nav.languages")).as("no switcher without a translation").isEmpty();
    }
}
