package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.content.PageImages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * content/ → Strapi: creates or updates one page entry per Asciidoc file, so a new municipality
 * starts from the published handbook. Entries that already match are left alone, so a second run
 * changes nothing; entries without a file are reported, never deleted.
 */
public final class CmsPush {

    public record Result(int created, int updated, int unchanged, List<String> notInContent, boolean synonymsSent) {}

    /** Pages in another locale become translations of the default-locale page with the same slug. */
    static final String DEFAULT_LOCALE = "da";
    /** The CMS's own endpoint that adds a file to the Media Library under a given name (cms/src/api/upload-import). */
    static final String UPLOAD_IMPORT = "/api/upload-import";

    private final StrapiClient client;
    private final Consumer<String> progress;

    public CmsPush(StrapiClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    public Result run(Path contentDir, String locale) throws CmsException, IOException {
        List<PageDocument> local = readContent(contentDir);
        PageEntries entries = new PageEntries(client, 2);
        CmsSync reader = new CmsSync(client, progress);
        Map<String, JsonNode> publishedBySlug = bySlug(entries.list(locale, "published"));
        Map<String, JsonNode> draftBySlug = bySlug(entries.list(locale, "draft"));
        Map<String, JsonNode> defaultBySlug = DEFAULT_LOCALE.equals(locale) ? Map.of() : bySlug(entries.list(DEFAULT_LOCALE, "draft"));

        int created = 0, updated = 0, unchanged = 0;
        Set<String> slugs = new HashSet<>();
        for (PageDocument page : local) {
            slugs.add(page.slug());
            boolean draft = "draft".equals(page.status());
            JsonNode existing = draft ? draftBySlug.get(page.slug()) : publishedBySlug.get(page.slug());
            JsonNode anyVersion = existing != null ? existing : draftBySlug.get(page.slug());
            if (existing != null) {
                PageDocument remote = reader.toDocument(existing, page.status(), new ArrayList<>(), new ArrayList<>());
                if (page.equals(remote) && (!draft || !publishedBySlug.containsKey(page.slug()))) {
                    unchanged++;
                    continue;
                }
            }
            Map<String, String> query = new HashMap<>(Map.of("locale", locale));
            if (draft) query.put("status", "draft");
            JsonNode original = defaultBySlug.get(page.slug());
            if (anyVersion == null && original != null) {
                // Strapi 5 adds a locale to an existing document with PUT ?locale=…
                client.send("PUT", PageEntries.PATH + "/" + original.path("documentId").asText(), query, payload(page));
                created++;
                progress.accept("created " + page.relativePath() + " (" + locale + " version of the " + DEFAULT_LOCALE + " page)" + (draft ? " (draft)" : ""));
            } else if (anyVersion == null) {
                client.send("POST", PageEntries.PATH, query, payload(page));
                created++;
                progress.accept("created " + page.relativePath() + (draft ? " (draft)" : ""));
            } else {
                String id = anyVersion.path("documentId").asText();
                client.send("PUT", PageEntries.PATH + "/" + id, query, payload(page));
                updated++;
                progress.accept("updated " + page.relativePath() + (draft ? " (draft)" : ""));
            }
        }
        List<String> notInContent = new ArrayList<>();
        for (String slug : draftBySlug.keySet()) {
            if (!slugs.contains(slug)) notInContent.add(CmsSync.describe(draftBySlug.get(slug)));
        }
        return new Result(created, updated, unchanged, notInContent, pushSynonyms(contentDir, locale));
    }

    /**
     * Puts every image the pages show (content/uploads/FILE) into the CMS's Media Library under the
     * same name, so the pages' references hold there too; images already there are left alone.
     * Returns how many were new.
     */
    public int pushImages(Path contentRoot, List<Path> folders) throws CmsException, IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Path folder : folders) {
            for (PageDocument page : readContent(folder)) {
                for (PageImages.Reference ref : PageImages.find(page.body())) {
                    if (ref.isUpload()) names.add(ref.fileName());
                }
            }
        }
        int created = 0;
        for (String name : names) {
            Path file = contentRoot.resolve(PageImages.FOLDER).resolve(name);
            String problem = PageImages.nameProblem(name);
            if (problem == null) problem = PageImages.fileProblem(file);
            if (problem != null) throw new CmsException("content/" + PageImages.FOLDER + "/" + name + " " + problem + " Nothing more was sent.");
            byte[] bytes = Files.readAllBytes(file);
            String type = PageImages.rasterType(java.util.Arrays.copyOf(bytes, Math.min(12, bytes.length)));
            JsonNode answer = client.sendFile(UPLOAD_IMPORT, Map.of("name", name), name, bytes, "image/" + type);
            if (answer.path("data").path("created").asBoolean()) {
                created++;
                progress.accept("uploaded " + PageImages.FOLDER + "/" + name);
            }
        }
        return created;
    }

    /** The folder's synonymer.txt becomes the language's synonym list in the CMS, unless it is the same already. */
    private boolean pushSynonyms(Path contentDir, String locale) throws CmsException, IOException {
        Path file = contentDir.resolve(CmsSync.SYNONYMS_FILE);
        if (!Files.isRegularFile(file)) return false;
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
        int max = PageFields.MAX_LENGTH.get("synonyms");
        if (text.length() > max) {
            throw new CmsException(file + " is " + text.length() + " characters long; the CMS takes at most " + max + ". Shorten it.");
        }
        JsonNode current = client.getIfPresent(CmsSync.SYNONYMS_PATH, Map.of("locale", locale, "status", "published"));
        if (current != null && text.equals(current.path("data").path("lines").asText("").replace("\r\n", "\n").strip())) return false;
        ObjectNode root = client.mapper().createObjectNode();
        root.putObject("data").put("lines", text);
        client.send("PUT", CmsSync.SYNONYMS_PATH, Map.of("locale", locale), root);
        progress.accept("updated the synonym list (" + locale + ")");
        return true;
    }

    private ObjectNode payload(PageDocument page) {
        ObjectNode data = client.mapper().createObjectNode();
        data.put("title", page.title());
        data.put("navTitle", page.navTitle());
        data.put("slug", page.slug());
        data.put("section", page.section());
        data.put("sortOrder", page.order());
        data.put("pageType", page.type());
        data.put("date", page.date());
        data.put("summary", page.summary());
        data.put("owner", page.owner());
        data.put("reviewed", page.reviewed());
        data.put("nextReview", page.nextReview());
        data.put("changeNote", page.changeNote());
        data.put("tags", page.tags());
        data.put("template", PageFields.cmsTemplate(page.template()));
        data.put("worksheetSource", page.worksheetSource());
        data.put("oldUrls", page.oldSlugs());
        data.put("body", page.body());
        ObjectNode root = client.mapper().createObjectNode();
        root.set("data", data);
        return root;
    }

    private static Map<String, JsonNode> bySlug(List<JsonNode> list) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode e : list) map.putIfAbsent(e.path("slug").asText(), e);
        return map;
    }

    static List<PageDocument> readContent(Path contentDir) throws CmsException, IOException {
        if (!Files.isDirectory(contentDir)) {
            throw new CmsException("Content folder " + contentDir + " not found. Run from the handbook's folder or pass --content DIR.");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(contentDir)) {
            // Other languages (content/en/) are pushed on their own, with --locale.
            files = walk.filter(p -> p.toString().endsWith(".adoc") && Files.isRegularFile(p))
                    .filter(p -> contentDir.relativize(p).getNameCount() < 2
                            || !PageDocument.isLocaleFolder(contentDir, contentDir.relativize(p).getName(0)))
                    .sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        List<PageDocument> pages = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path relative = contentDir.relativize(file);
            PageDocument page = PageDocument.parse(relative, Files.readString(file, StandardCharsets.UTF_8), problems);
            if (page == null) continue;
            String expected = relative.toString().replace('\\', '/');
            if (!PageDocument.isValidName(page.slug()) || !PageDocument.isValidName(page.section())
                    || !page.relativePath().equals(expected)) {
                problems.add("content/" + expected + ": slug '" + page.slug() + "' and section '" + page.section()
                        + "' do not match the file's place (they would give content/" + page.relativePath() + ").");
                continue;
            }
            Path before = seen.putIfAbsent(page.slug(), relative);
            if (before != null) {
                problems.add("content/" + expected + ": slug '" + page.slug() + "' is also used by content/" + before + ".");
                continue;
            }
            pages.add(page);
        }
        if (!problems.isEmpty()) {
            throw new CmsException(problems.size() + " problem(s) in " + contentDir + "; nothing was sent:\n"
                    + String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
        }
        return pages;
    }
}
