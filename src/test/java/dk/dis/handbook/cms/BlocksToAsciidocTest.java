package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlocksToAsciidocTest {
    private final List<String> warnings = new ArrayList<>();
    private final BlocksToAsciidoc converter = new BlocksToAsciidoc("page 'x'", warnings::add);

    private String convert(String json) throws Exception {
        return converter.convert(new ObjectMapper().readTree(json));
    }

    @Test
    void paragraphsHeadingsAndMarks() throws Exception {
        assertThat(convert("""
                [{"type":"heading","level":2,"children":[{"type":"text","text":"Sæt retning"}]},
                 {"type":"paragraph","children":[
                   {"type":"text","text":"Vi "},{"type":"text","text":"tester ","bold":true},
                   {"type":"text","text":"tidligt","italic":true},{"type":"text","text":" og "},
                   {"type":"text","text":"ofte","underline":true},{"type":"text","text":", ikke "},
                   {"type":"text","text":"sent","strikethrough":true},{"type":"text","text":" med "},
                   {"type":"text","text":"mvn verify","code":true},{"type":"text","text":"."}]}]"""))
                .isEqualTo("=== Sæt retning\n\nVi **tester** __tidligt__ og [.underline]##ofte##, ikke "
                        + "[.line-through]##sent## med ``mvn verify``.");
        assertThat(warnings).isEmpty();
    }

    @Test
    void nestedListsQuotesCodeAndLinks() throws Exception {
        assertThat(convert("""
                [{"type":"list","format":"unordered","children":[
                   {"type":"list-item","children":[{"type":"text","text":"Udforsk"}]},
                   {"type":"list","format":"ordered","children":[{"type":"list-item","children":[{"type":"text","text":"Idé"}]}]}]},
                 {"type":"quote","children":[{"type":"text","text":"Tænk stort, start småt."}]},
                 {"type":"code","language":"bash","children":[{"type":"text","text":"npm start\\n----"}]},
                 {"type":"paragraph","children":[{"type":"text","text":"Se "},
                   {"type":"link","url":"/trin-2/#saet-retning","children":[{"type":"text","text":"trin 2"}]},{"type":"text","text":" og "},
                   {"type":"link","url":"https://www.gentofte.dk/","children":[{"type":"text","text":"kommunen"}]}]}]"""))
                .isEqualTo("* Udforsk\n.. Idé\n\n____\nTænk stort, start småt.\n____\n\n[source,bash]\n----\nnpm start\n ----\n----\n\n"
                        + "Se link:/trin-2/#saet-retning[trin 2] og https://www.gentofte.dk/[kommunen]");
    }

    @Test
    void imagesFromTheMediaLibraryOnly() throws Exception {
        assertThat(convert("""
                [{"type":"image","image":{"url":"/uploads/aarshjul_1.png","alternativeText":"Årshjulet, med budget"},"children":[{"type":"text","text":""}]},
                 {"type":"image","image":{"url":"https://tracker.example/pixel.gif","alternativeText":"Pixel"},"children":[]}]"""))
                .isEqualTo("image::/uploads/aarshjul_1.png[Årshjulet{comma} med budget]\n\nPixel");
        assertThat(warnings).singleElement().asString().contains("https://tracker.example/pixel.gif").contains("not an upload");
    }

    @Test
    void textCannotBecomeMarkupOrScript() throws Exception {
        String out = convert("""
                [{"type":"paragraph","children":[{"type":"text","text":"pass:[<script>] *fed* ++++ include::x[]"}]},
                 {"type":"paragraph","children":[{"type":"link","url":"javascript:alert(1)","children":[{"type":"text","text":"klik"}]}]}]""");
        assertThat(out).doesNotContain("<script>").doesNotContain("pass:[").doesNotContain("++++").doesNotContain("*fed*")
                .doesNotContain("javascript").doesNotContain("include::");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("javascript:alert(1)"));
    }

    @Test
    void unknownNodesWarnAndKeepTheirText() throws Exception {
        assertThat(convert("""
                [{"type":"callout","children":[{"type":"text","text":"Husk mødet"}]}]""")).isEqualTo("Husk mødet");
        assertThat(warnings).singleElement().asString().contains("page 'x'").contains("'callout'");
    }
}
