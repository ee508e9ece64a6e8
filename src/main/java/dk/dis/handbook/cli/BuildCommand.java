package dk.dis.handbook.cli;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.pipeline.StageReport;
import dk.dis.handbook.cms.CmsException;
import dk.dis.handbook.cms.BuildStatus;
import dk.dis.handbook.cms.CmsSettings;
import dk.dis.handbook.cms.StrapiClient;
import dk.dis.handbook.cms.CmsSync;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.content.CmsOrigins;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.Trees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Renders content/ into a static site (default target/site).")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Output folder (default: target/site).")
    Path out;

    @Option(names = "--content", description = "Content folder (default: content).")
    Path content;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Option(names = "--config", description = "The municipality's config file (default: handbook.yml in --root).")
    Path config;

    @Option(names = "--allow-deletions", description = "With a CMS: write the sync even when a language's folder would lose more than half of its pages.")
    boolean allowDeletions;

    @Option(names = "--preview", description = "Include drafts and mark every page as a preview (never for production).")
    boolean preview;

    @Option(names = "--no-pdf", description = "Skip the PDFs (and the pages' links to them) for a quicker build.")
    boolean noPdf;

    @Option(names = "--clean", description = "Build everything from scratch: forget what the last build may reuse "
            + "(kept in target/build-cache).")
    boolean clean;

    @Option(names = "--today", description = "The date the build takes for today, YYYY-MM-DD (default: today in Denmark): "
            + "pages whose next review lies before it say that they are overdue.")
    java.time.LocalDate today;

    private static ContentException renamed(ContentException e, BuildOptions options) {
        try {
            return new ContentException(CmsOrigins.read(options.contentDir()).rename(e.problems()));
        } catch (java.io.IOException unreadable) {
            return e;
        }
    }

    @Override
    public Integer call() {
        // Netlify names the deploy context; a preview build (drafts, noindex) must never go to production.
        if (preview && "production".equals(System.getenv("CONTEXT"))) {
            System.err.println("Build refused: --preview in the production context would publish drafts. "
                    + "Build without --preview for production.");
            return 2;
        }
        BuildOptions options = BuildOptions.defaults(root).withPreview(preview).withPdf(!noPdf);
        if (out != null) options = options.withOutDir(out);
        if (today != null) options = options.withToday(today);
        if (content != null) options = options.withContentDir(content);
        if (config != null) options = options.withConfigFile(config);
        if (clean) {
            try {
                Trees.delete(options.cacheDir());
            } catch (java.io.IOException e) {
                System.err.println("Build failed: could not remove " + options.cacheDir() + ": " + e.getMessage());
                return 1;
            }
        }
        boolean fromCms = System.getenv(CmsSettings.URL_VARIABLE) != null && !System.getenv(CmsSettings.URL_VARIABLE).isBlank();
        try {
            Pipeline pipeline = new Pipeline(new StageReport(System.out));
            // The CMS is the source: its pages are pulled into the content folder first (swapped in only on success).
            if (fromCms) pipeline.syncingWith((contentDir, locales, drafts) -> SyncCommand.run(System.getenv(), contentDir,
                    CmsSync.targets(contentDir, locales), drafts, allowDeletions, System.out));
            Pipeline.Outcome outcome = pipeline.build(options);
            report(fromCms, true, BuildStatus.text("status.built", outcome.pages(), outcome.seconds()), List.of());
            return 0;
        } catch (ContentException e) {
            // Content synced from the CMS: name the entry, field and line the secretary can find.
            ContentException named = renamed(e, options);
            System.err.println("Build failed: " + named.getMessage());
            System.err.println("Nothing was published; " + options.outDir() + " is unchanged.");
            report(fromCms, false, BuildStatus.text("status.problems", named.problems().size()),
                    named.problems().stream().map(Object::toString).toList());
            return 1;
        } catch (CmsException e) {
            System.err.println("Build failed: sync from the CMS failed: " + e.getMessage());
            System.err.println("Nothing was published; " + options.contentDir() + " and " + options.outDir() + " are unchanged.");
            report(fromCms, false, BuildStatus.text("status.sync"), List.of(e.getMessage()));
            return 1;
        } catch (ConfigException e) {
            System.err.println("Build failed: " + e.getMessage());
            report(fromCms, false, BuildStatus.text("status.config"), List.of(e.getMessage()));
            return 2;
        } catch (Exception e) {
            System.err.println("Build failed: " + e);
            System.err.println("Nothing was published; " + options.outDir() + " is unchanged.");
            report(fromCms, false, BuildStatus.text("status.failed"), List.of(e.toString()));
            return 1;
        }
    }

    /** A production build tells the CMS how it went, when BUILD_STATUS_TOKEN is set; a failure to tell is only a warning. */
    private void report(boolean fromCms, boolean ok, String summary, List<String> problems) {
        String token = System.getenv(BuildStatus.TOKEN_VARIABLE);
        String url = System.getenv(CmsSettings.URL_VARIABLE);
        if (preview || token == null || token.isBlank() || url == null || url.isBlank()) return;
        try {
            new BuildStatus(new StrapiClient(CmsSettings.of(java.net.URI.create(url), token)))
                    .report(ok, BuildStatus.source(System.getenv(), fromCms), summary, problems, java.time.Instant.now());
            System.out.println("[status] the build's outcome is in the CMS (Seneste bygning af sitet)");
        } catch (CmsException | RuntimeException e) {
            System.err.println("warning: could not report the build's outcome to the CMS: " + e.getMessage());
        }
    }
}
