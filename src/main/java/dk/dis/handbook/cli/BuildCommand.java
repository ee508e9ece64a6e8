package dk.dis.handbook.cli;

import dk.dis.handbook.build.BuildOptions;
import dk.dis.handbook.build.Pipeline;
import dk.dis.handbook.build.StageReport;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.content.ContentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    @Option(names = "--preview", description = "Include drafts and mark every page as a preview (never for production).")
    boolean preview;

    @Option(names = "--no-pdf", description = "Skip the PDFs (and the pages' links to them) for a quicker build.")
    boolean noPdf;

    @Override
    public Integer call() {
        BuildOptions options = BuildOptions.defaults(root).withPreview(preview).withPdf(!noPdf);
        if (out != null) options = options.withOutDir(out);
        if (content != null) options = options.withContentDir(content);
        try {
            new Pipeline(new StageReport(System.out)).build(options);
            return 0;
        } catch (ContentException e) {
            System.err.println("Build failed: " + e.getMessage());
            System.err.println("Nothing was published; " + options.outDir() + " is unchanged.");
            return 1;
        } catch (ConfigException e) {
            System.err.println("Build failed: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("Build failed: " + e);
            System.err.println("Nothing was published; " + options.outDir() + " is unchanged.");
            return 1;
        }
    }
}
