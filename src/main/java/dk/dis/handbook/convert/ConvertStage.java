package dk.dis.handbook.convert;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.PageHeader;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.MarkdownSlips;
import dk.dis.handbook.content.MediaFile;
import dk.dis.handbook.content.PageImages;
import dk.dis.handbook.content.UnsafeMarkup;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.Page;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Stage "convert": every Asciidoc page under content/ → a checked {@link Page} with safe body HTML. */
public final class ConvertStage {

    /**
     * What the stage produced, plus the drafts it left out (counted for the summary).
     *
     * @param media        the images the pages show, each once, to be published under its url
     * @param fingerprints by page URL, a hash of everything the page's conversion depends on (its file's
     *                     text and the conversion settings): two builds with the same fingerprint made the same
     *                     page. Empty when the stage keeps no cache.
     */
    public record Result(List<Page> pages, List<String> draftUrls, List<String> warnings, List<MediaFile> media,
                         Map<String, String> fingerprints) {
        public int draftsSkipped() {
            return draftUrls.size();
        }
    }

    private final AsciidocEngine engine;
    private final HtmlSanitizer sanitizer;
    private ConvertCache cache;
    private Map<String, String> knownDigests = Map.of();
    private Map<String, Object> attributes = Map.of();

    public ConvertStage(AsciidocEngine engine, HtmlSanitizer sanitizer) {
        this.engine = engine;
        this.sanitizer = sanitizer;
    }

    /** How many Asciidoc files a content folder holds (0 when it does not exist). */
    public static int countPages(Path contentDir) throws IOException {
        if (!Files.isDirectory(contentDir)) return 0;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            return (int) walk.filter(p -> p.toString().endsWith(".adoc")).count();
        }
    }

    /** Reuses the cached conversion of every file whose text is unchanged, and records the rest. */
    public ConvertStage withCache(ConvertCache cache) {
        this.cache = cache;
        return this;
    }

    /**
     * The SHA-256 of content files, by their path in the content folder, as the build's check read
     * them: a file's text is not hashed again when it is as the check found it.
     */
    public ConvertStage withKnownDigests(Map<String, String> digests) {
        this.knownDigests = Map.copyOf(digests);
        return this;
    }

    /** Asciidoc attributes every page can refer to (the publisher's settings from handbook.yml). */
    public ConvertStage withAttributes(Map<String, Object> attributes) {
        this.attributes = Map.copyOf(attributes);
        return this;
    }

    /** Files taken from the cache in the last run (0 without a cache). */
    public int reused() {
        return cache == null ? 0 : cache.reusedCount();
    }

    /** @param locales the site's languages, the default first; other languages live in content/LOCALE/ */
    public Result run(Path contentDir, boolean includeDrafts, List<String> locales) throws ContentException, IOException {
        if (!Files.isDirectory(contentDir)) {
            throw new ContentException(new ContentProblem(contentDir.toString(), null, "content folder not found.",
                    "Run the build from the handbook's folder, or pass --content DIR."));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            files = walk.filter(p -> p.toString().endsWith(".adoc") && Files.isRegularFile(p)).sorted().toList();
        }
        // Pages are independent: convert them on every core (JRuby runs Ruby threads in parallel),
        // then gather the results in file order so messages and output do not depend on timing.
        List<Converted> results;
        try {
            results = files.parallelStream().map(file -> convertOne(contentDir, file, includeDrafts, locales)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<ContentProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        List<String> drafts = new ArrayList<>();
        Map<String, MediaFile> media = new java.util.TreeMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        for (Converted result : results) {
            problems.addAll(result.problems());
            warnings.addAll(result.warnings());
            Page page = result.page();
            if (page == null) continue;
            if (page.isDraft() && !includeDrafts) {
                drafts.add(page.url());
            } else {
                pages.add(page);
                result.media().forEach(m -> media.put(m.url(), m));
                if (result.fingerprint() != null) fingerprints.put(page.url(), result.fingerprint());
            }
        }
        checkDuplicateSlugs(pages, problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        pages.sort(Comparator.comparing(Page::url));
        return new Result(List.copyOf(pages), List.copyOf(drafts), warnings, List.copyOf(media.values()), Map.copyOf(fingerprints));
    }

    /** One file's outcome: a page (or null), and what went wrong or deserves a warning. */
    private record Converted(Page page, List<ContentProblem> problems, List<String> warnings, List<MediaFile> media,
                             String fingerprint) {
        Converted(Page page, List<ContentProblem> problems, List<String> warnings, List<MediaFile> media) {
            this(page, problems, warnings, media, null);
        }
    }

    private Converted convertOne(Path contentDir, Path file, boolean includeDrafts, List<String> locales) {
        Path relative = contentDir.relativize(file);
        String name = "content/" + relative.toString().replace('\\', '/');
        List<ContentProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            List<MediaFile> media = new ArrayList<>();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String source = withPublishedImages(contentDir, name, text, media, problems);
            if (!problems.isEmpty()) return new Converted(null, problems, warnings, List.of());
            String key = relative.toString().replace('\\', '/');
            // The file's text as it is (no image pointed elsewhere) has the digest the check read, if it did.
            String known = source == text ? knownDigests.get(key) : null;
            String hash = cache == null ? null : known != null ? known : ContentHash.of(source);
            ConvertCache.Entry cached = cache == null ? null : cache.reuse(key, hash);
            if (cached != null) return new Converted(cached.page(), List.of(), cached.warnings(), media, cache.fingerprint(key, hash));
            Page page = convert(source, relative, name, includeDrafts, locales, problems, warnings);
            // What is remembered is the hash of the text converted (the file may have changed since the check).
            if (known != null) hash = ContentHash.of(source);
            if (cache != null && page != null && problems.isEmpty()) {
                cache.remember(key, new ConvertCache.Entry(hash, page, List.copyOf(warnings)));
            }
            return new Converted(page, problems, warnings, media, cache == null ? null : cache.fingerprint(key, hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks every image of the page (an upload in content/uploads/ with alternative text, a raster
     * format, within the size limit) and points it at its published, content-hashed name. Remote
     * images are left to the sanitizer, which makes them links.
     */
    private static String withPublishedImages(Path contentDir, String name, String source, List<MediaFile> media,
                                              List<ContentProblem> problems) throws IOException {
        List<PageImages.Reference> refs = PageImages.find(source);
        if (refs.isEmpty()) return source;
        StringBuilder out = new StringBuilder(source);
        for (int i = refs.size() - 1; i >= 0; i--) {
            PageImages.Reference ref = refs.get(i);
            if (ref.isRemote()) continue;
            String problem = ref.problem();
            Path file = null;
            if (problem == null) {
                file = contentDir.resolve(PageImages.FOLDER).resolve(ref.fileName()).normalize();
                problem = PageImages.fileProblem(file);
            }
            if (problem != null) {
                problems.add(new ContentProblem(name, null, "line " + ref.line() + ": image '" + ref.target() + "' " + problem, null));
                continue;
            }
            String fileName = ref.fileName();
            int dot = fileName.lastIndexOf('.');
            String url = MediaFile.URL_FOLDER + ContentHash.hashedName(fileName.substring(0, dot)
                    + fileName.substring(dot).toLowerCase(java.util.Locale.ROOT), Files.readAllBytes(file));
            media.add(new MediaFile(url, file));
            out.replace(ref.start(), ref.end(), url);
        }
        return out.toString();
    }

    private Page convert(String source, Path relative, String name, boolean includeDrafts, List<String> locales,
                         List<ContentProblem> problems, List<String> warnings) {
        PageHeader.Location location = PageHeader.Location.of(relative, locales);
        if (location == null) {
            problems.add(new ContentProblem(name, null, "is not where a page can be.",
                    "Pages live in content/index.adoc or content/SECTION/PAGE.adoc (navigation has two levels); "
                            + "other languages in content/LOCALE/… for the locales in handbook.yml " + locales + "."));
            return null;
        }
        int before = problems.size();
        UnsafeMarkup.scan(name, source, problems);
        if (problems.size() > before) return null;
        // Markdown pasted into the page: published as literal text, so say what to write instead.
        List<MarkdownSlips.Slip> slips = MarkdownSlips.scan(name, source, warnings);
        Document doc;
        try {
            engine.drainMessages();
            Map<String, Object> pageAttributes = new HashMap<>(attributes);
            pageAttributes.put("docname", relative.toString());
            pageAttributes.put("lang", location.locale());
            doc = engine.load(source, pageAttributes);
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(name, null, "could not be parsed: " + firstLine(e), "Check the Asciidoc syntax."));
            return null;
        }
        List<ContentProblem> own = new ArrayList<>();
        PageHeader header = new PageHeader(name, doc.getAttributes(), own);
        String status = header.status();
        LocalDate date = header.date("jbake-date", true);
        if ("draft".equals(status) && !includeDrafts) {
            problems.addAll(own);
            return own.isEmpty() ? skippedDraft(location, relative) : null;
        }
        String rawTitle = doc.getDoctitle();
        String title = rawTitle == null ? null : Jsoup.parse(rawTitle).text();
        if (title == null || title.isBlank()) {
            own.add(new ContentProblem(name, "title", "is missing.", "Start the file with a line '= Title'."));
        }
        String type = header.type();
        String slug = header.slug(location);
        String section = header.section(location);
        String summary = header.text("jbake-summary", true, "One sentence that says what the page is for.");
        int order = header.order();
        String owner = header.text("jbake-owner", true, "Opgaveudvalg om Innovation");
        LocalDate reviewed = header.date("jbake-reviewed", true);
        LocalDate nextReview = header.date("jbake-nextreview", true);
        if (reviewed != null && nextReview != null && !nextReview.isAfter(reviewed)) {
            own.add(new ContentProblem(name, "jbake-nextreview", "must be after jbake-reviewed (" + reviewed + ").", null));
        }
        String navTitle = header.text("jbake-navtitle", false, null);
        String changeNote = header.text("jbake-changenote", false, null);
        List<String> tags = header.tags();
        List<String> oldUrls = header.oldUrls(location);
        String template = header.template();
        String templateSource = header.sitePath(PageHeader.WORKSHEET_SOURCE, "worksheet".equals(template), "/trin-2/noeglespoergsmaal/");

        String body;
        try {
            body = SectionLinks.addTo(engine.diagrams().inline(sanitizer.clean(doc.convert())), sectionLinkLabel(location.locale()));
        } catch (RuntimeException e) {
            own.add(new ContentProblem(name, null, "could not be rendered: " + firstLine(e), "Check the Asciidoc syntax near the message's line."));
            body = "";
        }
        for (LogRecord r : engine.drainMessages()) {
            int line = r.getCursor() != null ? r.getCursor().getLineNumber() : 0;
            String where = line > 0 ? " (line " + line + ")" : "";
            if (AsciidocEngine.isError(r)) {
                // A Markdown heading (#) is a second page title to Asciidoctor: say what was meant.
                String fix = slips.stream().filter(s -> s.line() == line).findFirst()
                        .map(s -> "The line " + s.advice() + ".").orElse(null);
                own.add(new ContentProblem(name, null, "Asciidoctor error" + where + ": " + r.getMessage() + (fix == null ? "" : "."), fix));
            } else {
                warnings.add(name + where + ": " + r.getMessage());
            }
        }
        problems.addAll(own);
        if (!own.isEmpty()) return null;
        return new Page(relative, location.locale(), location.url(), slug, section, location.sectionIndex(), type, status, date,
                title, navTitle == null ? title : navTitle, summary, order, owner, reviewed, nextReview,
                changeNote, tags, body, headings(doc), oldUrls, template, templateSource);
    }

    /** A marker for a draft that a normal build leaves out; only counted. */
    private static Page skippedDraft(PageHeader.Location location, Path relative) {
        return new Page(relative, location.locale(), location.url(), location.slug(), location.section(), location.sectionIndex(),
                "page", "draft", null, null, null, null, 0, null, null, null, null, List.of(), "", List.of(), List.of(), "page", null);
    }

    /** The name of a heading's link to itself in {@code locale}; null without interface text in it (the bake names that problem). */
    private static String sectionLinkLabel(String locale) {
        try {
            return Messages.of(locale).get("section.link");
        } catch (java.util.MissingResourceException e) {
            return null;
        }
    }

    private static List<Page.Heading> headings(Document doc) {
        List<Page.Heading> headings = new ArrayList<>();
        for (StructuralNode block : doc.getBlocks()) {
            if (block instanceof Section section && section.getLevel() == 1 && section.getId() != null) {
                Object principles = section.getAttribute("principper");
                headings.add(new Page.Heading(section.getId(), Jsoup.parse(section.getTitle()).text(),
                        principles == null ? List.of() : List.of(principles.toString().trim().split("[\\s,]+")),
                        List.copyOf(section.getRoles())));
            }
        }
        return headings;
    }

    private static void checkDuplicateSlugs(List<Page> pages, List<ContentProblem> problems) {
        Map<String, Page> byUrl = new HashMap<>();
        for (Page page : pages) byUrl.put(page.url(), page);
        Map<String, Page> redirected = new HashMap<>();
        for (Page page : pages) {
            for (String old : page.oldUrls()) {
                Page live = byUrl.get(old);
                Page other = redirected.putIfAbsent(old, page);
                if (live != null) {
                    problems.add(new ContentProblem("content/" + page.source(), "jbake-oldslugs",
                            "'" + old + "' is the URL of content/" + live.source() + ", so it cannot redirect.", "Remove it from the list."));
                } else if (other != null) {
                    problems.add(new ContentProblem("content/" + page.source(), "jbake-oldslugs",
                            "'" + old + "' is also an old URL of content/" + other.source() + ".", "Keep it on one page only."));
                }
            }
        }
        Map<String, Page> seen = new HashMap<>();
        for (Page page : pages) {
            Page first = seen.putIfAbsent(page.locale() + ":" + page.slug(), page);
            if (first != null) {
                problems.add(new ContentProblem("content/" + page.source(), "jbake-slug",
                        "'" + page.slug() + "' is also the slug of content/" + first.source() + ".",
                        "Slugs are unique in the handbook: rename one of the files."));
            }
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
