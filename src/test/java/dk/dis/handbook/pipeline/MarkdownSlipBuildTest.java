package dk.dis.handbook.pipeline;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Markdown pasted into a page: the build says where, and what to write in Asciidoc. */
class MarkdownSlipBuildTest {
    @TempDir
    Path dir;

    @Test
    void aMarkdownLinkIsBuiltWithAWarningNamingTheFileTheLineAndTheAsciidoc() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        String head = header("Detaljer", "trin-1", "detaljer", ":jbake-summary: Se **fed** og [dette](https://example.dk).");
        handbook.write("trin-1/detaljer.adoc", head + "Læs [rapporten](https://example.dk/rapport.pdf) først.\n\n"
                + "----\n[ikke et link](https://example.dk)\n----\n");
        int line = (int) head.lines().count() + 1;

        String log = handbook.build();
        assertThat(log).contains("warning: content/trin-1/detaljer.adoc: line " + line
                + " looks like a Markdown link [rapporten](https://example.dk/rapport.pdf);"
                + " in Asciidoc write https://example.dk/rapport.pdf[rapporten].");
        assertThat(log).contains("warning: content/trin-1/detaljer.adoc: field 'jbake-summary', line ");
        assertThat(log).doesNotContain("[ikke et link]").doesNotContain("**fed**");
        // The page is still built, with the text as written.
        assertThat(handbook.read("trin-1/detaljer/index.html")).contains("[rapporten](");

        // A build after another page changed takes this one from the cache, and warns again.
        handbook.write("om/index.adoc", header("Om håndbogen", "om", "om", ":jbake-order: 90") + "[[kontakt]]\n== Kontakt\n\nRing.\n");
        assertThat(handbook.build()).contains("line " + line + " looks like a Markdown link [rapporten]");
    }

    @Test
    void aMarkdownPageTitleInThePageFailsTheBuildSayingWhatToWrite() throws Exception {
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        String head = header("Detaljer", "trin-1", "detaljer");
        handbook.write("trin-1/detaljer.adoc", head + "Tekst.\n\n# Baggrund\n\nMere tekst.\n");
        int line = (int) head.lines().count() + 3;

        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: Asciidoctor error (line " + line + "): level 0 sections")
                .hasMessageContaining("The line looks like a Markdown heading # Baggrund; in Asciidoc write == Baggrund");
    }
}
