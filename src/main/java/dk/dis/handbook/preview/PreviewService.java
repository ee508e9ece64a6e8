package dk.dis.handbook.preview;

import dk.dis.handbook.build.BuildOptions;
import dk.dis.handbook.build.Pipeline;
import dk.dis.handbook.build.StageReport;
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
import dk.dis.handbook.publish.LocalServer;
import org.jsoup.nodes.Entities;

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
    private final List<String> locales;
    private final AsciidocEngine engine;
    private final Consumer<String> log;
    private final Map<String, List<String>> leftOut = new LinkedHashMap<>();
    private LocalServer server;

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
        this.options = BuildOptions.defaults(root).withPreview(true).withPdf(false)
                .withContentDir(work.resolve("content")).withOutDir(work.resolve("site")).withCacheDir(work.resolve("cache"));
        this.locales = HandbookConfig.load(options.configFile()).locales();
        this.engine = AsciidocEngine.startBooting(options.assetsDir().resolve("diagrams"));
    }

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
                        .build(options, engine);
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
            synchronized (this) {
                leftOut.clear();
                leftOut.putAll(notes);
            }
            log.accept("preview up to date: " + synced.pages() + " pages, " + notes.size() + " drafts left out");
            return;
        }
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
