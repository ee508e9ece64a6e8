package dk.dis.handbook.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which published pages are past their next review date and which fall due soon, per owner: read
 * from the page headers in content/ alone (no conversion), for the secretaries who keep the
 * handbook current ({@code handbook review}).
 */
public final class ReviewDates {

    /** One page's review: {@code daysLeft} is negative for a page whose review is overdue. */
    public record Due(String file, String url, String locale, String title, String owner, LocalDate reviewed,
                      LocalDate nextReview, long daysLeft) {
        public boolean overdue() {
            return daysLeft < 0;
        }
    }

    /** The pages due by {@code today} + {@code withinDays}, by owner (owners A–Å, each owner's pages earliest first). */
    public record Report(LocalDate today, int withinDays, Map<String, List<Due>> byOwner, List<String> problems) {}

    private ReviewDates() {}

    public static Report of(Path contentDir, List<String> locales, LocalDate today, int withinDays) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            files = walk.filter(p -> p.toString().endsWith(".adoc") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Due> due = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path relative = contentDir.relativize(file);
            String name = "content/" + relative.toString().replace('\\', '/');
            PageHeader.Text text = PageHeader.read(name, Files.readString(file, StandardCharsets.UTF_8), problems);
            PageHeader.Location location = PageHeader.Location.of(relative, locales);
            if (text == null || location == null) continue;
            if (!"published".equals(text.attributes().get("jbake-status"))) continue;
            List<ContentProblem> own = new ArrayList<>();
            PageHeader header = new PageHeader(name, text.attributes(), own);
            LocalDate reviewed = header.date("jbake-reviewed", true);
            LocalDate next = header.date("jbake-nextreview", true);
            String owner = header.text("jbake-owner", false, null);
            own.forEach(problem -> problems.add(problem.toString()));
            if (reviewed == null || next == null) continue;
            long days = ChronoUnit.DAYS.between(today, next);
            if (days > withinDays) continue;
            if (owner == null) owner = "?";
            due.add(new Due(name, location.url(), location.locale(), text.title(), owner, reviewed, next, days));
        }
        Map<String, List<Due>> byOwner = new TreeMap<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag(locales.get(0)))::compare);
        due.sort(Comparator.comparing(Due::nextReview).thenComparing(Due::url));
        for (Due d : due) byOwner.computeIfAbsent(d.owner(), o -> new ArrayList<>()).add(d);
        return new Report(today, withinDays, new LinkedHashMap<>(byOwner), problems);
    }
}
