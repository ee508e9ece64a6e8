package dk.dis.handbook.cli;

import dk.dis.handbook.serve.LocalServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a built site on 127.0.0.1 with the same headers and redirects as production.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--dir", defaultValue = "target/site", description = "The built site (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        try (LocalServer server = LocalServer.start(dir, port)) {
            System.out.println("Serving " + dir + " at " + server.url() + "/ (Ctrl+C stops)");
            new CountDownLatch(1).await();
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("Cannot serve: " + e.getMessage());
            return 1;
        }
    }
}
