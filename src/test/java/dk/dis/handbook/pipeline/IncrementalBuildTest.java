package dk.dis.handbook.pipeline;

import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An incremental build must publish exactly what a clean build of the same content publishes. */
class IncrementalBuildTest {

    private static final Pattern RENDERED = Pattern.compile("(\\d+) pages rendered, (\\d+) unchanged");
    private static final Pattern ANALYSED = Pattern.compile("; (\\d+) pages analysed, (\\d+) unchanged");
    private static final Pattern READ_AGAIN = Pattern.compile("\\((\\d+) pages read again\\)");
    private String lastLog;

    @TempDir
    Path incrementalRoot;
    @TempDir
    Path cleanRoot;

    @Test
    void editingOnePageRendersOnlyWhatDependsOnItAndMatchesACleanBuild() throws Exception {
        TestHandbook incremental = new TestHandbook(incrementalRoot).realContent();
        incremental.build();
        Map<String, byte[]> first = files(incremental.out());

        // Nothing changed: nothing is built, nothing in the output changes.
        String again = incremental.build();
        assertThat(again).contains("nothing changed since the last build");
        assertThat(files(incremental.out())).containsOnlyKeys(first.keySet().toArray(String[]::new));

        // A sentence in one page's body: that page is rendered again (the search and subject index pages are rendered by the index stage, not counted here).
        editBody(incremental);
        lastLog = incremental.build();
        int[] bodyEdit = rendered(lastLog);
        assertThat(bodyEdit[0]).as("pages rendered after a body edit").isBetween(1, 6);
        assertThat(bodyEdit[1]).as("pages reused after a body edit").isGreaterThan(25);
        assertThat(pagesReadAgain(lastLog)).as("pages the publish checks read again after a body edit").isBetween(1, 6);
        assertThat(pagesAnalysed(lastLog)).as("pages the index analysed again after a body edit").isBetween(1, 3);
        assertSameSite(incremental, cleanBuildOf(incremental));

        // A new navigation title: every page that shows it in its navigation is rendered again.
        editNavTitle(incremental);
        int[] titleEdit = rendered(incremental.build());
        assertThat(titleEdit[0]).as("pages rendered after a navigation title edit").isGreaterThan(20);
        assertSameSite(incremental, cleanBuildOf(incremental));
        assertThat(incremental.read("trin-1/index.html")).contains("Netværket for sparring");
    }

    @Test
    void anAnchorThatDisappearsFailsTheBuildOnEveryUnchangedPageThatLinksToIt() throws Exception {
        TestHandbook handbook = new TestHandbook(incrementalRoot).minimalSite();
        handbook.write("trin-1/mere.adoc", TestHandbook.header("Mere", "trin-1", "mere", ":jbake-order: 20")
                + "Læs link:/trin-1/#saet-retning[om retningen].\n");
        handbook.build();

        // The target page loses the section; the two pages that link to it are not touched.
        handbook.write("trin-1/index.adoc", TestHandbook.header("Politiske principper", "trin-1", "trin-1")
                + "[[ny-retning]]\n== Ny retning\n\nFokusér.\n");
        assertThatThrownBy(handbook::build)
                .isInstanceOf(dk.dis.handbook.content.ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc: links to '/trin-1/#saet-retning', but the page /trin-1/ has no section with id 'saet-retning'")
                .hasMessageContaining("content/trin-1/mere.adoc: links to '/trin-1/#saet-retning'");
        assertThat(handbook.read("trin-1/index.html")).as("the published site is kept").contains("id=\"saet-retning\"");

        // Linked again: the build passes, reading only what changed since the last published site.
        handbook.write("trin-1/mere.adoc", TestHandbook.header("Mere", "trin-1", "mere", ":jbake-order: 20")
                + "Læs link:/trin-1/#ny-retning[om retningen].\n");
        handbook.write("trin-1/detaljer.adoc", TestHandbook.header("Detaljer", "trin-1", "detaljer") + "Se link:/trin-1/#ny-retning[Ny retning].\n");
        String log = handbook.build();
        assertThat(handbook.read("trin-1/mere/index.html")).contains("/trin-1/#ny-retning");
        assertThat(pagesReadAgain(log)).isLessThan(countPages(handbook.out()));
    }

    @Test
    void aNewWordThatSplitsAnotherPagesCompoundAnalysesThatPageAgain() throws Exception {
        TestHandbook handbook = new TestHandbook(incrementalRoot).minimalSite();
        handbook.write("trin-1/model.adoc", TestHandbook.header("Model", "trin-1", "model", ":jbake-order: 30")
                + "Udvalget arbejder efter flimtraksmodellen.\n");
        handbook.build();

        // "flimtrak" comes into the vocabulary on another page: the compound on the model page now splits.
        handbook.write("trin-1/detaljer.adoc", TestHandbook.header("Detaljer", "trin-1", "detaljer")
                + "Se link:/trin-1/#saet-retning[Sæt retning]. En flimtrak er et redskab.\n");
        String log = handbook.build();
        assertThat(pagesAnalysed(log)).as("the edited page and the page with the compound").isBetween(2, 4);
        assertSameSite(handbook, cleanBuildOf(handbook));
    }

    private static int pagesAnalysed(String buildLog) {
        Matcher m = ANALYSED.matcher(buildLog);
        assertThat(m.find()).as("index summary in:\n" + buildLog).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int pagesReadAgain(String buildLog) {
        Matcher m = READ_AGAIN.matcher(buildLog);
        assertThat(m.find()).as("publish summary in:\n" + buildLog).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int countPages(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return (int) walk.filter(p -> p.toString().endsWith(".html")).count();
        }
    }

    private static void editBody(TestHandbook handbook) throws IOException {
        Path page = handbook.root.resolve("content/trin-3/netvaerk.adoc");
        Files.writeString(page, Files.readString(page) + "\nNetværket mødes også digitalt hver anden måned.\n");
    }

    private static void editNavTitle(TestHandbook handbook) throws IOException {
        Path page = handbook.root.resolve("content/trin-3/netvaerk.adoc");
        String text = Files.readString(page);
        String edited = text.replaceFirst("(?m)^:jbake-navtitle: .*$", ":jbake-navtitle: Netværket for sparring");
        if (edited.equals(text)) edited = text.replaceFirst("(?m)^:jbake-type: page$", ":jbake-type: page\n:jbake-navtitle: Netværket for sparring");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(page, edited);
    }

    private TestHandbook cleanBuildOf(TestHandbook incremental) throws Exception {
        Path root = Files.createTempDirectory(cleanRoot, "clean");
        TestHandbook clean = new TestHandbook(root);
        dk.dis.handbook.content.Trees.copy(incremental.root.resolve("content"), root.resolve("content"));
        clean.build(clean.options().withCacheDir(null));
        return clean;
    }

    private static int[] rendered(String buildLog) {
        Matcher m = RENDERED.matcher(buildLog);
        assertThat(m.find()).as("bake summary in:\n" + buildLog).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static void assertSameSite(TestHandbook incremental, TestHandbook clean) throws IOException {
        Map<String, byte[]> a = files(incremental.out());
        Map<String, byte[]> b = files(clean.out());
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String file : a.keySet()) {
            assertThat(new String(a.get(file), StandardCharsets.UTF_8)).as(file).isEqualTo(new String(b.get(file), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }
}
