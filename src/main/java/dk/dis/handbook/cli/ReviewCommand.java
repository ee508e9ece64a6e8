package dk.dis.handbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ReviewDates;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.site.Dates;
import dk.dis.handbook.site.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Lists the published pages whose review is overdue or due soon, per owner (from the page headers in content/).")
final class ReviewCommand implements Callable<Integer> {

    @Option(names = "--content", description = "Content folder (default: content).")
    Path content;

    @Option(names = "--config", description = "The municipality's config file (default: handbook.yml).")
    Path config = Path.of("handbook.yml");

    @Option(names = "--within", defaultValue = "60", description = "Also list pages due within this many days (default: ${DEFAULT-VALUE}).")
    int within;

    @Option(names = "--today", description = "The date to count from, YYYY-MM-DD (default: today in Denmark).")
    LocalDate today;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HandbookConfig site;
        try {
            site = HandbookConfig.load(config);
        } catch (ConfigException e) {
            System.err.println("Review failed: " + e.getMessage());
            return 2;
        }
        Path contentDir = content != null ? content : config.toAbsolutePath().getParent().resolve("content");
        LocalDate date = today != null ? today : LocalDate.now(BuildOptions.ZONE);
        ReviewDates.Report report = ReviewDates.of(contentDir, site.locales(), date, within);
        report.problems().forEach(p -> System.err.println("warning: " + p));
        if (json) printJson(report, System.out);
        else printText(report, Messages.of(site.language()), site.language(), System.out);
        return 0;
    }

    static void printText(ReviewDates.Report report, Map<String, String> t, String language, PrintStream out) {
        out.println(t.get("review.cli.heading").replace("{date}", Dates.format(report.today(), language))
                .replace("{days}", String.valueOf(report.withinDays())));
        if (report.byOwner().isEmpty()) {
            out.println(t.get("review.cli.none"));
            return;
        }
        report.byOwner().forEach((owner, pages) -> {
            out.println();
            out.println(owner);
            for (ReviewDates.Due d : pages) {
                String when = (d.overdue() ? t.get("review.cli.overdue") : t.get("review.cli.soon"))
                        .replace("{date}", Dates.format(d.nextReview(), language))
                        .replace("{days}", String.valueOf(Math.abs(d.daysLeft())));
                out.println("  " + when + ": " + d.title() + "  " + d.url() + "  (" + d.file() + ")");
            }
        });
    }

    static void printJson(ReviewDates.Report report, PrintStream out) throws Exception {
        List<Map<String, Object>> owners = new ArrayList<>();
        report.byOwner().forEach((owner, pages) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("owner", owner);
            o.put("overdue", pages.stream().filter(ReviewDates.Due::overdue).map(ReviewCommand::json).toList());
            o.put("soon", pages.stream().filter(d -> !d.overdue()).map(ReviewCommand::json).toList());
            owners.add(o);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", report.today().toString());
        document.put("withinDays", report.withinDays());
        document.put("owners", owners);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    }

    private static Map<String, Object> json(ReviewDates.Due d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", d.title());
        m.put("url", d.url());
        m.put("lang", d.locale());
        m.put("file", d.file());
        m.put("reviewed", d.reviewed().toString());
        m.put("nextReview", d.nextReview().toString());
        m.put("daysLeft", d.daysLeft());
        return m;
    }
}
