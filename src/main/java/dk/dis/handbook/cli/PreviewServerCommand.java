package dk.dis.handbook.cli;

import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.preview.PreviewService;
import dk.dis.handbook.preview.PreviewToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "preview-server", mixinStandardHelpOptions = true,
        description = {"Serves a preview of the CMS's drafts (every language), brought up to date at each request, to links",
                "signed by the CMS's preview button. Reads STRAPI_URL, STRAPI_TOKEN (a build token) and PREVIEW_SECRET",
                "(the same as the CMS's) from the environment. Listens on 127.0.0.1: put it behind the CMS's proxy."})
final class PreviewServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--work", defaultValue = "target/preview", description = "Where the preview's content and site are kept (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
        try {
            StrapiClient client = new StrapiClient(CmsSettings.fromEnvironment(System.getenv()));
            PreviewToken tokens = new PreviewToken(System.getenv("PREVIEW_SECRET"));
            try (PreviewService service = new PreviewService(root, root.resolve(work), client, tokens, Clock.systemUTC(), System.out::println)
                    .start(port).warmUp()) {
                System.out.println("Preview of " + client.settings().baseUrl() + " at " + service.url() + "/ (Ctrl+C stops)");
                new CountDownLatch(1).await();
                return 0;
            }
        } catch (CmsException | ConfigException | IllegalArgumentException e) {
            System.err.println("preview-server cannot start: " + e.getMessage());
            return 2;
        }
    }
}
