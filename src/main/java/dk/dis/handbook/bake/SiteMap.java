package dk.dis.handbook.bake;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handbook's structure, computed once per build from page metadata: sections (top navigation
 * level, ordered by their index page's order) and their pages (second level). Previous/next and
 * breadcrumbs are looked up here instead of being queried per page.
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

    private final List<Section> sections;
    private final Map<String, Section> sectionByName;
    private final Map<String, Page> pageByUrl;
    private final Map<String, Page> previousByUrl = new HashMap<>();
    private final Map<String, Page> nextByUrl = new HashMap<>();

    private SiteMap(List<Section> sections) {
        this.sections = sections;
        this.sectionByName = new HashMap<>();
        this.pageByUrl = new LinkedHashMap<>();
        for (Section s : sections) {
            sectionByName.put(s.index().section(), s);
            List<Page> order = s.readingOrder();
            for (int i = 0; i < order.size(); i++) {
                Page p = order.get(i);
                pageByUrl.put(p.url(), p);
                if (i > 0) previousByUrl.put(p.url(), order.get(i - 1));
                if (i < order.size() - 1) nextByUrl.put(p.url(), order.get(i + 1));
            }
        }
    }

    /** Orders pages within a section: pages by order then title, then dated posts newest first. */
    static final Comparator<Page> READING_ORDER = Comparator
            .comparing(Page::isPost)
            .thenComparing((Page p) -> p.isPost() ? -p.date().toEpochDay() : p.order())
            .thenComparing(Page::title);

    public static SiteMap of(List<Page> pages, List<ContentProblem> problems) {
        Map<String, Page> indexes = new HashMap<>();
        Map<String, List<Page>> members = new HashMap<>();
        for (Page page : pages) {
            if (page.sectionIndex()) indexes.put(page.section(), page);
            else members.computeIfAbsent(page.section(), k -> new ArrayList<>()).add(page);
        }
        for (Map.Entry<String, List<Page>> entry : members.entrySet()) {
            if (!indexes.containsKey(entry.getKey())) {
                problems.add(new ContentProblem("content/" + entry.getKey() + "/", null,
                        "has pages but no published index.adoc, so they cannot be reached from the navigation.",
                        "Add content/" + entry.getKey() + "/index.adoc, or publish it."));
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
        return new SiteMap(List.copyOf(sections));
    }

    public List<Section> sections() {
        return sections;
    }

    public Section sectionOf(Page page) {
        return sectionByName.get(page.section());
    }

    public Optional<Page> page(String url) {
        return Optional.ofNullable(pageByUrl.get(url));
    }

    /** All pages in navigation order. */
    public List<Page> pages() {
        return List.copyOf(pageByUrl.values());
    }

    public Page home() {
        return pageByUrl.get("/");
    }

    public Optional<Page> previous(Page page) {
        return Optional.ofNullable(previousByUrl.get(page.url()));
    }

    public Optional<Page> next(Page page) {
        return Optional.ofNullable(nextByUrl.get(page.url()));
    }

    /** Posts of the whole site, newest first (the Atom feed). */
    public List<Page> posts() {
        return pageByUrl.values().stream().filter(Page::isPost)
                .sorted(Comparator.comparing(Page::date).reversed().thenComparing(Page::url)).toList();
    }
}
