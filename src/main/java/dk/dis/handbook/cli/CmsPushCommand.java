package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsPush;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.StrapiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "cms-push", mixinStandardHelpOptions = true,
        description = {"Seeds a CMS (Strapi) from content/: creates or updates one page entry per file.",
                "Running it again changes nothing. Reads STRAPI_URL and STRAPI_TOKEN (a seed token: may create and update pages)."})
final class CmsPushCommand implements Callable<Integer> {

    @Option(names = "--content", description = "Content folder to send (default: content).")
    Path content;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--locale", defaultValue = "da", description = "Locale of the content (default: da).")
    String locale;

    @Override
    public Integer call() {
        Path source = content != null ? content : root.resolve("content");
        long started = System.nanoTime();
        try {
            CmsSettings settings = CmsSettings.fromEnvironment(System.getenv());
            System.out.printf(Locale.ROOT, "[cms-push] %s → %s (%s)…%n", source, settings.baseUrl(), locale);
            CmsPush.Result r = new CmsPush(new StrapiClient(settings), line -> System.out.println("  " + line)).run(source, locale);
            r.notInContent().forEach(e -> System.out.println("  note: " + e + " has no file in " + source + "; left as it is."));
            System.out.printf(Locale.ROOT, "[cms-push] %d created, %d updated, %d unchanged (%.2f s)%n",
                    r.created(), r.updated(), r.unchanged(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (CmsException | IOException e) {
            System.err.println("cms-push failed: " + e.getMessage());
            System.err.println("Entries sent before the failure stay in the CMS; run cms-push again to finish (it skips what is there).");
            return 1;
        }
    }
}
