package dk.dis.handbook.bake;

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

/**
 * Makes the model read as one web: a section anywhere (an idea card, a learning) that names the
 * principles it puts into practice ({@code [#id,principper="test samskabelse"]}) is listed under
 * those principles on the principles page, generated from that metadata rather than kept by hand.
 */
public final class PracticeLinks {
    /** The principles of the DIS model are the sections of Trin 1 with the role 'princip'. */
    public static final String PRINCIPLES_URL = "/trin-1/";

    public record Link(String title, String url, String kind) {}

    private final Map<String, List<Link>> byPrinciple = new LinkedHashMap<>();

    private PracticeLinks() {}

    public static PracticeLinks of(SiteMap site, List<ContentProblem> problems) {
        PracticeLinks links = new PracticeLinks();
        Page principles = site.page(PRINCIPLES_URL).orElse(null);
        List<String> ids = principles == null ? List.of()
                : principles.headings().stream().filter(Page.Heading::isPrinciple).map(Page.Heading::id).toList();
        for (Page page : site.pages()) {
            for (Page.Heading heading : page.headings()) {
                for (String principle : heading.principles()) {
                    if (!ids.contains(principle)) {
                        problems.add(new ContentProblem("content/" + page.source(), "principper",
                                "of section '" + heading.id() + "' names '" + principle + "', which is not a principle on " + PRINCIPLES_URL + ".",
                                "Use the ids of the principles: " + ids + "."));
                        continue;
                    }
                    String kind = page.section().equals("idekatalog") ? "Idékort" : "Læring";
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
        if (!page.url().equals(PRINCIPLES_URL) || byPrinciple.isEmpty()) return page.bodyHtml();
        Document doc = Jsoup.parseBodyFragment(page.bodyHtml());
        doc.outputSettings().prettyPrint(false);
        for (Map.Entry<String, List<Link>> entry : byPrinciple.entrySet()) {
            Element heading = doc.getElementById(entry.getKey());
            if (heading == null || heading.parent() == null) continue;
            Element aside = new Element("aside").addClass("in-practice").attr("aria-labelledby", entry.getKey() + "-i-praksis");
            aside.appendElement("h3").id(entry.getKey() + "-i-praksis").text("Sådan sættes princippet i praksis");
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
