package dk.dis.handbook.cli;

import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.publish.AnchorRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "anchors", mixinStandardHelpOptions = true,
        description = "Records the section anchors of the built site (default target/site) in " + BuildOptions.ANCHORS_FILE
                + " beside handbook.yml; the build then fails when one of them disappears. Run it after a build, then commit the file.")
final class AnchorsCommand implements Callable<Integer> {

    @Option(names = "--site", description = "The built site (default: target/site).")
    Path site = Path.of("target/site");

    @Option(names = "--config", description = "The municipality's config file, beside which the record lies (default: handbook.yml).")
    Path config = Path.of("handbook.yml");

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            System.err.println("anchors: " + site + " has no built site; run `java -jar target/handbook.jar build` first.");
            return 2;
        }
        Path file = config.toAbsolutePath().normalize().resolveSibling(BuildOptions.ANCHORS_FILE);
        AnchorRecord record = AnchorRecord.ofSite(site);
        record.write(file);
        System.out.println("Recorded " + record.anchors() + " anchors of " + record.pages() + " pages in " + file + ".");
        return 0;
    }
}
