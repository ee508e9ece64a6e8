package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pulls the handbook from the CMS (Strapi) into content/ as Asciidoc: every language of handbook.yml,",
                "the first into content/, each other into its folder (content/en/). Reads STRAPI_URL and STRAPI_TOKEN",
                "(a build token: may only read pages) from the environment."})
final class SyncCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Folder to write (default: content). Replaced only when the sync succeeds.")
    Path out;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--config", description = "The municipality's config file, for its languages (default: handbook.yml in --root).")
    Path config;

    @Option(names = "--preview", description = "Take the newest draft of every page (marked draft); never for production.")
    boolean preview;

    @Option(names = "--locale", description = "Pull only this language (default: every language in handbook.yml).")
    String locale;

    @Option(names = "--allow-deletions", description = "Write even when a language's folder would lose more than half of its pages.")
    boolean allowDeletions;

    @Override
    public Integer call() {
        Path target = out != null ? out : root.resolve("content");
        try {
            List<String> locales = HandbookConfig.load(config != null ? config : root.resolve("handbook.yml")).locales();
            run(System.getenv(), target, targets(target, locales, locale), preview, allowDeletions, System.out);
            return 0;
        } catch (ConfigException e) {
            System.err.println("Sync failed: " + e.getMessage());
            return 2;
        } catch (CmsException | IOException e) {
            System.err.println("Sync failed: " + e.getMessage());
            System.err.println(target + " is unchanged.");
            return 1;
        }
    }

    /** Every language's folder, or the one {@code only} names (its own folder, never the first language's). */
    static List<CmsSync.Target> targets(Path contentDir, List<String> locales, String only) throws ConfigException {
        List<CmsSync.Target> all = CmsSync.targets(contentDir, locales);
        if (only == null) return all;
        return List.of(all.stream().filter(t -> t.locale().equals(only)).findFirst().orElseThrow(() ->
                new ConfigException("--locale " + only + " is not one of the handbook's languages " + locales + " (handbook.yml, locales).")));
    }

    /** Runs a sync with progress on {@code out}; shared with {@code build} when STRAPI_URL is set. */
    static CmsSync.Result run(Map<String, String> env, Path contentDir, List<CmsSync.Target> targets, boolean preview,
                              boolean allowDeletions, PrintStream out) throws CmsException, IOException {
        CmsSettings settings = CmsSettings.fromEnvironment(env);
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "[sync] %s pages (%s) from %s…%n", preview ? "draft and published" : "published",
                String.join(", ", targets.stream().map(CmsSync.Target::locale).toList()), settings.baseUrl());
        CmsSync.Result result = new CmsSync(new StrapiClient(settings), line -> out.println("  " + line))
                .run(contentDir, targets, preview, allowDeletions);
        result.warnings().forEach(w -> out.println("  warning: " + w));
        out.printf(Locale.ROOT, "[sync] %d pages (%d drafts) into %s, %d requests (%.2f s)%n", result.pages(), result.drafts(),
                contentDir, result.requests(), (System.nanoTime() - started) / 1e9);
        return result;
    }
}
