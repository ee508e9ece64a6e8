package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dis.handbook.content.CmsOrigins;
import dk.dis.handbook.content.MarkdownSlips;
import dk.dis.handbook.content.PageImages;
import dk.dis.handbook.content.Trees;
import dk.dis.handbook.content.UnsafeMarkup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stage "sync": Strapi → content/. Reads every page entry of one locale, checks it, writes the
 * Asciidoc files into a temporary folder next to the output and swaps that in only when
 * everything succeeded, so a failing sync leaves the existing content/ as it was.
 */
public final class CmsSync {

    /** One language and the folder it is written to (content/ for the first locale, content/en/ …). */
    public record Target(String locale, Path folder) {}

    /** What a sync wrote, summed over its languages. */
    public record Result(int pages, int drafts, List<String> warnings, Path out, int requests, List<LeftOut> leftOut) {}

    /** A draft a preview could not build: the entry, the page's address (null when unknown) and what to fill in. */
    public record LeftOut(String entry, String url, List<String> problems) {}

    /** One language as read from the CMS, checked, not yet written. */
    private record Read(Target target, List<PageDocument> pages, String synonyms, Map<String, CmsOrigins.Origin> origins) {}

    /** The search's synonym list, a single type of its own (one text per language). */
    public static final String SYNONYMS_PATH = "/api/search-synonym";
    /** The file the build reads the synonyms from, in each language's folder (search.Synonyms). */
    public static final String SYNONYMS_FILE = "synonymer.txt";

    private final StrapiClient client;
    private final Consumer<String> progress;
    private boolean leaveOutBrokenDrafts;
    private Map<String, List<String>> refusedDrafts = Map.of();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private Map<String, List<JsonNode>> givenPublished;
    private Map<String, String> givenSynonyms;
    private JsonNode checkedDraft;
    private String checkedFile;
    private final List<String> checkedProblems = new ArrayList<>();
    private final List<String> checkedWarnings = new ArrayList<>();

    public CmsSync(StrapiClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Where each language lives: the first locale in {@code contentDir}, every other one in its own folder inside it. */
    public static List<Target> targets(Path contentDir, List<String> locales) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < locales.size(); i++) {
            targets.add(new Target(locales.get(i), i == 0 ? contentDir : contentDir.resolve(locales.get(i))));
        }
        return targets;
    }

    /**
     * For a preview: a draft that cannot be built (a required field empty, say) is left out, its
     * published version kept if there is one, and reported in {@link Result#leftOut}, instead of
     * failing everyone's preview.
     */
    public CmsSync leavingOutBrokenDrafts() {
        this.leaveOutBrokenDrafts = true;
        return this;
    }

    /**
     * For a preview: drafts the build refused, by locale and file ("da:trin-1/x.adoc"), with the
     * build's problems; they are left out like drafts the sync refuses.
     */
    public CmsSync leavingOut(Map<String, List<String>> refused) {
        this.refusedDrafts = Map.copyOf(refused);
        return this;
    }

    /**
     * Reads the published entries and synonym lists from these maps (by locale) instead of the
     * CMS's API: for a check at publish time, where the CMS sends what it holds inside its own
     * transaction. Images are still fetched from the CMS.
     */
    public CmsSync fromEntries(Map<String, List<JsonNode>> published, Map<String, String> synonyms) {
        this.givenPublished = published;
        this.givenSynonyms = synonyms;
        return this;
    }

    /**
     * For a check at publish time (with preview off): this one entry, a draft, takes the place of
     * its published version (or is added), built as if published. What the sync refuses in it is
     * kept in {@link #checkedProblems()} instead of failing the sync; its published version, if
     * any, then stays.
     */
    public CmsSync withDraft(JsonNode entry) {
        this.checkedDraft = entry;
        return this;
    }

    /** The checked draft's problems, each "field 'x' …" (without the entry's name). */
    public List<String> checkedProblems() {
        return List.copyOf(checkedProblems);
    }

    /** The checked draft's warnings (Markdown slips, folded line breaks), each "field 'x' …". */
    public List<String> checkedWarnings() {
        return List.copyOf(checkedWarnings);
    }

    /** The checked draft's file, relative to its language's folder, or null when it was not written. */
    public String checkedFile() {
        return checkedFile;
    }

    public Result run(Path outDir, String locale, boolean preview) throws CmsException, IOException {
        return run(List.of(new Target(locale, outDir)), preview, false);
    }

    /**
     * Reads and checks every language first and writes only when all of them are right, each into
     * its own folder. A language whose folder would lose more than half of its pages stops the sync
     * unless {@code allowDeletions}: an emptied or wrong CMS must not empty the handbook.
     */
    public Result run(List<Target> targets, boolean preview, boolean allowDeletions) throws CmsException, IOException {
        return run(targets.get(0).folder(), targets, preview, allowDeletions);
    }

    /** @param contentRoot the folder of the first language, whose uploads/ holds every language's images */
    public Result run(Path contentRoot, List<Target> targets, boolean preview, boolean allowDeletions) throws CmsException, IOException {
        leftOut.clear();
        checkedProblems.clear();
        checkedWarnings.clear();
        checkedFile = null;
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (!target.locale().matches("[a-z]{2}(-[A-Za-z]{2})?")) {
                throw new CmsException("--locale '" + target.locale() + "' is not a locale code such as da or en.");
            }
            Map<String, CmsOrigins.Origin> origins = new HashMap<>();
            List<PageDocument> pages = read(target.locale(), preview, problems, warnings, origins);
            int existing = existingPages(target.folder()).size();
            if (pages.isEmpty() && problems.isEmpty() && (i == 0 || existing > 0 && !allowDeletions)) {
                throw new CmsException("The CMS has no " + (preview ? "" : "published ") + "pages in locale '" + target.locale()
                        + "'; nothing was written, " + target.folder() + " is unchanged. Seed an empty CMS with `handbook cms-push`, or check --locale.");
            }
            if (pages.isEmpty() && existing == 0) {
                progress.accept("no pages in locale " + target.locale() + "; " + target.folder() + " left as it is");
                continue;
            }
            reads.add(new Read(target, pages, null, origins));
        }
        if (!problems.isEmpty()) {
            throw new CmsException(problems.size() + " problem(s) in the CMS content; nothing was written, "
                    + String.join(" and ", targets.stream().map(t -> t.folder().toString()).toList()) + " unchanged:\n"
                    + String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
        }
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            reads.set(i, new Read(read.target(), read.pages(), synonyms(read.target().locale(), preview), read.origins()));
        }
        if (!allowDeletions) {
            for (Read read : reads) guardDeletions(read);
        }
        fetchUploads(contentRoot, reads);
        int pages = 0, drafts = 0;
        for (Read read : reads) {
            write(read.target().folder(), read.pages(), read.synonyms(), read.origins());
            pages += read.pages().size();
            drafts += (int) read.pages().stream().filter(p -> "draft".equals(p.status())).count();
        }
        return new Result(pages, drafts, warnings, targets.get(0).folder(), client.requestCount(), List.copyOf(leftOut));
    }

    private List<PageDocument> read(String locale, boolean preview, List<String> problems, List<String> warnings,
                                    Map<String, CmsOrigins.Origin> origins) throws CmsException {
        PageEntries entries = new PageEntries(client, 2);
        List<JsonNode> published = givenPublished != null ? givenPublished.getOrDefault(locale, List.of()) : entries.list(locale, "published");
        progress.accept("read " + published.size() + " published entries (" + locale + ")");
        int before = problems.size();
        List<PageDocument> pages = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, JsonNode> entryOf = new HashMap<>();
        for (JsonNode entry : published) entryOf.put(relativePathOf(entry), entry);
        if (!preview) {
            boolean checking = checkedDraft != null && locale.equals(checkedDraft.path("locale").asText(locale));
            String checkedId = checking ? checkedDraft.path("documentId").asText("") : null;
            JsonNode live = null;
            for (JsonNode entry : published) {
                if (checking && !checkedId.isEmpty() && checkedId.equals(entry.path("documentId").asText())) live = entry;
                else add(entry, "published", pages, sourceOf, problems, warnings);
            }
            if (checking) {
                List<String> own = new ArrayList<>();
                List<String> ownWarnings = new ArrayList<>();
                PageDocument draft = toDocument(checkedDraft, "published", own, ownWarnings);
                String who = describe(checkedDraft) + ": ";
                own.forEach(p -> checkedProblems.add(p.startsWith(who) ? p.substring(who.length()) : p));
                ownWarnings.forEach(w -> checkedWarnings.add(w.startsWith(who) ? w.substring(who.length()) : w));
                if (draft != null) {
                    pages.add(draft);
                    sourceOf.put(draft.relativePath(), describe(checkedDraft));
                    entryOf.put(draft.relativePath(), checkedDraft);
                    checkedFile = draft.relativePath();
                } else if (live != null) {
                    add(live, "published", pages, sourceOf, problems, warnings);
                }
            }
        } else {
            // Preview: the draft version of every document; it is marked draft when it differs from the published one.
            Map<String, PageDocument> live = new HashMap<>();
            for (JsonNode entry : published) {
                PageDocument doc = toDocument(entry, "published", new ArrayList<>(), new ArrayList<>());
                if (doc != null) live.put(entry.path("documentId").asText(), doc);
            }
            List<JsonNode> drafts = entries.list(locale, "draft");
            progress.accept("read " + drafts.size() + " draft versions (" + locale + ")");
            for (JsonNode entry : drafts) entryOf.put(relativePathOf(entry), entry);
            for (JsonNode entry : drafts) {
                List<String> own = new ArrayList<>();
                PageDocument draft = toDocument(entry, "published", own, new ArrayList<>());
                PageDocument current = live.get(entry.path("documentId").asText());
                List<String> refused = draft == null ? null : refusedDrafts.get(locale + ":" + draft.relativePath());
                if (refused != null) own.addAll(refused);
                if (leaveOutBrokenDrafts && !own.isEmpty()) {
                    leftOut.add(new LeftOut(describe(entry), pageUrl(entry, locale), own));
                    if (current != null) {
                        pages.add(current);
                        sourceOf.put(current.relativePath(), describe(entry));
                    }
                    continue;
                }
                add(entry, draft != null && draft.equals(current) ? "published" : "draft", pages, sourceOf, problems, warnings);
            }
        }
        checkUnique(pages, sourceOf, problems);
        pages.sort(Comparator.comparing(PageDocument::relativePath));
        for (PageDocument page : pages) {
            JsonNode entry = entryOf.get(page.relativePath());
            if (entry != null) {
                origins.put(page.relativePath(), new CmsOrigins.Origin(entry.path("title").asText(""), locale,
                        entry.path("section").asText(""), entry.path("documentId").asText(""), CmsOrigins.headerFields(page.toAsciidoc())));
            }
        }
        return problems.size() > before ? List.of() : pages;
    }

    /** The language's synonym list, or null when the CMS has none (the folder's own file is then kept). */
    private String synonyms(String locale, boolean preview) throws CmsException {
        JsonNode answer = givenSynonyms != null
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("data",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("lines", givenSynonyms.get(locale)))
                : client.getIfPresent(SYNONYMS_PATH, Map.of("locale", locale, "status", preview ? "draft" : "published"));
        JsonNode lines = answer == null ? null : answer.path("data").path("lines");
        if (lines == null || !lines.isTextual()) return null;
        int max = PageFields.MAX_LENGTH.get("synonyms");
        if (lines.asText().length() > max) {
            throw new CmsException("The CMS's synonym list (" + locale + ") is " + lines.asText().length() + " characters long; at most "
                    + max + " are allowed. Shorten it and publish again; nothing was written.");
        }
        String text = lines.asText().replace("\r\n", "\n").strip();
        return text.isEmpty() ? null : text + "\n";
    }

    /** The pages of one language's folder: its Asciidoc files, not those of other languages' folders inside it. */
    static List<String> existingPages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".adoc"))
                    .map(f -> folder.relativize(f))
                    .filter(r -> r.getNameCount() < 2 || !PageDocument.isLocaleFolder(folder, r.getName(0)))
                    .map(r -> r.toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void guardDeletions(Read read) throws CmsException, IOException {
        List<String> existing = existingPages(read.target().folder());
        java.util.Set<String> kept = new java.util.HashSet<>();
        read.pages().forEach(p -> kept.add(p.relativePath()));
        List<String> gone = existing.stream().filter(p -> !kept.contains(p)).toList();
        if (!existing.isEmpty() && gone.size() * 2 > existing.size()) {
            throw new CmsException("The CMS has " + read.pages().size() + " pages in locale '" + read.target().locale() + "', but "
                    + read.target().folder() + " has " + existing.size() + ": the sync would delete " + gone.size() + " of them ("
                    + String.join(", ", gone.subList(0, Math.min(5, gone.size()))) + (gone.size() > 5 ? ", …" : "")
                    + "). Nothing was written. If the CMS is right, run the sync again with --allow-deletions.");
        }
    }

    private void add(JsonNode entry, String status, List<PageDocument> pages, Map<String, String> sourceOf,
                     List<String> problems, List<String> warnings) {
        PageDocument doc = toDocument(entry, status, problems, warnings);
        if (doc != null) {
            pages.add(doc);
            sourceOf.put(doc.relativePath(), describe(entry));
        }
    }

    private static String relativePathOf(JsonNode entry) {
        String section = entry.path("section").asText("");
        String slug = entry.path("slug").asText("");
        return PageDocument.isValidName(section) && PageDocument.isValidName(slug) ? PageDocument.relativePath(section, slug) : "";
    }

    /** Where the entry's page is on the site, or null when its slug or section cannot be a path. */
    static String pageUrl(JsonNode entry, String locale) {
        String section = entry.path("section").asText("");
        String slug = entry.path("slug").asText("");
        if (!PageDocument.isValidName(section) || !PageDocument.isValidName(slug)) return null;
        String prefix = CmsPush.DEFAULT_LOCALE.equals(locale) ? "/" : "/" + locale + "/";
        if (PageDocument.FRONT_PAGE.equals(section) && PageDocument.FRONT_PAGE.equals(slug)) return prefix;
        return prefix + section + "/" + (section.equals(slug) ? "" : slug + "/");
    }

    /** The entry as an editor finds it in the admin: its title and language, then slug and id. */
    static String describe(JsonNode entry) {
        String title = entry.path("title").asText("").strip().replaceAll("\\s+", " ");
        if (title.length() > 60) title = title.substring(0, 60) + "…";
        String slug = entry.path("slug").asText("");
        if (slug.length() > 60) slug = slug.substring(0, 60) + "…";
        return "page " + (title.isEmpty() ? "(no title)" : "'" + title + "'") + " (locale " + entry.path("locale").asText("?")
                + ", slug " + (slug.isEmpty() ? "(none)" : "'" + slug + "'") + ", documentId " + entry.path("documentId").asText("?") + ")";
    }

    /** One CMS entry → a page, or null with the problems added (each naming the entry and field). */
    PageDocument toDocument(JsonNode entry, String status, List<String> problems, List<String> warnings) {
        String who = describe(entry);
        int before = problems.size();
        checkLengths(entry, who, problems);
        if (problems.size() > before) return null;
        String title = line(entry, "title", true, who, problems, warnings);
        String navTitle = line(entry, "navTitle", false, who, problems, warnings);
        String slug = name(entry, "slug", who, problems);
        String section = name(entry, "section", who, problems);
        String type = line(entry, "pageType", true, who, problems, warnings);
        if (type != null && !type.equals("page") && !type.equals("post")) {
            problems.add(who + ": field 'pageType' is '" + type + "', must be page or post.");
        }
        String date = date(entry, "date", who, problems);
        String summary = line(entry, "summary", true, who, problems, warnings);
        String owner = line(entry, "owner", true, who, problems, warnings);
        String reviewed = date(entry, "reviewed", who, problems);
        String nextReview = date(entry, "nextReview", who, problems);
        String changeNote = line(entry, "changeNote", false, who, problems, warnings);
        String tags = line(entry, "tags", false, who, problems, warnings);
        String template = template(entry, who, problems);
        String worksheetSource = line(entry, "worksheetSource", false, who, problems, warnings);
        if (worksheetSource != null) worksheetSource = sitePath("worksheetSource", worksheetSource, false, who, problems);
        else if ("worksheet".equals(template)) {
            problems.add(who + ": field 'worksheetSource' is empty; a worksheet needs the page whose questions it asks, "
                    + "e.g. /trin-2/noeglespoergsmaal/. Fill it in and publish again.");
        }
        String oldUrls = oldUrls(entry, who, problems, warnings);
        String locale = entry.path("locale").asText(CmsPush.DEFAULT_LOCALE);
        String lang = CmsPush.DEFAULT_LOCALE.equals(locale) ? null : locale;
        JsonNode order = entry.path("sortOrder");
        if (!order.isIntegralNumber()) {
            problems.add(who + ": field 'sortOrder' is " + (order.isMissingNode() || order.isNull() ? "empty" : "'" + order.asText() + "'")
                    + ". Give it a whole number (10, 20, 30…) and publish again.");
        }
        String body = body(entry, who, problems, warnings);
        if (problems.size() > before) return null;
        return new PageDocument(title, type, status, date, slug, summary, section, order.asInt(), navTitle, owner,
                reviewed, nextReview, changeNote, tags, template, worksheetSource, oldUrls, lang, body);
    }

    private static void checkLengths(JsonNode entry, String who, List<String> problems) {
        PageFields.MAX_LENGTH.forEach((field, max) -> {
            String value = text(entry, field);
            if (value != null && value.length() > max) {
                problems.add(who + ": field '" + field + "' is " + value.length() + " characters long; at most " + max
                        + " are allowed. Shorten it" + ("body".equals(field) ? " or split the page in two" : "") + " and publish again.");
            }
        });
    }

    private static String template(JsonNode entry, String who, List<String> problems) {
        String value = text(entry, "template");
        if (value == null || value.isBlank()) return null;
        String header = PageFields.TEMPLATES.get(value);
        if (header == null) {
            problems.add(who + ": field 'template' is '" + value + "', must be one of " + new java.util.TreeSet<>(PageFields.TEMPLATES.keySet()) + ".");
            return null;
        }
        return header.isEmpty() ? null : header;
    }

    /** Old slugs or paths, comma-separated: each must be an address of this site (they become redirects). */
    private static String oldUrls(JsonNode entry, String who, List<String> problems, List<String> warnings) {
        String value = line(entry, "oldUrls", false, who, problems, warnings);
        if (value == null) return null;
        List<String> kept = new ArrayList<>();
        for (String item : value.split(",")) {
            String old = item.strip();
            if (old.isEmpty()) continue;
            if (sitePath("oldUrls", old, true, who, problems) != null) kept.add(old);
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }

    private static String sitePath(String field, String value, boolean slugAllowed, String who, List<String> problems) {
        String problem = dk.dis.handbook.content.SitePaths.problem(value, slugAllowed);
        if (problem == null) return value;
        problems.add(who + ": field '" + field + "' " + problem);
        return null;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode v = entry.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String line(JsonNode entry, String field, boolean required, String who, List<String> problems, List<String> warnings) {
        String s = text(entry, field);
        if (s == null || s.isBlank()) {
            if (required) problems.add(who + ": field '" + field + "' is empty. Fill it in and publish again.");
            return null;
        }
        // One header line each: a line break could otherwise start a header field of its own.
        String folded = s.strip().replaceAll("\\s*\\R\\s*", " ");
        if (!folded.equals(s.strip())) warnings.add(who + ": field '" + field + "' had line breaks; they became spaces.");
        refuseUnsafe(field, folded, who, problems);
        return folded;
    }

    /** The same unsafe-markup rules the convert stage applies to files, here naming the entry and field. */
    private static void refuseUnsafe(String field, String text, String who, List<String> problems) {
        for (String what : UnsafeMarkup.find(text)) {
            problems.add(who + ": field '" + field + "' contains " + what + ", which the handbook does not allow from the CMS. "
                    + "Remove it (see docs/content-format.md) and publish again.");
        }
    }

    private static String name(JsonNode entry, String field, String who, List<String> problems) {
        String s = text(entry, field);
        if (s == null || s.isBlank()) {
            problems.add(who + ": field '" + field + "' is empty. Fill it in and publish again.");
            return null;
        }
        if (!PageDocument.isValidName(s)) {
            problems.add(who + ": field '" + field + "' is '" + s + "': use lower-case a-z, 0-9 and '-' only (æ→ae, ø→oe, å→aa).");
            return null;
        }
        return s;
    }

    private static String date(JsonNode entry, String field, String who, List<String> problems) {
        String s = text(entry, field);
        if (s == null || s.isBlank()) {
            problems.add(who + ": field '" + field + "' is empty. Set the date and publish again.");
            return null;
        }
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            problems.add(who + ": field '" + field + "' is '" + s + "', not a date (YYYY-MM-DD).");
            return null;
        }
    }

    private String body(JsonNode entry, String who, List<String> problems, List<String> warnings) {
        String text = text(entry, "body");
        String asciidoc = text == null ? "" : text.replace("\r\n", "\n").strip();
        // The full address Strapi gives an upload becomes the path the handbook writes.
        String base = client.settings().baseUrl().toString().replaceAll("/+$", "");
        asciidoc = asciidoc.replace("image::" + base + PageImages.URL_PREFIX, "image::" + PageImages.URL_PREFIX)
                .replace("image:" + base + PageImages.URL_PREFIX, "image:" + PageImages.URL_PREFIX);
        // The body names the line, so the editor finds what to remove.
        for (UnsafeMarkup.Found unsafe : UnsafeMarkup.findWithLines(asciidoc)) {
            problems.add(who + ": field 'body' line " + unsafe.line() + " contains " + unsafe.what()
                    + ", which the handbook does not allow from the CMS. Remove it (see docs/content-format.md) and publish again.");
        }
        for (MarkdownSlips.Slip slip : MarkdownSlips.find(asciidoc)) {
            warnings.add(who + ": field 'body' " + slip.message() + ".");
        }
        for (PageImages.Reference ref : PageImages.find(asciidoc)) {
            String problem = ref.problem();
            if (problem != null) problems.add(who + ": field 'body' line " + ref.line() + ": image '" + ref.target() + "' " + problem);
        }
        return asciidoc;
    }

    /**
     * Downloads the uploads the pages show that content/uploads/ does not hold yet. Strapi gives
     * every upload a name of its own, so a file already there is the same file and is not fetched
     * again. Everything is fetched and checked before anything is written.
     */
    private void fetchUploads(Path contentRoot, List<Read> reads) throws CmsException, IOException {
        Path folder = contentRoot.resolve(PageImages.FOLDER);
        Map<String, String> firstUse = new TreeMap<>();
        for (Read read : reads) {
            for (PageDocument page : read.pages()) {
                for (PageImages.Reference ref : PageImages.find(page.body() == null ? "" : page.body())) {
                    if (ref.isUpload()) firstUse.putIfAbsent(ref.fileName(), page.relativePath() + " (" + read.target().locale() + ")");
                }
            }
        }
        Map<String, byte[]> fetched = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (var use : firstUse.entrySet()) {
            if (Files.isRegularFile(folder.resolve(use.getKey()))) continue;
            String what = "image '" + PageImages.URL_PREFIX + use.getKey() + "' (used on " + use.getValue() + ")";
            byte[] bytes;
            try {
                bytes = client.download(PageImages.URL_PREFIX + use.getKey(), PageImages.MAX_BYTES);
            } catch (CmsException e) {
                problems.add(what + ": " + e.getMessage() + " Images may be at most " + PageImages.MAX_BYTES / (1024 * 1024) + " MB.");
                continue;
            }
            if (bytes == null) {
                problems.add(what + " is not in the CMS's Media Library. Insert it again from the Media Library and publish again.");
            } else if (PageImages.rasterType(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 12))) == null) {
                problems.add(what + " is not a PNG, JPEG, GIF or WebP image. Upload it in one of those formats.");
            } else {
                fetched.put(use.getKey(), bytes);
            }
        }
        if (!problems.isEmpty()) {
            throw new CmsException(problems.size() + " image problem(s); nothing was written:\n"
                    + String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
        }
        if (fetched.isEmpty()) return;
        Files.createDirectories(folder);
        for (var file : fetched.entrySet()) {
            Path part = Files.createTempFile(folder, ".download-", ".part");
            Files.write(part, file.getValue());
            move(part, folder.resolve(file.getKey()));
        }
        progress.accept("downloaded " + fetched.size() + " image(s) into " + folder);
    }

    private static void checkUnique(List<PageDocument> pages, Map<String, String> sourceOf, List<String> problems) {
        Map<String, List<PageDocument>> bySlug = new TreeMap<>();
        for (PageDocument p : pages) bySlug.computeIfAbsent(p.slug(), k -> new ArrayList<>()).add(p);
        Map<String, String> firstAt = new HashMap<>();
        for (var e : bySlug.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add("slug '" + e.getKey() + "' is used by " + e.getValue().size() + " pages: "
                        + String.join(", ", e.getValue().stream().map(p -> sourceOf.get(p.relativePath()) + " in section '" + p.section() + "'").toList())
                        + ". Slugs must be unique; change or unpublish all but one.");
            }
        }
        for (PageDocument p : pages) {
            String before = firstAt.putIfAbsent(p.relativePath(), sourceOf.get(p.relativePath()));
            if (before != null && bySlug.get(p.slug()).size() == 1) {
                problems.add("two pages would be written to content/" + p.relativePath() + "; change the slug or section of one of them.");
            }
        }
    }

    /** Writes into a temporary sibling folder, then swaps it in; keeps any non-Asciidoc files of the old folder. */
    private void write(Path outDir, List<PageDocument> pages, String synonyms, Map<String, CmsOrigins.Origin> origins) throws IOException {
        Path out = outDir.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".sync-");
        Path old = null;
        try {
            for (PageDocument page : pages) {
                Path file = staging.resolve(page.relativePath()).normalize();
                if (!file.startsWith(staging)) throw new IOException("refusing to write outside the content folder: " + page.relativePath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, page.toAsciidoc(), StandardCharsets.UTF_8);
            }
            if (synonyms != null) Files.writeString(staging.resolve(SYNONYMS_FILE), synonyms, StandardCharsets.UTF_8);
            CmsOrigins.write(staging, origins);
            if (Files.isDirectory(out)) {
                Path written = staging;
                try (Stream<Path> walk = Files.walk(out)) {
                    // Keep what a sync of this locale does not write: non-Asciidoc files and other languages' folders.
                    for (Path f : walk.filter(Files::isRegularFile).filter(f -> !Files.exists(written.resolve(out.relativize(f).toString())))
                            .filter(f -> !f.toString().endsWith(".adoc")
                            || out.relativize(f).getNameCount() > 1 && PageDocument.isLocaleFolder(out, out.relativize(f).getName(0))).toList()) {
                        Path target = staging.resolve(out.relativize(f).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                old = Files.createTempDirectory(parent, "." + out.getFileName() + ".old-");
                Files.delete(old);
                move(out, old);
            }
            try {
                move(staging, out);
            } catch (IOException e) {
                if (old != null) move(old, out);
                old = null;
                throw e;
            }
            staging = null;
        } finally {
            if (staging != null) Trees.delete(staging);
            if (old != null) Trees.delete(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
