package dk.dis.handbook.bake;

import dk.dis.handbook.site.SiteMap;

import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions a worksheet page asks: the level-2 sections of its source page that are questions,
 * with the list items under them as example answers. The worksheet follows the approved text.
 */
public final class Worksheet {
    public record Question(int number, String id, String text, List<String> examples) {}

    private Worksheet() {}

    public static List<Question> questions(SiteMap site, Page worksheet, List<ContentProblem> problems) {
        Page source = site.page(worksheet.templateSource()).orElse(null);
        if (source == null) {
            problems.add(new ContentProblem("content/" + worksheet.source(), "jbake-worksheet-source",
                    "names '" + worksheet.templateSource() + "', which is not a published page.", "Use the URL of the key questions page."));
            return List.of();
        }
        List<Question> questions = questionsOf(source);
        if (questions.isEmpty()) {
            problems.add(new ContentProblem("content/" + worksheet.source(), "jbake-worksheet-source",
                    "names " + source.url() + ", which has no sections ending in '?'.", null));
        }
        return questions;
    }

    /** The questions of a page: its level-2 sections whose title ends in '?', with their list items. */
    public static List<Question> questionsOf(Page source) {
        Document doc = Jsoup.parseBodyFragment(source.bodyHtml());
        List<Question> questions = new ArrayList<>();
        for (Element section : doc.select("div.sect1")) {
            Element h2 = section.selectFirst("h2[id]");
            if (h2 == null || !h2.text().endsWith("?")) continue;
            String text = h2.text().replaceFirst("^\\d+\\.\\s*", "");
            questions.add(new Question(questions.size() + 1, h2.id(), text, section.select("li").eachText()));
        }
        return questions;
    }
}
