package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.cms.StrapiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pulls the handbook from the CMS (Strapi) into content/ as Asciidoc.",
                "Reads STRAPI_URL and STRAPI_TOKEN (a build token: may only read pages) from the environment."})
final class SyncCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Folder to write (default: content). Replaced only when the sync succeeds.")
    Path out;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--preview", description = "Take the newest draft of every page (marked draft); never for production.")
    boolean preview;

    @Option(names = "--locale", defaultValue = "da", description = "Locale to pull (default: da).")
    String locale;

    @Override
    public Integer call() {
        Path target = out != null ? out : root.resolve("content");
        try {
            run(System.getenv(), target, locale, preview, System.out);
            return 0;
        } catch (CmsException | IOException e) {
            System.err.println("Sync failed: " + e.getMessage());
            System.err.println(target + " is unchanged.");
            return 1;
        }
    }

    /** Runs a sync with progress on {@code out}; shared with {@code build} when STRAPI_URL is set. */
    static CmsSync.Result run(Map<String, String> env, Path target, String locale, boolean preview, PrintStream out)
            throws CmsException, IOException {
        CmsSettings settings = CmsSettings.fromEnvironment(env);
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "[sync] %s pages (%s) from %s…%n", preview ? "draft and published" : "published", locale, settings.baseUrl());
        CmsSync.Result result = new CmsSync(new StrapiClient(settings), line -> out.println("  " + line)).run(target, locale, preview);
        result.warnings().forEach(w -> out.println("  warning: " + w));
        out.printf(Locale.ROOT, "[sync] %d pages (%d drafts) into %s, %d requests (%.2f s)%n", result.pages(), result.drafts(),
                target, result.requests(), (System.nanoTime() - started) / 1e9);
        return result;
    }
}
