package dk.dis.handbook.bake;

import dk.dis.handbook.site.Dates;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.SiteMap;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.content.SiteFiles;
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
import java.util.TreeMap;

/**
 * Stage "bake": renders every page through the FreeMarker templates in templates/ (a layout and
 * small partials), plus the 404 page, sitemap.xml and the Atom feed of meeting records.
 * Navigation is computed once ({@link SiteMap}) and shared by all pages.
 */
public final class BakeStage {

    /** What a bake produced: files written and HTML pages among them. */
    /** @param reused pages copied unchanged from the previous build (incremental builds) */
    public record Result(int files, int pages, int reused) {}

    static {
        // FreeMarker picks whatever logging library it finds on the classpath, some of which log at
        // DEBUG by default; java.util.logging logs at INFO.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "JUL");
        }
    }

    private final Configuration freemarker;
    private RenderCache renderCache;
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

    /** Renders only pages whose model changed since the build {@code cache} describes; copies the rest. */
    public BakeStage withCache(RenderCache cache) {
        this.renderCache = cache;
        return this;
    }

    /** Adds a value every template sees (later stages announce what they will produce, e.g. PDFs). */
    public BakeStage share(String name, Object value) {
        extraShared.put(name, value);
        return this;
    }

    public Result run(SiteMap site, HandbookConfig config, Path outDir, boolean preview, Map<String, String> assets)
            throws IOException, TemplateException, ContentException {
        List<ContentProblem> problems = new ArrayList<>();
        PracticeLinks practice = PracticeLinks.of(site, problems);
        Map<String, String> principleTitles = new LinkedHashMap<>();
        site.page(PracticeLinks.PRINCIPLES_URL).ifPresent(p -> p.headings().stream().filter(Page.Heading::isPrinciple)
                .forEach(h -> principleTitles.put(h.id(), h.title())));
        List<Map<String, Object>> catalogue = IdeaCatalogue.cards(site, principleTitles).stream()
                .map(c -> cardModel(c, principleTitles)).toList();
        if (!problems.isEmpty()) throw new ContentException(problems);

        Map<String, Object> shared = new HashMap<>();
        shared.put("site", siteModel(config));
        shared.put("assets", assets);
        shared.put("preview", preview);
        // Navigation and interface text once per language, shared by all its pages.
        Navigation navigation = new Navigation(site);
        for (String locale : site.locales()) messages(locale, problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        shared.put("nav", navigation.forSection(site.defaultLocale(), null));
        shared.put("t", Messages.of(site.defaultLocale()));
        shared.put("lang", site.defaultLocale());
        shared.put("alternates", List.of());
        shared.putAll(extraShared);

        // What every page's key includes: the templates, interface text of every language, config and assets.
        String sharedKey = renderCache == null ? null : sharedKey(shared, site);
        // A section's navigation is one list shared by its pages: hashed once, not once per page.
        Map<Object, String> navKeys = new java.util.IdentityHashMap<>();
        int files = 0;
        for (Page page : site.pages()) {
            Map<String, Object> model = new HashMap<>(shared);
            model.put("nav", navigation.forSection(page.locale(), page.section()));
            model.put("t", Messages.of(page.locale()));
            model.put("lang", page.locale());
            model.put("alternates", alternates(site, page));
            Map<String, Object> pageModel = pageModel(page);
            pageModel.put("body", practice.addTo(page));
            model.put("page", pageModel);
            model.put("worksheet", "worksheet".equals(page.template()) ? questionModels(Worksheet.questions(site, page, problems)) : List.of());
            model.put("catalogue", "catalogue".equals(page.template()) ? catalogue : List.of());
            model.put("phases", IdeaCatalogue.PHASES);
            model.put("breadcrumbs", breadcrumbs(site, page));
            model.put("prev", site.previous(page).map(BakeStage::link).orElse(null));
            model.put("next", site.next(page).map(BakeStage::link).orElse(null));
            model.put("toc", page.headings().size() >= 3 ? headingModels(page) : List.of());
            model.put("posts", page.sectionIndex()
                    ? site.sectionOf(page).pages().stream().filter(Page::isPost).map(BakeStage::pageModel).toList()
                    : List.of());
            Path target = outDir.resolve(page.outputPath());
            String key = renderCache == null ? null : RenderCache.keyOf(sharedKey, pageOwn(model, shared, navKeys));
            Path previous = key == null ? null : renderCache.reusable(page.outputPath(), key);
            if (previous != null) {
                SiteFiles.reuse(previous, target);
            } else {
                render(page.isPost() ? "post.ftlh" : "page.ftlh", model, target);
            }
            if (renderCache != null) renderCache.record(page.outputPath(), key, Files.size(target), previous != null);
            files++;
        }
        if (!problems.isEmpty()) throw new ContentException(problems);
        int pages = files;

        Map<String, Object> notFound = new HashMap<>(shared);
        Map<String, String> t = Messages.of(site.defaultLocale());
        notFound.put("page", Map.of("title", t.get("notfound.title"), "url", "/404.html", "summary", t.get("notfound.summary")));
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
        return new Result(files, pages, renderCache == null ? 0 : renderCache.reused());
    }

    private String sharedKey(Map<String, Object> shared, SiteMap site) throws IOException {
        Map<String, Object> parts = new TreeMap<>();
        Map<String, Object> values = new HashMap<>(shared);
        values.remove("t");
        parts.put("shared", values);
        Map<String, Object> texts = new TreeMap<>();
        for (String locale : site.locales()) texts.put(locale, Messages.of(locale));
        parts.put("t", texts);
        parts.put("templates", templateHashes());
        return RenderCache.keyOf("", parts);
    }

    private Map<String, String> templateHashes() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Path dir = freemarker.getTemplateLoader() instanceof freemarker.cache.FileTemplateLoader loader
                ? loader.getBaseDirectory().toPath() : null;
        if (dir == null) return hashes;
        try (var walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                hashes.put(dir.relativize(file).toString(), dk.dis.handbook.content.ContentHash.of(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    /** The part of a page's model that is its own (the shared values are in the shared key). */
    private static Map<String, Object> pageOwn(Map<String, Object> model, Map<String, Object> shared, Map<Object, String> navKeys) {
        Map<String, Object> own = new TreeMap<>();
        model.forEach((name, value) -> {
            if (name.equals("t")) return;
            Object common = shared.get(name);
            if (shared.containsKey(name) && (common == value || java.util.Objects.equals(common, value))) return;
            own.put(name, name.equals("nav") ? navKeys.computeIfAbsent(value, v -> RenderCache.keyOf("nav", v)) : value);
        });
        return own;
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
        m.put("basedOnName", c.basedOn() == null ? "" : c.basedOn().name());
        m.put("basedOnUrl", c.basedOn() == null || c.basedOn().url() == null ? "" : c.basedOn().url());
        return m;
    }

    private static void messages(String locale, List<ContentProblem> problems) {
        try {
            Messages.of(locale);
        } catch (java.util.MissingResourceException e) {
            problems.add(new ContentProblem("handbook.yml", "locales", "lists '" + locale + "', but the site has no interface text in that language.",
                    "Add src/main/resources/messages/messages_" + locale + ".properties (copy messages_en.properties and translate it)."));
        }
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

    private static Map<String, Object> cardModel(IdeaCatalogue.Card c, Map<String, String> principleTitles) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("url", c.url());
        m.put("group", c.sourceTitle());
        m.put("what", c.fields().get("Hvad"));
        m.put("when", c.fields().get("Hvornår i innovationsloopet"));
        m.put("time", c.fields().get("Tid"));
        m.put("who", c.fields().get("Hvem"));
        m.put("phases", c.phases());
        m.put("whoFacets", c.who());
        m.put("timeFacets", c.time());
        m.put("projects", c.projects());
        m.put("principles", c.principles().stream()
                .map(id -> Map.of("title", principleTitles.get(id), "url", PracticeLinks.PRINCIPLES_URL + "#" + id)).toList());
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
        m.put("tags", p.tags());
        m.put("body", p.bodyHtml());
        m.put("template", p.template());
        return m;
    }
}
