package dk.dis.handbook.preview;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.pipeline.StageReport;
import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.CmsOrigins;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.convert.AsciidocEngine;
import dk.dis.handbook.publish.HostingRules;
import dk.dis.handbook.serve.LocalServer;
import org.jsoup.nodes.Entities;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The preview next to the CMS: a request for a page, signed by the CMS's preview button, brings
 * a preview build of the CMS's drafts (every language) up to date and shows that page, with the
 * preview banner, noindex, and a CSP that lets only the CMS's admin frame it. A draft that cannot
 * be built is left out, and its page says what to fill in; the other pages preview as usual.
 */
public final class PreviewService implements AutoCloseable {
    private final StrapiClient client;
    private final PreviewToken tokens;
    private final Clock clock;
    private final BuildOptions options;
    private final BuildOptions checkOptions;
    private final List<String> locales;
    private final AsciidocEngine engine;
    private final Consumer<String> log;
    private final Map<String, List<String>> leftOut = new LinkedHashMap<>();
    private LocalServer server;

    /** A long-running service builds with the date of each build (its clock's), so review notices appear on the day. */
    private BuildOptions today(BuildOptions base) {
        return base.withToday(java.time.LocalDate.ofInstant(clock.instant(), BuildOptions.ZONE));
    }

    /**
     * @param root the handbook's folder (templates, assets, handbook.yml)
     * @param work where the preview's content, cache and site live
     */
    public PreviewService(Path root, Path work, StrapiClient client, PreviewToken tokens, Clock clock, Consumer<String> log)
            throws ConfigException {
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
        this.log = log;
        // The handbook's record of published anchors, not one beside the service's own content folders.
        Path anchors = BuildOptions.recordBeside(root.resolve("content"));
        this.options = BuildOptions.defaults(root).withPreview(true).withPdf(false).withAnchorsFile(anchors)
                .withContentDir(work.resolve("content")).withOutDir(work.resolve("site")).withCacheDir(work.resolve("cache"));
        this.checkOptions = BuildOptions.defaults(root).withPreview(false).withPdf(false).withAnchorsFile(anchors)
                .withContentDir(work.resolve("check/content")).withOutDir(work.resolve("check/site")).withCacheDir(work.resolve("check/cache"));
        this.locales = HandbookConfig.load(options.configFile()).locales();
        this.engine = AsciidocEngine.startBooting(options.assetsDir().resolve("diagrams"));
    }

    /** Where the CMS asks, before it publishes a page, whether the build would take it. */
    public static final String CHECK_PATH = "/check";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.util.regex.Pattern SYNC_PROBLEM =
            java.util.regex.Pattern.compile("(?s)^field '(\\w+)'\\s*(?:line (\\d+)\\b:?)?\\s*(.*)$");

    /**
     * One problem of a checked entry: its CMS field (null when it is not one field), the line inside
     * it (null when none), the rule's message (English, as the build log has it), and the same
     * worded in Danish for the CMS ({@link CheckWording}: the key of its text, its parameters, the text).
     */
    public record Problem(String field, Integer line, String message, String key, List<String> params, String text) {
        public static Problem of(String field, Integer line, String message) {
            CheckWording.Wording danish = CheckWording.of(message);
            return new Problem(field, line, message, danish.key(), danish.params(), danish.text());
        }
    }

    /** The answer to a check: ok when nothing refuses the entry; warnings never do. */
    public record CheckResult(boolean ok, List<Problem> problems, List<Problem> warnings) {}

    /** Starts answering on 127.0.0.1:{@code port} (0 picks one); the first request builds the preview. */
    public PreviewService start(int port) throws IOException {
        URI cms = client.settings().baseUrl();
        String cmsOrigin = cms.getScheme() + "://" + cms.getAuthority();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", HostingRules.CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors " + cmsOrigin));
        headers.put("X-Frame-Options", "");
        headers.put("X-Robots-Tag", "noindex, nofollow");
        headers.put("Cache-Control", "no-store");
        Files.createDirectories(options.outDir());
        server = LocalServer.start(options.outDir(), port, this::check, headers);
        server.route(CHECK_PATH, this::answerCheck);
        return this;
    }

    /**
     * Builds the preview once in the background, so that Asciidoctor is warm before the first
     * Preview or publish check arrives (a cold check takes most of its time limit in the CMS).
     */
    public PreviewService warmUp() {
        Thread thread = new Thread(() -> {
            try {
                refresh();
            } catch (CmsException | IOException | ContentException | ConfigException | RuntimeException e) {
                log.accept("preview warm-up failed (the first request will try again): " + e.getMessage());
            }
        }, "preview-warm-up");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public String url() {
        return server.url();
    }

    /** The gate in front of the preview site: a valid token, then a fresh build, then the page or what stops it. */
    private LocalServer.Response check(String path, String rawQuery) {
        // The stylesheet, scripts and fonts are the site's own, the same for everyone.
        if (path.startsWith("/assets/") && !path.startsWith(dk.dis.handbook.content.MediaFile.URL_FOLDER)) return null;
        if (!tokens.accepts(PreviewToken.from(rawQuery), clock.instant())) {
            return new LocalServer.Response(403, page("Forhåndsvisningen kræver et link fra CMS'et",
                    "Åbn siden med knappen Forhåndsvisning i CMS'et. Linket gælder kun et stykke tid; hent et nyt, hvis det er udløbet.", List.of()));
        }
        try {
            refresh();
        } catch (CmsException | IOException | ContentException | ConfigException e) {
            log.accept("preview failed: " + e.getMessage());
            return new LocalServer.Response(502, page("Forhåndsvisningen kunne ikke bygges", "Prøv igen om lidt.",
                    List.of(e.getMessage())));
        }
        List<String> problems = leftOutAt(path);
        if (problems != null) {
            problems = problems.stream().map(PreviewService::inDanish).toList();
            return new LocalServer.Response(200, page("Kladden til denne side kan ikke vises endnu",
                    "Udfyld eller ret det, der står herunder, og gem igen. De andre sider kan forhåndsvises som normalt.", problems));
        }
        return null;
    }

    private synchronized List<String> leftOutAt(String path) {
        return leftOut.get(path.endsWith("/") ? path : path + "/");
    }

    /**
     * Syncs the CMS's drafts and rebuilds what changed. A draft the sync or the build refuses is
     * left out (its published version kept, if any) and noted for its page.
     */
    synchronized void refresh() throws CmsException, IOException, ContentException, ConfigException {
        Path content = options.contentDir();
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (int attempt = 0; ; attempt++) {
            CmsSync.Result synced = new CmsSync(client, line -> {}).leavingOutBrokenDrafts().leavingOut(refused)
                    .run(content, CmsSync.targets(content, locales), true, true);
            try {
                new Pipeline(new StageReport(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                        .build(today(options), engine);
            } catch (ContentException e) {
                if (attempt >= 3) throw e;
                CmsOrigins origins = CmsOrigins.read(content);
                for (ContentProblem problem : e.problems()) {
                    String draft = draftOf(problem.file());
                    if (draft == null) throw e;
                    refused.computeIfAbsent(draft, k -> new ArrayList<>()).add(origins.rename(List.of(problem)).get(0).toString());
                }
                continue;
            }
            Map<String, List<String>> notes = new LinkedHashMap<>();
            for (CmsSync.LeftOut draft : synced.leftOut()) {
                if (draft.url() != null) notes.put(draft.url(), draft.problems());
            }
            leftOut.clear();
            leftOut.putAll(notes);
            log.accept("preview up to date: " + synced.pages() + " pages, " + notes.size() + " drafts left out");
            return;
        }
    }

    /**
     * POST /check, {@code Authorization: Bearer TOKEN} (a {@link PreviewToken}), with JSON
     * {@code {documentId, locale, entry, published: {LOCALE: [entries]}, synonyms: {LOCALE: text}}}
     * as the CMS holds them at publish time; answers {@code {ok, problems, warnings}} as JSON.
     */
    private void answerCheck(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            Object answer;
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).strip() : null;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = Map.of("error", "POST only");
            } else if (!tokens.accepts(token, clock.instant())) {
                status = 403;
                answer = Map.of("error", "a token signed with PREVIEW_SECRET is required");
            } else {
                try {
                    long started = System.nanoTime();
                    CheckResult result = check(JSON.readTree(exchange.getRequestBody()));
                    log.accept(String.format("check of %s: %s, %d problem(s), %d warning(s), %.2f s",
                            exchange.getRemoteAddress().getAddress().getHostAddress(), result.ok() ? "ok" : "refused",
                            result.problems().size(), result.warnings().size(), (System.nanoTime() - started) / 1e9));
                    status = 200;
                    answer = result;
                } catch (IOException | ConfigException | CmsException | RuntimeException e) {
                    log.accept("check failed: " + e);
                    status = 500;
                    answer = Map.of("error", String.valueOf(e.getMessage()));
                }
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * Builds the published handbook with this one draft in its place, with the build's own rules
     * (no PDFs, its own folder and incremental cache), and returns what refuses the draft: the
     * sync's problems with its fields and the build's problems with its file, named by CMS field
     * and line inside the field. Problems the draft causes on other pages are warnings.
     */
    public synchronized CheckResult check(JsonNode request) throws IOException, ConfigException, CmsException {
        String locale = request.path("locale").asText(locales.get(0));
        if (!locales.contains(locale)) {
            return new CheckResult(false, List.of(Problem.of(null, null, "locale '" + locale + "' is not one of " + locales)), List.of());
        }
        com.fasterxml.jackson.databind.node.ObjectNode draft = request.path("entry").isObject()
                ? ((com.fasterxml.jackson.databind.node.ObjectNode) request.path("entry")).deepCopy() : JSON.createObjectNode();
        draft.put("locale", locale);
        if (request.path("documentId").isTextual()) draft.put("documentId", request.path("documentId").asText());
        Map<String, List<JsonNode>> published = new LinkedHashMap<>();
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String l : locales) {
            List<JsonNode> entries = new ArrayList<>();
            request.path("published").path(l).forEach(entries::add);
            published.put(l, entries);
            JsonNode text = request.path("synonyms").path(l);
            synonyms.put(l, text.isTextual() ? text.asText() : null);
        }
        Path content = checkOptions.contentDir();
        CmsSync sync = new CmsSync(client, line -> {}).fromEntries(published, synonyms).withDraft(draft);
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        try {
            sync.run(content, CmsSync.targets(content, locales), false, true);
        } catch (CmsException e) {
            // Problems of the whole handbook with this draft in it (a slug used twice, an image missing).
            problems.addAll(sync.checkedProblems().stream().map(PreviewService::syncProblem).toList());
            problems.addAll(exceptionProblems(e.getMessage()));
            return new CheckResult(false, problems, warnings);
        }
        problems.addAll(sync.checkedProblems().stream().map(PreviewService::syncProblem).toList());
        warnings.addAll(sync.checkedWarnings().stream().map(PreviewService::syncProblem).toList());
        if (sync.checkedFile() == null) return new CheckResult(problems.isEmpty(), problems, warnings);
        String file = "content/" + (locale.equals(locales.get(0)) ? "" : locale + "/") + sync.checkedFile();
        try {
            new Pipeline(new StageReport(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).build(today(checkOptions), engine);
        } catch (ContentException e) {
            CmsOrigins origins = CmsOrigins.read(content);
            for (ContentProblem problem : e.problems()) {
                String fix = problem.fix();
                CmsOrigins.Located at = origins.locate(problem);
                if (file.equals(problem.file()) && at != null) {
                    String field = at.field();
                    Integer line = at.line();
                    java.util.regex.Matcher link = LINK_PROBLEM.matcher(at.message());
                    if (field == null && link.find()) {
                        // The link checker reads the built page: find the link in the body the editor wrote.
                        field = "body";
                        line = lineOf(draft.path("body").asText("").replace("\r\n", "\n").strip(), link.group(1));
                    }
                    problems.add(Problem.of(field, line, at.message() + (fix == null ? "" : " " + fix)));
                } else {
                    warnings.add(Problem.of(null, null, "another page: " + origins.rename(List.of(problem)).get(0)));
                }
            }
        }
        return new CheckResult(problems.isEmpty(), problems, warnings);
    }

    private static final java.util.regex.Pattern LINK_PROBLEM = java.util.regex.Pattern.compile("links to '([^']+)'");

    /** The first line of {@code body} (from 1) with the link to {@code target}, or null. */
    static Integer lineOf(String body, String target) {
        String[] lines = body.split("\n", -1);
        int hash = target.indexOf('#');
        List<String> forms = new ArrayList<>(List.of(target));
        if (hash >= 0) forms.add("<<" + target.substring(hash + 1));
        for (String form : forms) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(form)) return i + 1;
            }
        }
        return null;
    }

    /** A problem of a left-out draft as the secretary reads it: the field, the line, what to do (in Danish). */
    static String inDanish(String problem) {
        // The banner is on the draft's own page: the sync's "page 'X' (locale, slug, documentId): " is not needed.
        Problem p = syncProblem(problem.replaceFirst("^page '[^']*' \\([^)]*\\): ", ""));
        if (p.field() == null) return p.text();
        return p.field() + (p.line() == null ? "" : " (linje " + p.line() + ")") + ": " + p.text();
    }

    /** "field 'body' line 3: …" → body, 3, "…". */
    static Problem syncProblem(String text) {
        java.util.regex.Matcher m = SYNC_PROBLEM.matcher(text);
        if (!m.matches()) return Problem.of(null, null, text);
        return Problem.of(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3));
    }

    /**
     * A sync that stopped lists its problems one a line ("  - …") under a summary: each is a
     * problem of its own (an image the Media Library lacks is the body's), the summary is left out.
     */
    static List<Problem> exceptionProblems(String message) {
        List<Problem> problems = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.startsWith("  - ")) continue;
            String item = line.substring(4).strip();
            problems.add(Problem.of(item.startsWith("image '") ? "body" : null, null, item));
        }
        if (problems.isEmpty()) problems.add(Problem.of(null, null, message));
        return problems;
    }

    /** content/trin-1/x.adoc → "da:trin-1/x.adoc", content/en/… → "en:…"; null for a file that is not a page. */
    private String draftOf(String file) {
        if (file == null || !file.startsWith("content/") || !file.endsWith(".adoc")) return null;
        String path = file.substring("content/".length());
        int slash = path.indexOf('/');
        if (slash > 0 && locales.subList(1, locales.size()).contains(path.substring(0, slash))) {
            return path.substring(0, slash) + ":" + path.substring(slash + 1);
        }
        return locales.get(0) + ":" + path;
    }

    private static String page(String title, String text, List<String> items) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>").append(Entities.escape(title)).append("</title></head><body><main><h1>")
                .append(Entities.escape(title)).append("</h1><p>").append(Entities.escape(text)).append("</p>");
        if (!items.isEmpty()) {
            html.append("<ul>");
            for (String item : items) html.append("<li>").append(Entities.escape(item)).append("</li>");
            html.append("</ul>");
        }
        return html.append("</main></body></html>").toString();
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
