package dk.dis.handbook.search;

import dk.dis.handbook.support.TestHandbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The repository's real handbook, built once per test JVM into a temp folder, with its search index. */
final class BuiltHandbook {

    record LabelledQuery(String query, String kind, List<String> targets) {}

    private static BuiltHandbook instance;

    final TestHandbook handbook;
    final String buildOutput;

    private BuiltHandbook(TestHandbook handbook, String buildOutput) {
        this.handbook = handbook;
        this.buildOutput = buildOutput;
    }

    static synchronized BuiltHandbook get() throws Exception {
        if (instance == null) {
            Path root = Files.createTempDirectory("handbook-search-");
            TestHandbook h = new TestHandbook(root);
            String output = h.build(h.options().withContentDir(TestHandbook.REPO.resolve("content")));
            instance = new BuiltHandbook(h, output);
        }
        return instance;
    }

    Path site() {
        return handbook.out();
    }

    /** The folder of all the languages' Lucene indexes. */
    Path indexRoot() {
        return IndexStage.indexDirFor(site());
    }

    /** The Danish (default) Lucene index. */
    Path indexDir() {
        return indexDir("da");
    }

    Path indexDir(String locale) {
        return IndexStage.languageDir(indexRoot(), locale);
    }

    /** The site folder of a language's exported files: soeg/data, en/soeg/data. */
    static String dataFolder(String locale) {
        return locale.equals("da") ? IndexStage.DATA_FOLDER : locale + "/" + IndexStage.DATA_FOLDER;
    }

    /** The site URL of the Danish exported metadata file. */
    String metaUrl() throws IOException {
        return metaUrl("da");
    }

    String metaUrl(String locale) throws IOException {
        try (Stream<Path> files = Files.list(site().resolve(dataFolder(locale)))) {
            return "/" + dataFolder(locale) + "/" + files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("meta.")).findFirst().orElseThrow();
        }
    }

    static List<LabelledQuery> labelledQueries() {
        return labelledQueries("queries.tsv");
    }

    /** The labelled English queries (over the English pages only). */
    static List<LabelledQuery> englishQueries() {
        return labelledQueries("queries-en.tsv");
    }

    private static List<LabelledQuery> labelledQueries(String file) {
        try {
            List<LabelledQuery> out = new ArrayList<>();
            for (String line : Files.readAllLines(TestHandbook.REPO.resolve("src/test/resources/search/" + file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new LabelledQuery(f[0], f[1], Arrays.asList(f[2].split(" "))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
