package dk.dis.handbook.bake;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.site.SiteMap;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Atom feed of each language's changes page ({@link RecentChanges}), beside the page:
 * {@code /aendringer/feed.xml} for a changes page at {@code /aendringer/}. Rendered after the Oven
 * with the bake's FreeMarker templates (templates/changes-feed.ftlx); JBake renders one feed only.
 */
final class ChangesFeed {
    static final String TEMPLATE = "changes-feed.ftlx";

    private ChangesFeed() {}

    /** Writes the feeds and returns how many. */
    static int write(SiteMap site, Map<String, Object> shared, Configuration freemarker, Path outDir)
            throws IOException, ContentException {
        int written = 0;
        for (Page page : site.pages()) {
            if (!RecentChanges.isChangesPage(page)) continue;
            List<Map<String, Object>> entries = RecentChanges.entries(site, page.locale());
            Map<String, Object> own = new HashMap<>();
            own.put("t", Messages.of(page.locale()));
            own.put("lang", page.locale());
            own.put("feed", Map.of("url", RecentChanges.feedUrl(page), "pageUrl", page.url(), "title", page.title(),
                    // As new as its newest change; without changes, as the changes page itself.
                    "updated", entries.isEmpty() ? page.reviewed().toString() : entries.get(0).get("dateIso")));
            own.put("entries", entries);
            Path target = outDir.resolve(page.url().substring(1) + RecentChanges.FEED_FILE);
            Files.createDirectories(target.getParent());
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                freemarker.getTemplate(TEMPLATE).process(new HandbookTemplates.Values(own, shared::get, freemarker.getObjectWrapper()), out);
            } catch (TemplateException e) {
                throw new ContentException(new ContentProblem("templates/" + TEMPLATE, null, "failed at line " + e.getLineNumber()
                        + " (rendering " + page.url() + RecentChanges.FEED_FILE + "): "
                        + e.getMessageWithoutStackTop().lines().findFirst().orElse(""), "Fix the template."));
            }
            written++;
        }
        return written;
    }
}
