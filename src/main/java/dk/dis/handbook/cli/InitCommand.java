package dk.dis.handbook.cli;

import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.reuse.NewHandbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates a new municipality's handbook from this one, ready to build.")
final class InitCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, description = "The municipality, e.g. \"Albertslund Kommune\".")
    String name;

    @Option(names = "--brand-color", defaultValue = "#003a70", description = "Brand colour as #rrggbb (default: ${DEFAULT-VALUE}).")
    String brand;

    @Option(names = "--from", defaultValue = ".", description = "The handbook to start from (default: current folder).")
    Path from;

    @Parameters(index = "0", description = "Folder for the new handbook (must be new or empty).")
    Path dir;

    @Override
    public Integer call() {
        try {
            HandbookConfig current = HandbookConfig.load(from.resolve("handbook.yml"));
            String model = "DIS-modellen, " + current.municipality();
            NewHandbook.create(from, dir, name, brand, model, current.baseUrlTrimmed() + "/");
            System.out.println("Created " + name + "'s handbook in " + dir + ".");
            System.out.println("Next: cd " + dir + ", edit handbook.yml (base URL, contact, logo, colours) and content/, then:");
            System.out.println("  mvn -B -q package -DskipTests && java -jar target/handbook.jar build");
            return 0;
        } catch (ConfigException | IOException e) {
            System.err.println("init failed: " + e.getMessage());
            return 1;
        }
    }
}
