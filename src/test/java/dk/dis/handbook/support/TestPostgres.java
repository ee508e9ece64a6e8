package dk.dis.handbook.support;

import org.junit.jupiter.api.Assumptions;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server the CMS tests run Strapi on, as .ci/run starts it: {@code TEST_POSTGRES_HOST},
 * {@code _PORT}, {@code _USER} (a role that may create databases) and {@code _PASSWORD}. Each Strapi gets
 * a database of its own, so every test's CMS starts empty.
 */
public record TestPostgres(String host, int port, String user, String password) {
    static final String SKIPPED = "TEST_POSTGRES_HOST is not set, so the CMS tests on PostgreSQL are skipped here. "
            + ".ci/run installs and starts PostgreSQL and sets TEST_POSTGRES_*; or set TEST_POSTGRES_HOST, _PORT, _USER "
            + "and _PASSWORD for a role that may create databases.";

    public static Optional<TestPostgres> fromEnvironment() {
        Map<String, String> env = System.getenv();
        String host = env.get("TEST_POSTGRES_HOST");
        if (host == null || host.isBlank()) return Optional.empty();
        return Optional.of(new TestPostgres(host, Integer.parseInt(env.getOrDefault("TEST_POSTGRES_PORT", "5432")),
                env.getOrDefault("TEST_POSTGRES_USER", "handbook_test"), env.getOrDefault("TEST_POSTGRES_PASSWORD", "")));
    }

    /** The server, or the calling test class is skipped saying why (never in .ci/run, which always sets the variables). */
    public static TestPostgres requireOrSkip() {
        Optional<TestPostgres> server = fromEnvironment();
        // Said in the build's output too: Maven's summary counts a skipped class as 0 tests, without the reason.
        if (server.isEmpty()) System.err.println("[WARNING] " + SKIPPED);
        Assumptions.assumeTrue(server.isPresent(), SKIPPED);
        return server.orElseThrow();
    }

    /** A new, empty database owned by the test role; its name. */
    public String createDatabase() throws SQLException {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        String name = "strapi_test_" + HexFormat.of().formatHex(bytes);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public void dropDatabase(String name) throws SQLException {
        if (!name.matches("strapi_test_[0-9a-f]+")) throw new IllegalArgumentException(name);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Strapi's settings for {@code database} (cms/config/database.js). */
    public Map<String, String> strapiEnvironment(String database) {
        return Map.of("DATABASE_CLIENT", "postgres", "DATABASE_HOST", host, "DATABASE_PORT", Integer.toString(port),
                "DATABASE_NAME", database, "DATABASE_USERNAME", user, "DATABASE_PASSWORD", password, "DATABASE_SSL", "false");
    }

    private void execute(String sql) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", login);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
