package dk.dis.handbook.bake;

import dk.dis.handbook.site.SiteMap;

import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The idea catalogue's cards, read from the card pages (a level-2 section followed by the five fixed
 * fields, see docs/content-format.md), with the facets the catalogue filters on. The card pages are
 * the other pages of the catalogue page's section (the page with {@code :jbake-template: catalogue}).
 */
public final class IdeaCatalogue {
    public static final List<String> FIELDS = List.of("Hvad", "Hvorfor", "Hvornår i innovationsloopet", "Tid", "Hvem");
    public static final List<String> PHASES = List.of("Udforsk", "Idé", "Test", "Implementer", "Værdi");

    /** Who takes part, as the filter offers it, and the words in the "Hvem" field that mean it. */
    static final Map<String, List<String>> WHO = new LinkedHashMap<>();
    /** How long it takes, in a few buckets, and the words in the "Tid" field that mean it. */
    static final Map<String, List<String>> TIME = new LinkedHashMap<>();
    /** How the content's titles name a project, and how a card that was used in it names it ("Sundhedsdata"). */
    static final String PROJECT = "projektet";

    static {
        WHO.put("politikere", List.of("politiker", "udvalg", "kommunalbestyrelse"));
        WHO.put("medarbejdere", List.of("medarbejder", "forvaltning", "administration", "leder", "facilitator", "projektejer", "organisation"));
        WHO.put("borgere", List.of("borger", "bruger", "pårørende"));
        TIME.put("timer", List.of("time", "møde", "workshop"));
        TIME.put("dage-uger", List.of("dag", "uge", "forløb"));
        TIME.put("maaneder", List.of("måned", "100 dage", "år", "løbende"));
    }

    public record Card(String id, String title, String url, String sourceTitle, Map<String, String> fields,
                       List<String> phases, List<String> who, List<String> time, List<Map<String, String>> projects,
                       List<String> principles) {}

    private IdeaCatalogue() {}

    /** The sections that hold a catalogue page, as {@link #sectionKey} names them. */
    static List<String> catalogueSections(SiteMap site) {
        return site.pages().stream().filter(p -> "catalogue".equals(p.template())).map(IdeaCatalogue::sectionKey).distinct().toList();
    }

    /** A section of one language: "da:idekatalog". */
    static String sectionKey(Page page) {
        return page.locale() + ":" + page.section();
    }

    public static List<Card> cards(SiteMap site, Map<String, String> principleTitles) {
        List<Card> cards = new ArrayList<>();
        Map<String, String> projects = projectSections(site);
        List<String> catalogue = catalogueSections(site);
        for (Page page : site.pages()) {
            if (!catalogue.contains(sectionKey(page)) || page.sectionIndex() || "catalogue".equals(page.template())) continue;
            Document doc = Jsoup.parseBodyFragment(page.bodyHtml());
            for (Element section : doc.select("div.sect1")) {
                Element h2 = section.selectFirst("h2[id]");
                Element dl = section.selectFirst("dl");
                if (h2 == null || dl == null || !dl.select("> dt").eachText().equals(FIELDS)) continue;
                Map<String, String> fields = new LinkedHashMap<>();
                List<Element> dds = dl.select("> dd");
                for (int i = 0; i < FIELDS.size(); i++) fields.put(FIELDS.get(i), dds.get(i).text());
                String all = section.text().toLowerCase(Locale.ROOT);
                List<Map<String, String>> usedIn = new ArrayList<>();
                projects.forEach((name, url) -> {
                    if (all.contains(name.toLowerCase(Locale.ROOT).replace(PROJECT, ""))) usedIn.add(Map.of("title", name, "url", url));
                });
                List<String> principles = page.headings().stream().filter(h -> h.id().equals(h2.id()))
                        .flatMap(h -> h.principles().stream()).filter(principleTitles::containsKey).toList();
                cards.add(new Card(h2.id(), h2.text(), page.url() + "#" + h2.id(), page.navTitle(), fields,
                        matches(fields.get("Hvornår i innovationsloopet"), PHASES),
                        facets(fields.get("Hvem"), WHO), facets(fields.get("Tid"), TIME), usedIn, principles));
            }
        }
        return cards;
    }

    /**
     * The committee's projects: the level-2 sections, on the pages of the site's language, whose title
     * names a project ("1. Sundhedsdataprojektet"), wherever the content keeps them.
     */
    private static Map<String, String> projectSections(SiteMap site) {
        Map<String, String> projects = new LinkedHashMap<>();
        for (Page p : site.pages()) {
            if (!p.locale().equals(site.defaultLocale())) continue;
            p.headings().forEach(h -> {
                String name = h.title().replaceFirst("^\\d+\\.\\s*", "");
                if (name.endsWith(PROJECT)) projects.putIfAbsent(name, p.url() + "#" + h.id());
            });
        }
        return projects;
    }

    private static List<String> matches(String text, List<String> names) {
        List<String> found = new ArrayList<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (String name : names) if (lower.contains(name.toLowerCase(Locale.ROOT))) found.add(name);
        return found;
    }

    private static List<String> facets(String text, Map<String, List<String>> words) {
        Set<String> found = new LinkedHashSet<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        words.forEach((facet, keys) -> keys.forEach(k -> {
            if (lower.contains(k)) found.add(facet);
        }));
        return List.copyOf(found);
    }
}
