package dk.dis.handbook.pdf;

import dk.dis.handbook.site.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a PDF is cut into pieces for laying out apart, and how its links and contents point across them. */
class PrintDocumentTest {
    private static final PrintDocument.Cover COVER = new PrintDocument.Cover("Gentofte Kommune", "Håndbogen", "Emne", "nøgleord",
            "1. december 2026", null, null, "da", "Indholdsfortegnelse", "Diagram");

    private static Page page(String section, String slug, String body, List<Page.Heading> headings) {
        return new Page(null, "da", "/" + section + "/" + slug + "/", slug, section, false, "page", "published", null,
                "Titel " + slug, "Titel " + slug, null, 1, null, null, null, null, List.of(), body, headings, List.of(), null, null);
    }

    private static final String FILLER = "<p>" + "Tekst om innovation i kommunen. ".repeat(4) + "</p>";

    private static PrintDocument wholeBook(int chunkChars) {
        Page a1 = page("a", "a1", FILLER + "<p><a href=\"/a/a2/\">næste</a> <a href=\"/b/b1/#x\">andet trin</a>"
                + " <a href=\"/om/\">om</a> <a href=\"#egen\">her</a></p><h2 id=\"egen\">Egen</h2>",
                List.of(new Page.Heading("egen", "Egen", List.of(), List.of())));
        Page a2 = page("a", "a2", FILLER, List.of());
        Page a3 = page("a", "a3", FILLER + "<p><a href=\"/a/a1/\">første</a></p>", List.of());
        Page b1 = page("b", "b1", FILLER + "<h2 id=\"x\">X</h2>", List.of(new Page.Heading("x", "X", List.of(), List.of())));
        PdfStage.Book book = new PdfStage.Book("hele.pdf", "Håndbogen", List.of(
                new PdfStage.Part("del-a", "Del A", List.of(a1, a2, a3)),
                new PdfStage.Part("del-b", "Del B", List.of(b1))));
        return new PrintDocument(book, COVER, "https://example.dk", chunkChars);
    }

    @Test
    void aPartStartsAChunkAndALongPartIsCutBetweenChapters() {
        PrintDocument print = wholeBook(FILLER.length() + 200);
        assertThat(print.chunkCount()).isEqualTo(3);
        Document first = print.chunk(0, "");
        assertThat(first.select("section.part").eachAttr("id")).containsExactly("del-a");
        assertThat(first.select("section.chapter").eachAttr("id")).containsExactly("side-a1", "side-a2");
        Document second = print.chunk(1, "");
        assertThat(second.select("section.part")).isEmpty();
        assertThat(second.select("section.chapter").eachAttr("id")).containsExactly("side-a3");
        assertThat(print.chunk(2, "").select("section.part").eachAttr("id")).containsExactly("del-b");

        assertThat(wholeBook(Integer.MAX_VALUE).chunkCount()).as("one chunk per part").isEqualTo(2);
    }

    @Test
    void linksStayInTheirChunkWhereTheyCanAndNameThePlaceElsewhere() {
        PrintDocument print = wholeBook(FILLER.length() + 200);
        List<String> fromA1 = print.chunk(0, "").select("#side-a1 a").eachAttr("href");
        assertThat(fromA1).containsExactly("#side-a2", PrintDocument.TARGET + "side-b1_x", "https://example.dk/om/", "#side-a1_egen");
        assertThat(print.chunk(1, "").select("#side-a3 a").eachAttr("href")).containsExactly(PrintDocument.TARGET + "side-a1");
    }

    @Test
    void theContentsShowThePageNumbersTheyAreGivenAndLinkToTheirPlaces() {
        PrintDocument print = wholeBook(Integer.MAX_VALUE);
        Document front = print.front("", Map.of("del-a", 3, "side-a1", 4, "side-b1", 9));
        assertThat(front.select("section.cover h1").text()).isEqualTo("Håndbogen");
        assertThat(front.select(".contents a").eachAttr("href")).containsExactly(PrintDocument.TARGET + "del-a",
                PrintDocument.TARGET + "side-a1", PrintDocument.TARGET + "side-a2", PrintDocument.TARGET + "side-a3",
                PrintDocument.TARGET + "del-b", PrintDocument.TARGET + "side-b1");
        assertThat(front.select(".contents a").eachAttr("data-page")).containsExactly("3", "4", "0", "0", "0", "9");
        assertThat(front.select("section.chapter")).as("no chapters in the front").isEmpty();
    }

    @Test
    void theOutlineHasPartsChaptersAndSections() {
        List<PrintDocument.Mark> outline = wholeBook(Integer.MAX_VALUE).outline();
        assertThat(outline).extracting(PrintDocument.Mark::target).containsExactly("del-a", "del-b");
        assertThat(outline.get(0).children()).extracting(PrintDocument.Mark::target).containsExactly("side-a1", "side-a2", "side-a3");
        assertThat(outline.get(0).children().get(0).children()).extracting(PrintDocument.Mark::target).containsExactly("side-a1_egen");
    }
}
