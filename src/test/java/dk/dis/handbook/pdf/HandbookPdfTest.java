package dk.dis.handbook.pdf;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.support.TestHandbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the repository's handbook with PDFs and reads them back with PDFBox. */
class HandbookPdfTest {
    static final List<String> PARTS = List.of("trin-1.pdf", "trin-2.pdf", "trin-3.pdf", "idekatalog.pdf", "laeringsopsamling.pdf");
    static final Path CONTENT = TestHandbook.REPO.resolve("content");

    @TempDir
    static Path dir;
    static Path site;
    /** Text of every PDF, normalized by {@link #normalize}. */
    static final Map<String, String> text = new HashMap<>();
    /** Text of every PDF as extracted, with the footers. */
    static final Map<String, String> rawText = new HashMap<>();

    @BeforeAll
    static void buildWithPdfs() throws Exception {
        site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(TestHandbook.REPO).withOutDir(site));
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                String raw = new PDFTextStripper().getText(pdf);
                rawText.put(name, raw);
            }
        }
        for (String name : rawText.keySet()) text.put(name, normalize(withoutFooters(rawText.get(name))));
    }

    @Test
    void theWholeHandbookAndOnePdfPerPartAreBuilt() throws IOException {
        List<String> expected = new ArrayList<>(PARTS);
        expected.add(TestHandbook.WHOLE_PDF);
        assertThat(pdfNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyPrincipleWithItsOneLinerIsInTrin1AndTheWholeHandbook() throws IOException {
        Map<String, String> principles = new LinkedHashMap<>();
        String source = Files.readString(CONTENT.resolve("trin-1/index.adoc"), StandardCharsets.UTF_8);
        for (String id : List.of("saet-retning", "faa-input-paa-tvaers", "test", "opfoelgning", "samskabelse")) {
            Matcher m = Pattern.compile("\\[(?:\\[" + id + "]]|#" + id + "\\.princip])\\n== (.+)\\n\\n\\[\\.lead]\\n(.+)\\n").matcher(source);
            assertThat(m.find()).as("principle %s with a lead line in trin-1/index.adoc", id).isTrue();
            principles.put(m.group(1), m.group(2));
        }
        assertThat(principles.keySet()).containsExactly("Sæt retning", "Få input på tværs", "Test", "Opfølgning", "Samskabelse");
        principles.forEach((name, oneLiner) -> {
            for (String pdf : List.of("trin-1.pdf", TestHandbook.WHOLE_PDF)) {
                assertThat(text.get(pdf)).as(pdf).contains(normalize(name), normalize(oneLiner));
            }
            assertThat(text.get("trin-3.pdf")).doesNotContain(normalize(oneLiner));
        });
    }

    @Test
    void everyKeyQuestionWithItsExampleAnswersIsInTrin2() throws IOException {
        Map<String, List<String>> questions = keyQuestions();
        assertThat(questions).hasSize(4);
        assertThat(questions.values()).allSatisfy(answers -> assertThat(answers).isNotEmpty());
        questions.forEach((question, answers) -> {
            for (String pdf : List.of("trin-2.pdf", TestHandbook.WHOLE_PDF)) {
                assertThat(text.get(pdf)).as(pdf).contains(normalize(question));
                for (String answer : answers) assertThat(text.get(pdf)).as(pdf + ": answer to " + question).contains(normalize(answer));
            }
            for (String other : List.of("trin-1.pdf", "trin-3.pdf", "idekatalog.pdf")) {
                assertThat(text.get(other)).as(other).doesNotContain(normalize(question));
            }
        });
    }

    @Test
    void everyOfferIsInTrin3() throws IOException {
        String source = Files.readString(CONTENT.resolve("trin-3/tilbud.adoc"), StandardCharsets.UTF_8);
        List<String> offers = Pattern.compile("(?m)^== (.+)$").matcher(source).results().map(r -> r.group(1)).toList();
        assertThat(offers).contains("Labs", "Skræddersyet sparringsforløb", "Uformelt møde").hasSize(4);
        for (String offer : offers) {
            for (String pdf : List.of("trin-3.pdf", TestHandbook.WHOLE_PDF)) {
                assertThat(text.get(pdf)).as(pdf).contains(normalize(offer));
            }
        }
        assertThat(text.get("trin-1.pdf")).doesNotContain(normalize("Skræddersyet sparringsforløb"));
    }

    @Test
    void theWholeHandbookOpensWithBookmarksForPartsChaptersAndSections() throws IOException {
        try (PDDocument pdf = open(TestHandbook.WHOLE_PDF)) {
            assertThat(pdf.getDocumentCatalog().getPageMode()).isEqualTo(PageMode.USE_OUTLINES);
            List<String> parts = new ArrayList<>();
            Map<String, List<String>> chapters = new HashMap<>();
            for (PDOutlineItem part : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                parts.add(part.getTitle());
                for (PDOutlineItem chapter : part.children()) {
                    List<String> sections = new ArrayList<>();
                    chapter.children().forEach(section -> sections.add(section.getTitle()));
                    chapters.put(chapter.getTitle(), sections);
                }
            }
            assertThat(parts).contains("Trin 1: Principper", "Trin 2: Retning og opfølgning", "Idékatalog", "Læringsopsamling");
            assertThat(chapters.get("De fire nøglespørgsmål")).containsAll(keyQuestions().keySet());
        }
    }

    @Test
    void theSearchPageAndTheSubjectIndexWorkOnlyOnTheWebAndAreNotPrinted() throws IOException {
        String whole = rawText.get(TestHandbook.WHOLE_PDF);
        assertThat(whole).contains("Om håndbogen").doesNotContain("Søgefeltet indsættes").doesNotContain("Søg i håndbogen")
                .doesNotContain("Emneindekset viser");
    }

    @Test
    void everyPdfHasMetadataDanishLabelsAndPageNumbers() throws IOException {
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                PDDocumentInformation info = pdf.getDocumentInformation();
                assertThat(info.getTitle()).as(name).isNotBlank();
                assertThat(info.getAuthor()).as(name).isEqualTo("Gentofte Kommune");
                assertThat(info.getSubject()).as(name).contains("Digitalisering, Innovation og Samskabelse");
                assertThat(pdf.getDocumentCatalog().getLanguage()).as(name).isEqualTo("da");
                assertThat(pdf.getNumberOfPages()).as(name).isGreaterThan(2);
            }
            assertThat(rawText.get(name)).as(name).contains("Indholdsfortegnelse", "Gentofte Kommune");
        }
        try (PDDocument pdf = open("trin-2.pdf")) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Trin 2: Retning og opfølgning");
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : pdf.getPages()) collectFonts(page.getResources(), fonts);
                assertThat(fonts).as(name).isNotEmpty();
                assertThat(fonts).as(name + ": fonts not embedded")
                        .allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            }
        }
    }

    @Test
    void everyPdfIsTaggedWithHeadingsListsTablesAndDescribedDiagrams() throws IOException {
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                PDDocumentCatalog catalog = pdf.getDocumentCatalog();
                assertThat(catalog.getMarkInfo()).as(name + ": MarkInfo").isNotNull();
                assertThat(catalog.getMarkInfo().isMarked()).as(name + ": marked content").isTrue();
                assertThat(catalog.getViewerPreferences().displayDocTitle()).as(name + ": shows its title").isTrue();
                PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
                assertThat(tree).as(name + ": structure tree").isNotNull();
                List<PDStructureElement> elements = new ArrayList<>();
                collect(tree.getKids(), elements);
                List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
                assertThat(types).as(name).contains("H1", "H2", "P", "L", "LI", "Link");
            }
        }
        try (PDDocument pdf = open("trin-2.pdf")) {
            List<PDStructureElement> elements = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), elements);
            // The annual cycle's diagram is a figure that tells a screen reader what it shows.
            assertThat(elements.stream().filter(e -> "Figure".equals(e.getStructureType())).map(PDStructureElement::getAlternateDescription))
                    .anySatisfy(alt -> assertThat(alt).contains("Politisk retning og opfølgning i Kommunalbestyrelsens årshjul", "budgetlægning"));
        }
        try (PDDocument pdf = open("trin-1.pdf")) {
            List<PDStructureElement> elements = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), elements);
            assertThat(elements.stream().map(PDStructureElement::getStructureType)).contains("Table", "TR", "TH", "TD");
        }
    }

    @Test
    void everyPdfPassesVeraPdfsPdfUaChecks() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String name : pdfNames()) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(site.resolve("pdf").resolve(name).toFile(), PDFAFlavour.PDFUA_1)) {
                ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false).validate(parser);
                List<String> failed = result.getTestAssertions().stream()
                        .filter(t -> t.getStatus() == TestAssertion.Status.FAILED)
                        .map(t -> t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + ": " + t.getMessage())
                        .distinct().toList();
                assertThat(failed).as(name + ": PDF/UA-1 rules failed").isEmpty();
                assertThat(result.isCompliant()).as(name).isTrue();
            }
        }
    }

    private static void collect(List<Object> kids, List<PDStructureElement> into) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement e) {
                into.add(e);
                collect(e.getKids(), into);
            }
        }
    }

    @Test
    void diagramsAreVectorGraphics() throws IOException {
        // (What a diagram shows is its figure's alternative text: see the tagging test.)
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                for (PDPage page : pdf.getPages()) {
                    assertThat(images(page.getResources())).as(name + ": raster images").isZero();
                }
            }
        }
    }

    @Test
    void linksBetweenPagesInOnePdfStayInsideIt() throws IOException {
        try (PDDocument pdf = open("trin-2.pdf")) {
            int internal = 0;
            List<String> uris = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (!(a instanceof PDAnnotationLink link)) continue;
                    if (link.getAction() instanceof PDActionURI uri) uris.add(uri.getURI());
                    else if (link.getAction() instanceof PDActionGoTo || link.getDestination() != null) internal++;
                }
            }
            assertThat(internal).as("internal links in trin-2.pdf").isGreaterThan(3);
            // Trin 2 links to the principle "Test" in Trin 1, which is not in this PDF: it points at the site.
            assertThat(uris).contains("https://dis-haandbog.example.dk/trin-1/#test");
            assertThat(uris).noneMatch(u -> u.startsWith("https://dis-haandbog.example.dk/trin-2/"));
        }
    }

    @Test
    void everyWebPageLinksToItsPartsPdf() throws IOException {
        Document page = Jsoup.parse(site.resolve("trin-2/noeglespoergsmaal/index.html").toFile(), "UTF-8");
        Element link = page.selectFirst(".pdf-link a");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Hent som PDF");
        assertThat(link.attr("href")).isEqualTo("/pdf/trin-2.pdf");
        assertThat(site.resolve("pdf/trin-2.pdf")).isRegularFile();
        assertThat(page.selectFirst(".pdf-link .pdf-size").text()).endsWith(", PDF)");

        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.selectFirst(".pdf-link a").attr("href")).isEqualTo("/pdf/" + TestHandbook.WHOLE_PDF);
        assertThat(site.resolve("pdf/" + TestHandbook.WHOLE_PDF)).isRegularFile();
    }

    @Test
    void everyPageAfterTheCoverIsNumberedStraightThrough() throws IOException {
        for (String name : pdfNames()) {
            try (PDDocument pdf = open(name)) {
                int count = pdf.getNumberOfPages();
                assertThat(pageText(pdf, 0)).as(name + ": cover").doesNotContain("Side 1 af");
                for (int i = 1; i < count; i++) {
                    assertThat(pageText(pdf, i)).as(name + " page " + (i + 1)).contains("Side " + (i + 1) + " af " + count);
                }
            }
        }
    }

    @Test
    void theWholeHandbooksContentsLeadToTheRightPages() throws IOException {
        try (PDDocument pdf = open(TestHandbook.WHOLE_PDF)) {
            PDPage contents = pdf.getPage(1);
            Matcher line = Pattern.compile("^(\\S.*?)[ .]*?\\s+(\\d+)$", Pattern.MULTILINE).matcher(pageText(pdf, 1));
            List<Map.Entry<String, Integer>> entries = new ArrayList<>();
            while (line.find()) {
                if (!line.group(0).matches(".*Side \\d+ af \\d+")) entries.add(Map.entry(line.group(1).replaceAll("[ .]+$", ""), Integer.parseInt(line.group(2))));
            }
            assertThat(entries.stream().map(Map.Entry::getKey))
                    .contains("Trin 1: Principper", "De fire nøglespørgsmål", "Idékatalog: Metoder", "De 3 projekter");
            for (Map.Entry<String, Integer> e : entries) {
                // A part's cover shows "Trin 1: Principper" as title and subtitle, without the colon.
                assertThat(normalize(pageText(pdf, e.getValue() - 1)).replace(":", "")).as("page " + e.getValue() + " for " + e.getKey())
                        .contains(normalize(e.getKey()).replace(":", ""));
            }
            // Every line is a link to the page it names (a line's title and its page number may be
            // separate link areas; each entry starts on a page of its own, so neighbours differ).
            List<Integer> linked = new ArrayList<>();
            for (PDAnnotation a : contents.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && destination(link) != null) {
                    int target = pdf.getPages().indexOf(destination(link).getPage()) + 1;
                    if (linked.isEmpty() || linked.get(linked.size() - 1) != target) linked.add(target);
                }
            }
            assertThat(linked).containsExactlyElementsOf(entries.stream().map(Map.Entry::getValue).toList());
        }
    }

    @Test
    void linksBetweenPartsStayInsideTheWholeHandbook() throws IOException {
        try (PDDocument pdf = open(TestHandbook.WHOLE_PDF)) {
            List<String> uris = new ArrayList<>();
            int internal = 0;
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (!(a instanceof PDAnnotationLink link)) continue;
                    if (link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    } else {
                        assertThat(destination(link)).as("an internal link's destination").isNotNull();
                        assertThat(pdf.getPages().indexOf(destination(link).getPage()))
                                .as("a link's page is in the whole handbook").isNotNegative();
                        internal++;
                    }
                }
            }
            // In trin-2.pdf the link to the principle "Test" goes to the site; here it stays inside.
            assertThat(uris).noneMatch(u -> u.startsWith("https://dis-haandbog.example.dk/trin-"));
            assertThat(internal).isGreaterThan(20);
        }
    }

    /** The page a link inside the PDF goes to, given as the link's destination or as a go-to action's. */
    static PDPageDestination destination(PDAnnotationLink link) throws IOException {
        if (link.getDestination() instanceof PDPageDestination d) return d;
        if (link.getAction() instanceof PDActionGoTo goTo && goTo.getDestination() instanceof PDPageDestination d) return d;
        return null;
    }

    static String pageText(PDDocument pdf, int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(pdf);
    }

    @Test
    void sizesAreWrittenTheDanishWay() {
        assertThat(PdfStage.humanSize(412_300)).isEqualTo("412 kB");
        assertThat(PdfStage.humanSize(1_240_000)).isEqualTo("1,2 MB");
    }

    static Map<String, List<String>> keyQuestions() throws IOException {
        String source = Files.readString(CONTENT.resolve("trin-2/noeglespoergsmaal.adoc"), StandardCharsets.UTF_8);
        Map<String, List<String>> questions = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : source.lines().toList()) {
            if (line.matches("== \\d\\. .+")) {
                current = new ArrayList<>();
                questions.put(line.substring(3), current);
            } else if (line.startsWith("== ")) {
                current = null;
            } else if (current != null && line.startsWith("* ")) {
                current.add(line.substring(2));
            }
        }
        return questions;
    }

    /** Drops the footer (municipality, page number): it splits sentences at page breaks. */
    static String withoutFooters(String raw) {
        return raw.lines()
                .filter(line -> !line.strip().matches("(Gentofte Kommune )?Side \\d+ af \\d+( Gentofte Kommune)?"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Compares text regardless of line breaks and hyphenation: lower case, no spaces or dashes. */
    static String normalize(String s) {
        return s.toLowerCase().replaceAll("[\\s\\u00AD\\-–—]+", "");
    }

    static List<String> pdfNames() throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("pdf"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static PDDocument open(String name) throws IOException {
        return Loader.loadPDF(site.resolve("pdf").resolve(name).toFile());
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) return;
        for (COSName n : resources.getFontNames()) fonts.add(resources.getFont(n));
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), fonts);
        }
    }

    private static int images(PDResources resources) throws IOException {
        if (resources == null) return 0;
        int count = 0;
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDImageXObject) count++;
            else if (x instanceof PDFormXObject form) count += images(form.getResources());
        }
        return count;
    }
}
