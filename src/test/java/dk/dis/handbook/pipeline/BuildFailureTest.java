package dk.dis.handbook.pipeline;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad content stops the build with a message naming the file and field, and leaves the last good site alone. */
class BuildFailureTest {
    @TempDir
    Path dir;
    TestHandbook handbook;

    @BeforeEach
    void setUp() throws Exception {
        handbook = new TestHandbook(dir).minimalSite();
    }

    @Test
    void minimalSiteBuilds() throws Exception {
        String log = handbook.build();
        assertThat(handbook.out().resolve("index.html")).exists();
        assertThat(handbook.out().resolve("trin-1/detaljer/index.html")).exists();
        assertThat(log).contains("Built 4 pages");
    }

    @Test
    void aTemplateWithASyntaxErrorIsNamedWithItsLineAndKeepsThePreviousSite() throws Exception {
        handbook.build();
        String before = handbook.read("trin-1/detaljer/index.html");
        Files.writeString(handbook.root.resolve("templates/partials/extra.ftlh"), "<p>\n<#if page??>\n</p>\n");
        Path page = handbook.root.resolve("templates/page.ftlh");
        Files.writeString(page, Files.readString(page) + "<#include \"partials/extra.ftlh\">\n");

        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("templates/partials/extra.ftlh: cannot be read: line ");
        assertThat(handbook.read("trin-1/detaljer/index.html")).isEqualTo(before);

        // The page template itself broken, not through an include.
        Files.writeString(page, "<#if>\n");
        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("templates/page.ftlh: cannot be read: line 1");
    }

    @Test
    void oldUrlsOutsideTheHandbookNeverReachTheRedirectsFile() throws Exception {
        handbook.build();
        String before = handbook.read("_redirects");
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer",
                ":jbake-oldslugs: /gammel https://evil.example/ 302, /*, :splat, /a?b=1, //evil.example/x, /../etc") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc: field 'jbake-oldslugs': has '/gammel https://evil.example/ 302', which is a full URL")
                .hasMessageContaining("'/*', which is a wildcard")
                .hasMessageContaining("':splat', which contains a placeholder")
                .hasMessageContaining("'/a?b=1', which contains a query")
                .hasMessageContaining("'//evil.example/x', which is a full URL")
                .hasMessageContaining("'/../etc', which steps out of the folder");
        assertThat(handbook.read("_redirects")).isEqualTo(before).doesNotContain("evil");
    }

    @Test
    void anOldUrlMayNotTakeAnAddressTheSitePublishes() throws Exception {
        for (String taken : new String[] {"/assets/", "/soeg/data", "/was", "/trin-1/detaljer/"}) {
            handbook.write("trin-1/index.adoc", header("Politiske principper", "trin-1", "trin-1", ":jbake-oldslugs: " + taken)
                    + "[[saet-retning]]\n== Sæt retning\n\nFokusér.\n");
            assertThatThrownBy(handbook::build).as(taken)
                    .isInstanceOf(ContentException.class)
                    .hasMessageContaining("content/trin-1/index.adoc: field 'jbake-oldslugs': '" + (taken.endsWith("/") ? taken : taken + "/") + "'");
        }
    }

    @Test
    void brokenLinkFailsNamingTheFileAndKeepsThePreviousSite() throws Exception {
        handbook.build();
        String before = handbook.read("trin-1/detaljer/index.html");
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "Se link:/trin-9/[et trin, der ikke findes].\n");

        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc")
                .hasMessageContaining("/trin-9/");
        assertThat(handbook.read("trin-1/detaljer/index.html")).isEqualTo(before);
        try (var siblings = Files.list(handbook.out().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", "search-index", "build-cache");
        }
    }

    @Test
    void brokenAnchorFailsNamingTheFile() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "Se link:/trin-1/#findes-ikke[her].\n");
        assertThatThrownBy(handbook::build)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc")
                .hasMessageContaining("no section with id 'findes-ikke'");
    }

    @Test
    void pageWithoutStatusFailsNamingFileAndField() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-status:DELETE") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: field 'jbake-status': is missing.");
        assertThat(handbook.out()).doesNotExist();
    }

    @Test
    void pageWithoutDateFailsNamingFileAndField() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-date:DELETE") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: field 'jbake-date': is missing.");
    }

    @Test
    void invalidDateIsNamed() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-date: 12-12-2017") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("field 'jbake-date': is '12-12-2017', not a date.");
    }

    @Test
    void duplicateSlugFails() throws Exception {
        handbook.write("trin-2/index.adoc", header("Trin 2", "trin-2", "trin-2", ":jbake-order: 20") + "Tekst.\n");
        handbook.write("trin-2/detaljer.adoc", header("Andre detaljer", "trin-2", "detaljer") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-2/detaljer.adoc: field 'jbake-slug': 'detaljer' is also the slug of content/trin-1/detaljer.adoc");
    }

    @Test
    void slugThatDisagreesWithTheFileIsNamed() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "andet-navn") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("field 'jbake-slug': is 'andet-navn' but the file's place gives 'detaljer'");
    }

    @Test
    void thirdNavigationLevelIsRefused() throws Exception {
        handbook.write("trin-1/under/dybt.adoc", header("Dybt", "trin-1", "dybt") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/under/dybt.adoc: is not where a page can be.");
    }

    @Test
    void unknownDiagramFailsNamingTheFile() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "diagram::findes-ikke[]\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc")
                .hasMessageContaining("findes-ikke");
    }

    @Test
    void aSectionIdThatClashesWithThePageLayoutIsNamed() throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "[[hovedmenu]]\n== Menu\n\nTekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("content/trin-1/detaljer.adoc: has the id 'hovedmenu' twice");
    }

    @Test
    void allProblemsAreReportedAtOnce() throws Exception {
        handbook.write("trin-1/a.adoc", header("A", "trin-1", "a", ":jbake-date:DELETE") + "Tekst.\n");
        handbook.write("trin-1/b.adoc", header("B", "trin-1", "b", ":jbake-owner:DELETE") + "Tekst.\n");
        assertThatThrownBy(handbook::build)
                .hasMessageContaining("2 content problem(s)")
                .hasMessageContaining("content/trin-1/a.adoc: field 'jbake-date'")
                .hasMessageContaining("content/trin-1/b.adoc: field 'jbake-owner'");
    }
}
