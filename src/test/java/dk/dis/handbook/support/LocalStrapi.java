package dk.dis.handbook.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Strapi from cms/, started on 127.0.0.1 with a fresh SQLite file (or a fresh PostgreSQL
 * database, {@link Database#POSTGRES}) and throwaway secrets in a temp folder. Tests create API tokens with the project's own `token:create` script.
 * {@link #restart()} stops it and starts it again on the same database, secrets and port.
 */
public final class LocalStrapi implements AutoCloseable {
    public static final Path CMS = TestHandbook.REPO.resolve("cms");

    /** Strapi's database: SQLite (the default, a file in the test's folder) or PostgreSQL (production's). */
    public enum Database { SQLITE, POSTGRES }

    private Process process;
    private final Map<String, String> env;
    private final Path log;
    public final URI url;
    /** The PostgreSQL server and this Strapi's database on it, dropped at {@link #close()}; null on SQLite. */
    private final TestPostgres postgres;
    private final String postgresDatabase;

    private LocalStrapi(Map<String, String> env, Path log, URI url, TestPostgres postgres, String postgresDatabase) {
        this.env = env;
        this.log = log;
        this.url = url;
        this.postgres = postgres;
        this.postgresDatabase = postgresDatabase;
    }

    /** Fails with the way out when cms/ has not been installed. */
    public static void requireInstalled() {
        if (!Files.isDirectory(CMS.resolve("node_modules/@strapi/strapi"))) {
            throw new AssertionError("cms/node_modules is missing: run `cd cms && npm ci` before the tests "
                    + "(.ci/run does this). The CMS tests start the real Strapi from cms/.");
        }
    }

    public static LocalStrapi start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** @param extraEnv more environment for Strapi, e.g. BUILD_HOOK_URL */
    public static LocalStrapi start(Path dir, Map<String, String> extraEnv) throws Exception {
        return start(dir, extraEnv, Database.SQLITE);
    }

    /** On {@link Database#POSTGRES} the calling test is skipped when no server is configured (see {@link TestPostgres}). */
    public static LocalStrapi start(Path dir, Map<String, String> extraEnv, Database database) throws Exception {
        requireInstalled();
        Map<String, String> env = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (String name : List.of("API_TOKEN_SALT", "ADMIN_JWT_SECRET", "TRANSFER_TOKEN_SALT", "JWT_SECRET", "ENCRYPTION_KEY")) {
            env.put(name, secret(random));
        }
        env.put("APP_KEYS", secret(random) + "," + secret(random));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        env.put("HOST", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        TestPostgres postgres = database == Database.POSTGRES ? TestPostgres.requireOrSkip() : null;
        String postgresDatabase = null;
        if (postgres != null) {
            postgresDatabase = postgres.createDatabase();
            env.putAll(postgres.strapiEnvironment(postgresDatabase));
        } else {
            env.put("DATABASE_CLIENT", "sqlite");
            env.put("DATABASE_FILENAME", dir.resolve("strapi.db").toAbsolutePath().toString());
        }
        // The Media Library's files too: each test's CMS starts empty and leaves cms/public alone.
        Path publicDir = Files.createDirectories(dir.resolve("public/uploads")).getParent();
        env.put("PUBLIC_DIR", publicDir.toAbsolutePath().toString());
        env.put("STRAPI_TELEMETRY_DISABLED", "true");
        env.put("BUILD_HOOK_URL", "");
        env.putAll(extraEnv);
        Path log = dir.resolve("strapi.log");
        LocalStrapi strapi = new LocalStrapi(env, log, URI.create("http://127.0.0.1:" + port), postgres, postgresDatabase);
        try {
            strapi.launch();
        } catch (Exception | AssertionError e) {
            strapi.close();
            throw e;
        }
        return strapi;
    }

    /** Stops Strapi as a deployment would (SIGTERM); {@link #restart()} starts it again. */
    public void stop() throws InterruptedException {
        stopProcess();
    }

    /** The database this Strapi runs on, for a test's messages: "SQLite" or "PostgreSQL". */
    public String databaseName() {
        return postgres == null ? "SQLite" : "PostgreSQL";
    }

    /** Stops Strapi if it runs and starts it again with the same database, secrets and port. */
    public void restart() throws Exception {
        stopProcess();
        launch();
    }

    private void launch() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "scripts/start.js").directory(CMS.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        try {
            awaitHealthy(Duration.ofSeconds(180));
        } catch (Exception | AssertionError e) {
            stopProcess();
            throw e;
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private void awaitHealthy(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("Strapi exited during start:\n" + log());
            if (status("/_health") == 204) return;
            Thread.sleep(250);
        }
        throw new AssertionError("Strapi did not start within " + limit.toSeconds() + " s:\n" + log());
    }

    /** HTTP status of an unauthenticated GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) url.resolve(path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /** `npm run token:create -- NAME TYPE`, as an editor would run it. */
    public String createToken(String name, String type) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "scripts/create-token.js", name, type).directory(CMS.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("token:create failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Runs {@code npm run SCRIPT -- ARGS} in cms/ with this CMS's environment and {@code extraEnv}, as its
     * operator would; the exit code and what it printed.
     */
    public ScriptResult runScript(Map<String, String> extraEnv, String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("npm", "run", "--silent", script, "--"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(log.getParent(), script, ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(CMS.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (!finished) throw new AssertionError("npm run " + script + " did not finish within 300 s:\n" + out);
        return new ScriptResult(p.exitValue(), out);
    }

    public record ScriptResult(int exitCode, String output) {}

    /** Registers the first administrator, as the admin panel's sign-up form does, and returns their session token. */
    public String registerAdmin() throws Exception {
        String body = "{\"firstname\":\"Sekretær\",\"lastname\":\"Test\",\"email\":\"sekretaer@example.dk\",\"password\":\"Kladde1234\"}";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(url.resolve("/admin/register-admin")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) throw new AssertionError("register-admin: HTTP " + answer.statusCode() + " " + answer.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("data").path("token").asText();
    }

    /** GET on the admin API (what the admin panel shows) with an administrator's session token. */
    public com.fasterxml.jackson.databind.JsonNode adminGet(String adminToken, String path) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(url.resolve(path)).header("Authorization", "Bearer " + adminToken).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) throw new AssertionError(path + ": HTTP " + answer.statusCode() + " " + answer.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
    }

    /** A client of this CMS's REST API with {@code token}. */
    public dk.dis.handbook.cms.StrapiClient client(String token) {
        return new dk.dis.handbook.cms.StrapiClient(dk.dis.handbook.cms.CmsSettings.of(url, token));
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops Strapi and drops its PostgreSQL database, if it has one. */
    @Override
    public void close() throws InterruptedException {
        stopProcess();
        if (postgres != null) {
            try {
                postgres.dropDatabase(postgresDatabase);
            } catch (java.sql.SQLException e) {
                System.err.println("Could not drop the test database " + postgresDatabase + ": " + e.getMessage());
            }
        }
    }

    private void stopProcess() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
