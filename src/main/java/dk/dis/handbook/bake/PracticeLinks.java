package dk.dis.handbook.bake;

import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.SiteMap;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the model read as one web: a section anywhere (an idea card, a learning) that names the
 * principles it puts into practice ({@code [#id,principper="test samskabelse"]}) is listed under
 * those principles on the principles page, generated from that metadata rather than kept by hand.
 * The principles page is the page of the site's language whose sections have the role 'princip'
 * ({@code [#saet-retning.princip]}): the content says where the principles are, not the engine.
 */
public final class PracticeLinks {
    /** @param kind the kind of section ("Idékort", "Læring"), in the page's language */
    public record Link(String title, String url, String kind) {}

    private final Map<String, List<Link>> byPrinciple = new LinkedHashMap<>();
    private final String principlesUrl;

    private PracticeLinks(String principlesUrl) {
        this.principlesUrl = principlesUrl;
    }

    /**
     * The page that holds the model's principles: the first page, in reading order, of the site's
     * language with sections whose role is 'princip'. Empty when the content has no principles.
     */
    public static Optional<Page> principlesPage(SiteMap site) {
        return principlePages(site).stream().findFirst();
    }

    private static List<Page> principlePages(SiteMap site) {
        return site.pages().stream().filter(p -> p.locale().equals(site.defaultLocale()))
                .filter(p -> p.headings().stream().anyMatch(Page.Heading::isPrinciple)).toList();
    }

    /** The principles by id, with their titles, in the order of the principles page. */
    public static Map<String, String> principleTitles(SiteMap site) {
        Map<String, String> titles = new LinkedHashMap<>();
        principlesPage(site).ifPresent(p -> p.headings().stream().filter(Page.Heading::isPrinciple)
                .forEach(h -> titles.put(h.id(), h.title())));
        return titles;
    }

    /** The principles page's URL, or null when the content has no principles. */
    public String principlesUrl() {
        return principlesUrl;
    }

    public static PracticeLinks of(SiteMap site, List<ContentProblem> problems) {
        List<Page> pages = principlePages(site);
        if (pages.size() > 1) {
            problems.add(new ContentProblem("content/" + pages.get(1).source(), null,
                    "has sections with the role 'princip', and so has content/" + pages.get(0).source()
                            + ": the model's principles are on one page.", "Keep the role 'princip' on the sections of one page."));
        }
        Page principles = pages.isEmpty() ? null : pages.get(0);
        PracticeLinks links = new PracticeLinks(principles == null ? null : principles.url());
        List<String> ids = principles == null ? List.of()
                : principles.headings().stream().filter(Page.Heading::isPrinciple).map(Page.Heading::id).toList();
        List<String> catalogue = IdeaCatalogue.catalogueSections(site);
        for (Page page : site.pages()) {
            for (Page.Heading heading : page.headings()) {
                for (String principle : heading.principles()) {
                    if (!ids.contains(principle)) {
                        problems.add(new ContentProblem("content/" + page.source(), "principper",
                                "of section '" + heading.id() + "' names '" + principle + "', " + (principles == null
                                        ? "but no page has sections with the role 'princip'."
                                        : "which is not a principle on " + principles.url() + "."),
                                principles == null ? "Mark the principles' sections, e.g. [#saet-retning.princip], or remove the attribute."
                                        : "Use the ids of the principles: " + ids + "."));
                        continue;
                    }
                    Map<String, String> t = Messages.of(page.locale());
                    String kind = catalogue.contains(IdeaCatalogue.sectionKey(page)) ? t.get("practice.card") : t.get("practice.learning");
                    links.byPrinciple.computeIfAbsent(principle, k -> new ArrayList<>())
                            .add(new Link(heading.title(), page.url() + "#" + heading.id(), kind));
                }
            }
        }
        return links;
    }

    public List<Link> forPrinciple(String id) {
        return byPrinciple.getOrDefault(id, List.of());
    }

    /** The principles page's body with an "I praksis" list at the end of each principle that has links. */
    public String addTo(Page page) {
        if (!page.url().equals(principlesUrl) || byPrinciple.isEmpty()) return page.bodyHtml();
        String title = Messages.of(page.locale()).get("practice.heading");
        Document doc = Jsoup.parseBodyFragment(page.bodyHtml());
        doc.outputSettings().prettyPrint(false);
        for (Map.Entry<String, List<Link>> entry : byPrinciple.entrySet()) {
            Element heading = doc.getElementById(entry.getKey());
            if (heading == null || heading.parent() == null) continue;
            Element aside = new Element("aside").addClass("in-practice").attr("aria-labelledby", entry.getKey() + "-i-praksis");
            aside.appendElement("h3").id(entry.getKey() + "-i-praksis").text(title);
            Element list = aside.appendElement("ul");
            for (Link link : entry.getValue()) {
                Element item = list.appendElement("li");
                item.appendElement("span").addClass("kind").text(link.kind() + ": ");
                item.appendElement("a").attr("href", link.url()).text(link.title());
            }
            heading.parent().appendChild(aside);
        }
        return doc.body().html();
    }
}
