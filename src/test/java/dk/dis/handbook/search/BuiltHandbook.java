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

    Path indexDir() {
        return IndexStage.indexDirFor(site());
    }

    /** The site URL of the exported metadata file. */
    String metaUrl() throws IOException {
        try (Stream<Path> files = Files.list(site().resolve(IndexStage.DATA_FOLDER))) {
            return "/" + IndexStage.DATA_FOLDER + "/" + files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("meta.")).findFirst().orElseThrow();
        }
    }

    static List<LabelledQuery> labelledQueries() {
        try {
            List<LabelledQuery> out = new ArrayList<>();
            for (String line : Files.readAllLines(TestHandbook.REPO.resolve("src/test/resources/search/queries.tsv"), StandardCharsets.UTF_8)) {
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
