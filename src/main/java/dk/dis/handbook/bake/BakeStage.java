package dk.dis.handbook.bake;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.Page;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage "bake": renders every page through the FreeMarker templates in templates/ (a layout and
 * small partials), plus the 404 page, sitemap.xml and the Atom feed of meeting records.
 * Navigation is computed once ({@link SiteMap}) and shared by all pages.
 */
public final class BakeStage {

    /** What a bake produced: files written and HTML pages among them. */
    public record Result(int files, int pages) {}

    private final Configuration freemarker;
    private final Map<String, Object> extraShared = new HashMap<>();

    public BakeStage(Path templateDir) throws IOException {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDirectoryForTemplateLoading(templateDir.toFile());
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        // .ftlh templates escape HTML and .ftlx escape XML by default: header values are never raw.
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocale(Locale.forLanguageTag("da"));
    }

    /** Adds a value every template sees (later stages announce what they will produce, e.g. PDFs). */
    public BakeStage share(String name, Object value) {
        extraShared.put(name, value);
        return this;
    }

    public Result run(SiteMap site, HandbookConfig config, Path outDir, boolean preview, Map<String, String> assets)
            throws IOException, TemplateException {
        Map<String, Object> shared = new HashMap<>();
        shared.put("site", siteModel(config));
        shared.put("nav", navModel(site));
        shared.put("assets", assets);
        shared.put("preview", preview);
        shared.put("home", link(site.home()));
        shared.putAll(extraShared);

        int files = 0;
        for (Page page : site.pages()) {
            Map<String, Object> model = new HashMap<>(shared);
            model.put("page", pageModel(page));
            model.put("breadcrumbs", breadcrumbs(site, page));
            model.put("prev", site.previous(page).map(BakeStage::link).orElse(null));
            model.put("next", site.next(page).map(BakeStage::link).orElse(null));
            model.put("toc", page.headings().size() >= 3 ? headingModels(page) : List.of());
            model.put("posts", page.sectionIndex()
                    ? site.sectionOf(page).pages().stream().filter(Page::isPost).map(BakeStage::pageModel).toList()
                    : List.of());
            render(page.isPost() ? "post.ftlh" : "page.ftlh", model, outDir.resolve(page.outputPath()));
            files++;
        }
        int pages = files;

        Map<String, Object> notFound = new HashMap<>(shared);
        notFound.put("page", Map.of("title", "Siden findes ikke", "url", "/404.html",
                "summary", "Siden, du leder efter, findes ikke eller er flyttet."));
        notFound.put("breadcrumbs", List.of());
        render("404.ftlh", notFound, outDir.resolve("404.html"));
        files++;

        Map<String, Object> lists = new HashMap<>(shared);
        lists.put("pages", site.pages().stream().map(BakeStage::pageModel).toList());
        lists.put("posts", site.posts().stream().map(BakeStage::pageModel).toList());
        lists.put("updated", site.posts().stream().map(Page::date).max(LocalDate::compareTo)
                .orElse(LocalDate.of(2017, 12, 12)).toString());
        render("sitemap.ftlx", lists, outDir.resolve("sitemap.xml"));
        render("feed.ftlx", lists, outDir.resolve("feed.xml"));
        files += 2;
        return new Result(files, pages);
    }

    private void render(String templateName, Map<String, Object> model, Path target) throws IOException, TemplateException {
        Template template = freemarker.getTemplate(templateName);
        Files.createDirectories(target.getParent());
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            template.process(model, out);
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
        return m;
    }

    private static List<Map<String, Object>> navModel(SiteMap site) {
        List<Map<String, Object>> nav = new ArrayList<>();
        for (SiteMap.Section section : site.sections()) {
            Map<String, Object> item = link(section.index());
            item.put("section", section.index().section());
            item.put("children", section.pages().stream().map(BakeStage::link).toList());
            nav.add(item);
        }
        return nav;
    }

    private static List<Map<String, Object>> breadcrumbs(SiteMap site, Page page) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        if (page.url().equals("/")) return crumbs;
        crumbs.add(link(site.home()));
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
        m.put("date", DanishDates.format(p.date()));
        m.put("dateIso", p.date().toString());
        m.put("reviewed", DanishDates.format(p.reviewed()));
        m.put("reviewedIso", p.reviewed().toString());
        m.put("nextReview", DanishDates.format(p.nextReview()));
        m.put("nextReviewIso", p.nextReview().toString());
        m.put("changeNote", p.changeNote() == null ? "" : p.changeNote());
        m.put("tags", p.tags());
        m.put("body", p.bodyHtml());
        return m;
    }
}
