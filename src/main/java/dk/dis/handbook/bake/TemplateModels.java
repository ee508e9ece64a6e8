package dk.dis.handbook.bake;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.offline.OfflineStage;
import dk.dis.handbook.site.Dates;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.site.SiteMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the templates see, computed once per build from the site map: values every page shares
 * (reached through {@link SiteModelExtractor}) and each page's own values (its JBake document's
 * fields). Navigation lists are one object per section, shared by the section's pages.
 */
final class TemplateModels {

    /** The shared values only the sitemap and the feed use. */
    static final List<String> LIST_KEYS = List.of("site_pages", "site_posts", "site_updated");

    private final Map<String, Object> shared = new HashMap<>();
    private final Map<Page, Map<String, Object>> perPage = new LinkedHashMap<>();
    private final Map<String, Object> notFound = new HashMap<>();
    private final List<LatePages.LatePage> late = new ArrayList<>();
    private String language = "da";

    private TemplateModels() {}

    static TemplateModels of(SiteMap site, HandbookConfig config, boolean preview, Map<String, String> assets,
                             Map<String, ?> pdfs, LocalDate today) throws ContentException {
        List<ContentProblem> problems = new ArrayList<>();
        for (String locale : site.locales()) messages(locale, problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        PracticeLinks practice = PracticeLinks.of(site, problems);
        Map<String, String> principleTitles = PracticeLinks.principleTitles(site);
        List<Map<String, Object>> catalogue = IdeaCatalogue.cards(site, principleTitles).stream()
                .map(c -> cardModel(c, principleTitles, practice.principlesUrl())).toList();
        if (!problems.isEmpty()) throw new ContentException(problems);

        TemplateModels models = new TemplateModels();
        models.language = config.language();
        Map<String, Object> shared = models.shared;
        shared.put("site", siteModel(config));
        shared.put("assets", assets);
        shared.put("preview", preview);
        shared.put("pdfs", pdfs);
        shared.put("phases", IdeaCatalogue.PHASES);
        // Only what the sitemap and the feed show: at 10,000 pages a whole page model each would weigh.
        shared.put("site_pages", site.pages().stream().map(p -> Map.of("url", p.url(), "reviewedIso", p.reviewed().toString())).toList());
        shared.put("site_posts", site.posts().stream().map(p -> Map.of("title", p.title(), "url", p.url(), "owner", p.owner(),
                "summary", p.summary(), "dateIso", p.date().toString(), "reviewedIso", p.reviewed().toString())).toList());
        // The feed is as new as its newest meeting record, or, without any, as the newest page.
        shared.put("site_updated", site.posts().stream().map(Page::date).max(LocalDate::compareTo)
                .or(() -> site.pages().stream().map(Page::date).max(LocalDate::compareTo))
                .orElse(LocalDate.EPOCH).toString());

        Navigation navigation = new Navigation(site);
        for (Page page : site.pages()) {
            Map<String, Object> model = new HashMap<>();
            model.put("nav", navigation.forSection(page.locale(), page.section()));
            model.put("t", Messages.of(page.locale()));
            model.put("lang", page.locale());
            model.put("serviceWorker", OfflineStage.workerUrl(page.locale(), site.defaultLocale()));
            model.put("alternates", alternates(site, page));
            Map<String, Object> pageModel = pageModel(page);
            pageModel.put("body", practice.addTo(page));
            // The reader is told when the owner has not reviewed the page by the date it promised.
            pageModel.put("overdue", page.nextReview().isBefore(today));
            String kind = LatePages.kindOf(page);
            if (kind != null) {
                LatePages.split(kind, (String) pageModel.get("body"), pageModel);
                models.late.add(new LatePages.LatePage(page.url(), page.locale(), page.outputPath(), kind));
            } else if (RecentChanges.isChangesPage(page)) {
                LatePages.split(RecentChanges.APP, (String) pageModel.get("body"), pageModel);
                model.put("changes", RecentChanges.entries(site, page.locale()));
                model.put("changesFeed", RecentChanges.feedUrl(page));
            }
            model.put("page", pageModel);
            model.put("worksheet", "worksheet".equals(page.template()) ? questionModels(Worksheet.questions(site, page, problems)) : List.of());
            model.put("catalogue", "catalogue".equals(page.template()) ? catalogue : List.of());
            model.put("breadcrumbs", breadcrumbs(site, page));
            model.put("prev", site.previous(page).map(TemplateModels::link).orElse(null));
            model.put("next", site.next(page).map(TemplateModels::link).orElse(null));
            model.put("toc", page.headings().size() >= 3 ? headingModels(page) : List.of());
            model.put("posts", page.sectionIndex()
                    ? site.sectionOf(page).pages().stream().filter(Page::isPost).map(TemplateModels::pageModel).toList()
                    : List.of());
            models.perPage.put(page, model);
        }
        if (!problems.isEmpty()) throw new ContentException(problems);

        Map<String, String> t = Messages.of(site.defaultLocale());
        models.notFound.put("nav", navigation.forSection(site.defaultLocale(), null));
        models.notFound.put("t", t);
        models.notFound.put("lang", site.defaultLocale());
        models.notFound.put("serviceWorker", OfflineStage.workerUrl(site.defaultLocale(), site.defaultLocale()));
        models.notFound.put("alternates", List.of());
        models.notFound.put("breadcrumbs", List.of());
        models.notFound.put("page", Map.of("title", t.get("notfound.title"), "url", "/404.html", "summary", t.get("notfound.summary")));
        return models;
    }

    /** The site's language (handbook.yml's {@code language}): how the templates format numbers and dates. */
    String language() {
        return language;
    }

    Map<String, Object> shared() {
        return shared;
    }

    /** A page's own values (navigation, breadcrumbs, its text…), or null for a page not in this bake. */
    Map<String, Object> of(Page page) {
        return perPage.get(page);
    }

    /** The pages a later stage renders (see {@link LatePages}). */
    List<LatePages.LatePage> late() {
        return late;
    }

    /** The values of the pages JBake renders without a document of ours: 404, sitemap, feed. */
    Map<String, Object> notFound() {
        return notFound;
    }

    private static void messages(String locale, List<ContentProblem> problems) {
        try {
            Messages.of(locale);
        } catch (java.util.MissingResourceException e) {
            problems.add(new ContentProblem("handbook.yml", "locales", "lists '" + locale + "', but the site has no interface text in that language.",
                    "Add src/main/resources/messages/messages_" + locale + ".properties (copy messages_en.properties and translate it)."));
        }
    }

    private static Map<String, Object> siteModel(HandbookConfig c) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", c.name());
        m.put("municipality", c.municipality());
        m.put("tagline", c.tagline() == null ? "" : c.tagline());
        m.put("baseUrl", c.baseUrlTrimmed());
        m.put("language", c.language());
        m.put("contactName", c.contact().name());
        m.put("contactUrl", c.contact().url() == null ? "" : c.contact().url());
        m.put("accessibilityStatementUrl", c.accessibilityStatementUrl());
        m.put("licenceName", c.licence().name());
        m.put("licenceUrl", c.licence().url());
        m.put("basedOnName", c.basedOn() == null ? "" : c.basedOn().name());
        m.put("basedOnUrl", c.basedOn() == null || c.basedOn().url() == null ? "" : c.basedOn().url());
        return m;
    }

    /** Links to the same page in the other languages, with each language's own name. */
    private static List<Map<String, Object>> alternates(SiteMap site, Page page) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Page other : site.translationsOf(page)) {
            Map<String, Object> m = new HashMap<>();
            m.put("locale", other.locale());
            m.put("url", other.url());
            m.put("name", Messages.of(other.locale()).get("language.name"));
            list.add(m);
        }
        return list;
    }

    private static List<Map<String, Object>> breadcrumbs(SiteMap site, Page page) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        if (page == site.home(page.locale())) return crumbs;
        crumbs.add(link(site.home(page.locale())));
        if (!page.sectionIndex()) crumbs.add(link(site.sectionOf(page).index()));
        return crumbs;
    }

    static Map<String, Object> link(Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", page.navTitle());
        m.put("url", page.url());
        return m;
    }

    private static List<Map<String, Object>> headingModels(Page page) {
        return page.headings().stream().map(h -> Map.<String, Object>of("id", h.id(), "title", h.title())).toList();
    }

    private static List<Map<String, Object>> questionModels(List<Worksheet.Question> questions) {
        return questions.stream().map(q -> Map.<String, Object>of("number", q.number(), "id", q.id(), "text", q.text(),
                "examples", q.examples())).toList();
    }

    private static Map<String, Object> cardModel(IdeaCatalogue.Card c, Map<String, String> principleTitles, String principlesUrl) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("url", c.url());
        m.put("group", c.sourceTitle());
        // The card format's field names (IdeaCatalogue.FIELDS): what, why, when in the loop, time, who.
        m.put("what", c.fields().get(IdeaCatalogue.FIELDS.get(0)));
        m.put("when", c.fields().get(IdeaCatalogue.FIELDS.get(2)));
        m.put("time", c.fields().get(IdeaCatalogue.FIELDS.get(3)));
        m.put("who", c.fields().get(IdeaCatalogue.FIELDS.get(4)));
        m.put("phases", c.phases());
        m.put("whoFacets", c.who());
        m.put("timeFacets", c.time());
        m.put("projects", c.projects());
        m.put("principles", c.principles().stream()
                .map(id -> Map.of("title", principleTitles.get(id), "url", principlesUrl + "#" + id)).toList());
        return m;
    }

    static Map<String, Object> pageModel(Page p) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", p.title());
        m.put("navTitle", p.navTitle());
        m.put("summary", p.summary());
        m.put("url", p.url());
        m.put("slug", p.slug());
        m.put("section", p.section());
        m.put("type", p.type());
        m.put("isPost", p.isPost());
        m.put("isDraft", p.isDraft());
        m.put("owner", p.owner());
        m.put("locale", p.locale());
        m.put("date", Dates.format(p.date(), p.locale()));
        m.put("dateIso", p.date().toString());
        m.put("reviewed", Dates.format(p.reviewed(), p.locale()));
        m.put("reviewedIso", p.reviewed().toString());
        m.put("nextReview", Dates.format(p.nextReview(), p.locale()));
        m.put("nextReviewIso", p.nextReview().toString());
        m.put("changeNote", p.changeNote() == null ? "" : p.changeNote());
        // A change note is dated by the review that made it (jbake-reviewed).
        m.put("changed", Dates.format(p.reviewed(), p.locale()));
        m.put("tags", p.tags());
        m.put("body", p.bodyHtml());
        m.put("template", p.template());
        return m;
    }
}
