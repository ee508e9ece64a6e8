package dk.dis.handbook.bake;

import dk.dis.handbook.site.SiteMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main navigation's two levels, built once per language and section. A handbook of up to
 * {@link #FULL_LIMIT} pages in a language lists every page on every page; a larger one lists the
 * sections and opens only the current section, so a page's size (and the work of baking, indexing
 * and link checking it) does not grow with the whole site.
 */
final class Navigation {

    /** Up to this many pages in a language, the navigation shows all of them. */
    static final int FULL_LIMIT = 150;

    private final SiteMap site;
    private final Map<String, List<Map<String, Object>>> cache = new HashMap<>();

    Navigation(SiteMap site) {
        this.site = site;
    }

    /** The navigation model for a page in {@code section} (null: no section open) of {@code locale}. */
    List<Map<String, Object>> forSection(String locale, String section) {
        boolean full = pageCount(locale) <= FULL_LIMIT;
        String key = locale + ":" + (full ? "*" : section);
        return cache.computeIfAbsent(key, k -> build(locale, full ? null : section, full));
    }

    private int pageCount(String locale) {
        int count = 0;
        for (SiteMap.Section s : site.sections(locale)) count += 1 + s.pages().size();
        return count;
    }

    private List<Map<String, Object>> build(String locale, String openSection, boolean full) {
        List<Map<String, Object>> nav = new ArrayList<>();
        for (SiteMap.Section section : site.sections(locale)) {
            Map<String, Object> item = TemplateModels.link(section.index());
            String name = section.index().section();
            item.put("section", name);
            boolean open = full || name.equals(openSection);
            item.put("children", open ? section.pages().stream().map(TemplateModels::link).toList() : List.of());
            nav.add(item);
        }
        return List.copyOf(nav);
    }
}
