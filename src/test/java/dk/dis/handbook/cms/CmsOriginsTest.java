package dk.dis.handbook.cms;

import dk.dis.handbook.content.CmsOrigins;
import dk.dis.handbook.content.ContentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A build problem in a synced file, told as the CMS entry, field and line inside the field. */
class CmsOriginsTest {
    @TempDir
    Path content;

    @Test
    void problemsNameTheEntryTheFieldAndTheLineInTheField() throws Exception {
        PageDocument page = new PageDocument("Detaljer", "page", "published", "2017-12-12", "detaljer", "Resumé.", "trin-1", 20, null,
                "Udvalget", "2026-11-24", "2027-11-24", null, "a, b", null, null, "gammel", null, "Første linje.\n\nAnden linje med fejl.");
        String text = page.toAsciidoc();
        Files.createDirectories(content.resolve("trin-1"));
        Files.writeString(content.resolve("trin-1/detaljer.adoc"), text);
        CmsOrigins.write(content, Map.of("trin-1/detaljer.adoc",
                new CmsOrigins.Origin("Detaljer", "da", "trin-1", "doc-7", CmsOrigins.headerFields(text))));
        int bodyLine = text.split("\n").length; // the last line: "Anden linje med fejl."

        List<ContentProblem> renamed = CmsOrigins.read(content).rename(List.of(
                new ContentProblem("content/trin-1/detaljer.adoc", null, "line " + bodyLine + " has a raw HTML passthrough block (++++).", null),
                new ContentProblem("content/trin-1/detaljer.adoc", "jbake-oldslugs", "has '/*', which is a wildcard.", null),
                new ContentProblem("content/trin-1/detaljer.adoc", null, "line 6 has a script or data URL.", null),
                new ContentProblem("content/andet.adoc", null, "is not where a page can be.", null)));

        assertThat(renamed.get(0).toString()).isEqualTo("CMS page 'Detaljer' (da, section trin-1, documentId doc-7): field 'body': "
                + "line 3 has a raw HTML passthrough block (++++). (content/trin-1/detaljer.adoc)");
        assertThat(renamed.get(1).toString()).startsWith("CMS page 'Detaljer' (da, section trin-1, documentId doc-7): field 'oldUrls': has '/*'");
        assertThat(renamed.get(2).field()).as("line 6 of the header is the summary").isEqualTo("summary");
        assertThat(renamed.get(3).file()).as("a file that did not come from the CMS keeps its name").isEqualTo("content/andet.adoc");
    }
}
