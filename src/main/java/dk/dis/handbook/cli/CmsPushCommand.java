package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsPush;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "cms-push", mixinStandardHelpOptions = true,
        description = {"Seeds a CMS (Strapi) from content/: creates or updates one page entry per file, and the synonym list,",
                "for every language of handbook.yml (the first from content/, each other from its folder, content/en/).",
                "Running it again changes nothing. Reads STRAPI_URL and STRAPI_TOKEN (a seed token: may create and update pages)."})
final class CmsPushCommand implements Callable<Integer> {

    @Option(names = "--content", description = "Content folder to send (default: content).")
    Path content;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--config", description = "The municipality's config file, for its languages (default: handbook.yml in --root).")
    Path config;

    @Option(names = "--locale", description = "Send only this language (default: every language in handbook.yml).")
    String locale;

    @Override
    public Integer call() {
        Path source = content != null ? content : root.resolve("content");
        long started = System.nanoTime();
        try {
            var locales = HandbookConfig.load(config != null ? config : root.resolve("handbook.yml")).locales();
            CmsSettings settings = CmsSettings.fromEnvironment(System.getenv());
            CmsPush push = new CmsPush(new StrapiClient(settings), line -> System.out.println("  " + line));
            var targets = SyncCommand.targets(source, locales, locale).stream()
                    .filter(t -> t.locale().equals(locales.get(0)) || Files.isDirectory(t.folder())).toList();
            // Images first: a page is sent only when the images it shows are in the Media Library.
            int images = push.pushImages(source, targets.stream().map(CmsSync.Target::folder).toList());
            if (images > 0) System.out.printf(Locale.ROOT, "[cms-push] %d image(s) uploaded%n", images);
            for (CmsSync.Target target : targets) {
                System.out.printf(Locale.ROOT, "[cms-push] %s → %s (%s)…%n", target.folder(), settings.baseUrl(), target.locale());
                CmsPush.Result r = push.run(target.folder(), target.locale());
                r.notInContent().forEach(e -> System.out.println("  note: " + e + " has no file in " + target.folder() + "; left as it is."));
                System.out.printf(Locale.ROOT, "[cms-push] %s: %d created, %d updated, %d unchanged%s (%.2f s)%n", target.locale(),
                        r.created(), r.updated(), r.unchanged(), r.synonymsSent() ? ", synonym list updated" : "",
                        (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println("cms-push failed: " + e.getMessage());
            return 2;
        } catch (CmsException | IOException e) {
            System.err.println("cms-push failed: " + e.getMessage());
            System.err.println("Entries sent before the failure stay in the CMS; run cms-push again to finish (it skips what is there).");
            return 1;
        }
    }
}
