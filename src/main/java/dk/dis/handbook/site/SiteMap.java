package dk.dis.handbook.site;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handbook's structure, computed once per build from page metadata: per language, sections
 * (top navigation level, ordered by their index page's order) and their pages (second level).
 * Previous/next, breadcrumbs and the same page in other languages are looked up here instead of
 * being queried per page.
 */
public final class SiteMap {

    /** A section: its index page and the pages under it, in reading order. */
    public record Section(Page index, List<Page> pages) {
        /** Index first, then the pages: the order of previous/next. */
        public List<Page> readingOrder() {
            List<Page> all = new ArrayList<>();
            all.add(index);
            all.addAll(pages);
            return all;
        }
    }

    /** Orders pages within a section: pages by order then title, then dated posts newest first. */
    static final Comparator<Page> READING_ORDER = Comparator
            .comparing(Page::isPost)
            .thenComparing((Page p) -> p.isPost() ? -p.date().toEpochDay() : p.order())
            .thenComparing(Page::title);

    private final String defaultLocale;
    private final Map<String, List<Section>> sectionsByLocale;
    private final Map<String, Section> sectionByKey = new HashMap<>();
    private final Map<String, Page> pageByUrl = new LinkedHashMap<>();
    private final Map<String, List<Page>> translations = new HashMap<>();
    private final Map<String, Page> previousByUrl = new HashMap<>();
    private final Map<String, Page> nextByUrl = new HashMap<>();

    private SiteMap(String defaultLocale, Map<String, List<Section>> sectionsByLocale) {
        this.defaultLocale = defaultLocale;
        this.sectionsByLocale = sectionsByLocale;
        sectionsByLocale.forEach((locale, sections) -> {
            for (Section s : sections) {
                sectionByKey.put(locale + ":" + s.index().section(), s);
                List<Page> order = s.readingOrder();
                for (int i = 0; i < order.size(); i++) {
                    Page p = order.get(i);
                    pageByUrl.put(p.url(), p);
                    translations.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
                    if (i > 0) previousByUrl.put(p.url(), order.get(i - 1));
                    if (i < order.size() - 1) nextByUrl.put(p.url(), order.get(i + 1));
                }
            }
        });
    }

    /** @param locales the site's languages, the default first */
    public static SiteMap of(List<Page> pages, List<String> locales, List<ContentProblem> problems) {
        Map<String, List<Section>> byLocale = new LinkedHashMap<>();
        for (String locale : locales) {
            List<Page> own = pages.stream().filter(p -> p.locale().equals(locale)).toList();
            if (!own.isEmpty()) byLocale.put(locale, sections(own, problems));
        }
        return new SiteMap(locales.get(0), byLocale);
    }

    private static List<Section> sections(List<Page> pages, List<ContentProblem> problems) {
        Map<String, Page> indexes = new HashMap<>();
        Map<String, List<Page>> members = new HashMap<>();
        for (Page page : pages) {
            if (page.sectionIndex()) indexes.put(page.section(), page);
            else members.computeIfAbsent(page.section(), k -> new ArrayList<>()).add(page);
        }
        for (Map.Entry<String, List<Page>> entry : members.entrySet()) {
            if (!indexes.containsKey(entry.getKey())) {
                String folder = entry.getValue().get(0).source().getParent().toString().replace('\\', '/');
                problems.add(new ContentProblem("content/" + folder + "/", null,
                        "has pages but no published index.adoc, so they cannot be reached from the navigation.",
                        "Add content/" + folder + "/index.adoc, or publish it."));
            }
        }
        List<Section> sections = new ArrayList<>();
        indexes.values().stream()
                .sorted(Comparator.comparingInt(Page::order).thenComparing(Page::url))
                .forEach(index -> {
                    List<Page> list = new ArrayList<>(members.getOrDefault(index.section(), List.of()));
                    list.sort(READING_ORDER);
                    sections.add(new Section(index, List.copyOf(list)));
                });
        return List.copyOf(sections);
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    /** The languages that have pages, the default first. */
    public List<String> locales() {
        return List.copyOf(sectionsByLocale.keySet());
    }

    /** The default language's sections. */
    public List<Section> sections() {
        return sections(defaultLocale);
    }

    public List<Section> sections(String locale) {
        return sectionsByLocale.getOrDefault(locale, List.of());
    }

    public Section sectionOf(Page page) {
        return sectionByKey.get(page.locale() + ":" + page.section());
    }

    public Optional<Page> page(String url) {
        return Optional.ofNullable(pageByUrl.get(url));
    }

    /** All pages in navigation order, default language first. */
    public List<Page> pages() {
        return List.copyOf(pageByUrl.values());
    }

    /** The default language's front page. */
    public Page home() {
        return home(defaultLocale);
    }

    public Page home(String locale) {
        Section front = sectionByKey.get(locale + ":forside");
        return front == null ? null : front.index();
    }

    /** The same page in the other languages (same section and slug). */
    public List<Page> translationsOf(Page page) {
        return translations.getOrDefault(page.key(), List.of()).stream().filter(p -> p != page).toList();
    }

    public Optional<Page> previous(Page page) {
        return Optional.ofNullable(previousByUrl.get(page.url()));
    }

    public Optional<Page> next(Page page) {
        return Optional.ofNullable(nextByUrl.get(page.url()));
    }

    /** Posts of the default language, newest first (the Atom feed). */
    public List<Page> posts() {
        return pageByUrl.values().stream().filter(Page::isPost).filter(p -> p.locale().equals(defaultLocale))
                .sorted(Comparator.comparing(Page::date).reversed().thenComparing(Page::url)).toList();
    }
}
