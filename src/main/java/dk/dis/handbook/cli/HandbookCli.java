package dk.dis.handbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar target/handbook.jar <command>}. */
@Command(name = "handbook", mixinStandardHelpOptions = true, version = "DIS handbook 0.1",
        description = "Builds the DIS handbook: a static, searchable site of the DIS model.",
        subcommands = {BuildCommand.class, SyncCommand.class, CmsPushCommand.class, ServeCommand.class, PreviewServerCommand.class, SearchCommand.class,
                ReviewCommand.class, AnchorsCommand.class, InitCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class HandbookCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) throws Exception {
        if (FastJvm.shouldRelaunch(args)) {
            System.exit(FastJvm.relaunch(args));
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new HandbookCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
