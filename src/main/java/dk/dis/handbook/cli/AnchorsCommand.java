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
                + " beside the content folder; the build then fails when one of them disappears. Run it after a build, then commit the file.")
final class AnchorsCommand implements Callable<Integer> {

    @Option(names = "--site", description = "The built site (default: target/site).")
    Path site = Path.of("target/site");

    @Option(names = "--content", description = "The content folder the site was built from, beside which the record lies (default: content).")
    Path content = Path.of("content");

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            System.err.println("anchors: " + site + " has no built site; run `java -jar target/handbook.jar build` first.");
            return 2;
        }
        Path file = BuildOptions.recordBeside(content);
        AnchorRecord record = AnchorRecord.ofSite(site);
        AnchorRecord.Difference change = AnchorRecord.read(file).comparedWith(record);
        record.write(file);
        // Removals are what a reviewer of the commit should look at: published addresses that stop working.
        System.out.println("Recorded " + record.anchors() + " anchors of " + record.pages() + " pages in " + file + " ("
                + change.added() + " pages and anchors added, " + change.removed() + " removed).");
        return 0;
    }
}
