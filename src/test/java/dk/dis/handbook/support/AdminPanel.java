package dk.dis.handbook.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Strapi admin panel of cms/, built with `npm run build:admin` when it is missing or older
 * than what goes into it (the CMS's sources and config, its lockfile, the site's CSS).
 */
public final class AdminPanel {
    public static final Path BUILD = LocalStrapi.CMS.resolve("build/index.html");
    private static final List<Path> INPUTS = List.of(LocalStrapi.CMS.resolve("src"), LocalStrapi.CMS.resolve("config"),
            LocalStrapi.CMS.resolve("package-lock.json"), TestHandbook.REPO.resolve("assets/css/site.css"));

    private AdminPanel() {}

    /** Builds the admin when needed; returns how long the build took, or null when it was up to date. */
    public static synchronized Duration ensureBuilt() throws Exception {
        LocalStrapi.requireInstalled();
        if (Files.exists(BUILD) && newest().compareTo(Files.getLastModifiedTime(BUILD)) < 0) return null;
        long start = System.nanoTime();
        Path log = Files.createTempFile("strapi-admin-build", ".log");
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "build:admin").directory(LocalStrapi.CMS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("STRAPI_TELEMETRY_DISABLED", "true");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("npm run build:admin took more than 10 minutes:\n" + Files.readString(log));
        }
        if (p.exitValue() != 0 || !Files.exists(BUILD)) {
            throw new AssertionError("npm run build:admin failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static FileTime newest() throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (Path input : INPUTS) {
            if (!Files.exists(input)) continue;
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (t.compareTo(newest) > 0) newest = t;
                }
            }
        }
        return newest;
    }
}
