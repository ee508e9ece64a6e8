package dk.dis.handbook.pdf;

import dk.dis.handbook.support.TestHandbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every construct the CMS editor's toolbar offers (headings, bold, italic, inline code, lists, a link
 * to another page's section, note and tip boxes, a table, listing and source blocks) on one page,
 * built with PDFs: each is in the web page's HTML and in the PDFs, code in an embedded monospace font.
 */
class EditorConstructsTest {
    static final String PAGE = """
            Indledning med *fed tekst*, _kursiv tekst_ og `inline-kode` i samme afsnit.

            [[overskrift-to]]
            == Overskrift på niveau to

            === Overskrift på niveau tre

            * Første punkt med `kode-i-punkt`
            * Andet punkt

            Trinene i rækkefølge:

            . Første trin
            . Andet trin

            Se link:/trin-1/#saet-retning[Sæt retning] i Trin 1.

            NOTE: En bemærkning til læseren.

            TIP: Et godt råd med `tip-kode`.

            [cols="1,2"]
            |===
            |Felt |Værdi

            |Navn
            |`tabel-kode`
            |===

            ----
            java -jar handbook.jar build
            ----

            [source,java]
            ----
            System.out.println("Hej, æøå");
            ----
            """;

    @TempDir
    static Path dir;
    static TestHandbook handbook;
    static Document html;

    @BeforeAll
    static void build() throws Exception {
        handbook = new TestHandbook(dir).minimalSite();
        handbook.write("trin-1/vaerktoej.adoc", header("Værktøjslinjen", "trin-1", "vaerktoej", ":jbake-order: 20") + PAGE);
        handbook.build(handbook.options().withPdf(true));
        html = Jsoup.parse(handbook.read("trin-1/vaerktoej/index.html"));
    }

    @Test
    void everyConstructIsInTheWebPage() {
        Element body = html.selectFirst("main .body");
        assertThat(body).isNotNull();
        assertThat(body.select("h2#overskrift-to").text()).isEqualTo("Overskrift på niveau to");
        assertThat(body.select("h3").text()).contains("Overskrift på niveau tre");
        assertThat(body.select("strong").text()).contains("fed tekst");
        assertThat(body.select("em").text()).contains("kursiv tekst");
        assertThat(body.select("code").eachText()).contains("inline-kode", "kode-i-punkt", "tip-kode", "tabel-kode");
        assertThat(body.select("ul li").eachText()).contains("Første punkt med kode-i-punkt", "Andet punkt");
        assertThat(body.select("ol li").eachText()).containsExactly("Første trin", "Andet trin");
        Element link = body.selectFirst("a[href=/trin-1/#saet-retning]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Sæt retning");
        assertThat(body.select(".admonitionblock.note").text()).contains("Bemærk", "En bemærkning til læseren.");
        assertThat(body.select(".admonitionblock.tip").text()).contains("Tips", "Et godt råd med tip-kode.");
        assertThat(body.select("table.tableblock th").eachText()).containsExactly("Felt", "Værdi");
        assertThat(body.select("table.tableblock td").eachText()).contains("Navn", "tabel-kode");
        assertThat(body.select(".listingblock pre").eachText())
                .containsExactly("java -jar handbook.jar build", "System.out.println(\"Hej, æøå\");");
    }

    @Test
    void everyConstructIsInThePdfsAndCodeIsSetInTheMonospaceFont() throws IOException {
        for (String name : List.of("trin-1.pdf", TestHandbook.WHOLE_PDF)) {
            try (PDDocument pdf = open(name)) {
                FontsOfText text = new FontsOfText();
                // Soft hyphens are where the layout may break a word.
                String all = text.getText(pdf).replace("\u00AD", "");
                assertThat(all).as(name).contains("Overskrift på niveau to", "Overskrift på niveau tre", "fed tekst", "kursiv tekst",
                        "inline-kode", "Første punkt med kode-i-punkt", "Andet punkt", "Første trin", "Andet trin",
                        "Se Sæt retning i Trin 1.", "Bemærk", "En bemærkning til læseren.", "Tips", "Felt", "Værdi", "Navn",
                        "tabel-kode", "java -jar handbook.jar build", "System.out.println(\"Hej, æøå\");");
                for (String code : List.of("inline-kode", "kode-i-punkt", "tip-kode", "tabel-kode", "handbook.jar", "System.out.println")) {
                    assertThat(text.fontsOf(code)).as(name + ": font of " + code).isNotEmpty()
                            .allSatisfy(font -> assertThat(font).contains("NotoSansMono"));
                }
                assertThat(text.fontsOf("Indledning")).as(name).isNotEmpty().allSatisfy(font -> assertThat(font).endsWith("+NotoSans"));
                assertThat(text.fontsOf("fed tekst")).as(name).isNotEmpty().allSatisfy(font -> assertThat(font).contains("NotoSans-Bold"));
                assertThat(text.fontsOf("kursiv tekst")).as(name).isNotEmpty().allSatisfy(font -> assertThat(font).contains("NotoSans-Italic"));
            }
        }
        try (PDDocument pdf = open("trin-1.pdf")) {
            // The link to another page of the same PDF stays inside it and says where it goes.
            List<PDAnnotationLink> links = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link && "Sæt retning".equals(link.getContents())) links.add(link);
                }
            }
            assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(HandbookPdfTest.destination(link)).isNotNull());
        }
    }

    @Test
    void everyFontIsEmbeddedAndThePdfsPassVeraPdfsPdfUaChecks() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String name : List.of("trin-1.pdf", TestHandbook.WHOLE_PDF)) {
            try (PDDocument pdf = open(name)) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : pdf.getPages()) collectFonts(page.getResources(), fonts);
                assertThat(fonts).as(name).anySatisfy(f -> assertThat(f.getName()).contains("NotoSansMono"));
                assertThat(fonts).as(name + ": fonts not embedded").allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            }
            try (PDFAParser parser = Foundries.defaultInstance().createParser(
                    handbook.out().resolve("pdf").resolve(name).toFile(), PDFAFlavour.PDFUA_1)) {
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

    private static PDDocument open(String name) throws IOException {
        return Loader.loadPDF(handbook.out().resolve("pdf").resolve(name).toFile());
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) return;
        for (COSName n : resources.getFontNames()) fonts.add(resources.getFont(n));
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), fonts);
        }
    }

    /** The text, and the font of each character drawn. */
    private static final class FontsOfText extends PDFTextStripper {
        private final StringBuilder chars = new StringBuilder();
        private final List<String> fontOfChar = new ArrayList<>();

        FontsOfText() throws IOException {
            // In reading order: the layout draws a line's bold, italic and code runs after its plain text.
            setSortByPosition(true);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition p : positions) {
                for (int i = 0; i < p.getUnicode().length(); i++) {
                    if (p.getUnicode().charAt(i) == '\u00AD') continue;
                    chars.append(p.getUnicode().charAt(i));
                    fontOfChar.add(p.getFont().getName());
                }
            }
            chars.append('\n');
            fontOfChar.add(null);
            super.writeString(text, positions);
        }

        /** The fonts {@code word}'s characters are drawn in, wherever it occurs. */
        Set<String> fontsOf(String word) {
            Set<String> names = new TreeSet<>();
            for (int at = chars.indexOf(word); at >= 0; at = chars.indexOf(word, at + 1)) {
                for (int i = at; i < at + word.length(); i++) {
                    if (!Character.isWhitespace(chars.charAt(i))) names.add(fontOfChar.get(i));
                }
            }
            return names;
        }
    }
}
