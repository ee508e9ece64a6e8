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

/** An incremental build must publish exactly what a clean build of the same content publishes. */
class IncrementalBuildTest {

    private static final Pattern RENDERED = Pattern.compile("(\\d+) pages rendered, (\\d+) unchanged");

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
        int[] bodyEdit = rendered(incremental.build());
        assertThat(bodyEdit[0]).as("pages rendered after a body edit").isBetween(1, 6);
        assertThat(bodyEdit[1]).as("pages reused after a body edit").isGreaterThan(25);
        assertSameSite(incremental, cleanBuildOf(incremental));

        // A new navigation title: every page that shows it in its navigation is rendered again.
        editNavTitle(incremental);
        int[] titleEdit = rendered(incremental.build());
        assertThat(titleEdit[0]).as("pages rendered after a navigation title edit").isGreaterThan(20);
        assertSameSite(incremental, cleanBuildOf(incremental));
        assertThat(incremental.read("trin-1/index.html")).contains("Netværket for sparring");
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
