package dk.dis.handbook.cli;

import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.convert.AsciidocEngine;
import dk.dis.handbook.reuse.ModelExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the whole model as open data: JSON with its JSON Schema, and a zip of the Asciidoc.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "target/export", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--root", defaultValue = ".", description = "The handbook's folder (default: current folder).")
    Path root;

    @Override
    public Integer call() {
        BuildOptions options = BuildOptions.defaults(root);
        try (AsciidocEngine engine = AsciidocEngine.startBooting(options.assetsDir().resolve("diagrams"))) {
            HandbookConfig config = HandbookConfig.load(options.configFile());
            SiteMap site = Pipeline.publishedSite(engine, config, options.contentDir());
            ModelExport.Result result = ModelExport.write(site, config, options.contentDir(), out);
            System.out.println("Exported " + result.pages() + " pages: " + result.json() + ", " + result.schema() + ", " + result.zip());
            return 0;
        } catch (ContentException | ConfigException e) {
            System.err.println("Export failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("Export failed: " + e);
            return 1;
        }
    }
}
