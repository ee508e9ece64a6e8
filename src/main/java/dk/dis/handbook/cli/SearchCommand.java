package dk.dis.handbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.dis.handbook.search.IndexStage;
import dk.dis.handbook.search.LuceneSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the Lucene index of the last build (default target/search-index), one language at a time.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words to search for, in the language of --lang.")
    String query;

    @Option(names = "--json", description = "Print the hits as a JSON array.")
    boolean json;

    @Option(names = "--limit", defaultValue = "10", description = "Most hits to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--index", description = "Index folder (default: target/search-index).")
    Path index;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language to search, e.g. da or en (default: the site's default language).")
    String lang;

    @Option(names = "--part", paramLabel = "PART",
            description = "Only this part of the handbook: the first folder of its pages' URLs, e.g. trin-1 (as the search page's filter).")
    String part;

    @Override
    public Integer call() throws Exception {
        Path root = index != null ? index : IndexStage.indexDirFor(Path.of("target/site"));
        List<String> languages = IndexStage.languagesIn(root);
        String language = lang != null ? lang.strip().toLowerCase(Locale.ROOT) : languages.isEmpty() ? "da" : languages.get(0);
        if (!languages.isEmpty() && !languages.contains(language)) {
            System.err.println("Search failed: --lang " + lang + ": the index at " + root + " has the languages "
                    + String.join(", ", languages) + "; use one of them.");
            return 2;
        }
        Path dir = IndexStage.languageDir(root, language);
        List<LuceneSearcher.Hit> hits;
        try (LuceneSearcher searcher = new LuceneSearcher(dir)) {
            hits = searcher.search(query, limit, part == null || part.isBlank() ? null : part.strip());
        } catch (java.io.IOException e) {
            System.err.println("Search failed: " + e.getMessage());
            return 1;
        }
        if (json) {
            List<Map<String, Object>> out = hits.stream().map(h -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("title", h.heading().isEmpty() ? h.pageTitle() : h.pageTitle() + " – " + h.heading());
                m.put("url", h.url());
                m.put("score", h.score());
                m.put("excerpt", h.excerpt());
                return m;
            }).toList();
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            return 0;
        }
        if (hits.isEmpty()) {
            System.out.println("No hits for \"" + query + "\".");
            return 0;
        }
        int n = 1;
        for (LuceneSearcher.Hit h : hits) {
            System.out.printf(Locale.ROOT, "%2d. %s%s  (%.3f)%n    %s%n    %s%n", n++, h.pageTitle(),
                    h.heading().isEmpty() ? "" : " – " + h.heading(), h.score(), h.url(), shorten(h.excerpt()));
        }
        return 0;
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "…";
    }
}
