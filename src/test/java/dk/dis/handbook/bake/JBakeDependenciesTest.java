package dk.dis.handbook.bake;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What JBake brings to the class path: a stock {@link Oven} bakes with the libraries the build
 * resolves (commons-configuration2 out of its CVE range), one SLF4J binding logs at INFO to stderr
 * with OrientDB quiet, and there is one copy of jsoup, Asciidoctor and JRuby's native libraries.
 */
class JBakeDependenciesTest {
    private static final String PAGE = "<p>About|https://handbook.example/|<b>hello</b>\n</p>\n";

    @TempDir
    Path dir;

    /**
     * A stock Oven bakes a FreeMarker template and a raw HTML page, in a JVM of its own: JBake's
     * engine registries are global (one bake per JVM at a time), and OrientDB writes through
     * java.util.logging's console handler, which only a fresh JVM's stderr shows in full.
     */
    @Test
    void aStockOvenBakesWithTheResolvedLibrariesAndLogsOnlyItsOwnLinesToStderr() throws Exception {
        Path site = tinySite();
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Bake.class.getName(), site.toString(), out.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the bake finished").isTrue();
        String log = Files.readString(stderr);
        assertThat(child.exitValue()).as("exit code; stderr:%n%s", log).isZero();

        // The page, and nothing else on stdout: logging never reaches the build's report.
        assertThat(Files.readString(stdout)).isEqualTo("errors: []\n" + PAGE);
        assertThat(out.resolve("about.html")).hasContent(PAGE);

        List<String> lines = log.lines().toList();
        assertThat(lines).contains("[Oven] INFO Baking has started...");
        // Every line is logback's (no java.util.logging "INFO:"/"WARNING:" pairs from OrientDB), none at DEBUG.
        assertThat(lines).allMatch(l -> l.matches("\\[\\w+] (INFO|WARN|ERROR) .*"), "logback's lines only");
        assertThat(log).doesNotContain("DEBUG", "OrientDB", "DISKCACHE", "memory", "OLogManager");
    }

    @Test
    void commonsConfigurationAndBeanutilsAreOutOfTheirCveRanges() throws IOException {
        // CVE-2022-33980 (< 2.8.0), CVE-2024-29131 and CVE-2024-29133 (< 2.10.1)
        assertThat(atLeast(version("org.apache.commons", "commons-configuration2"), "2.10.1")).isTrue();
        // CVE-2025-48734 (< 1.11.0)
        assertThat(atLeast(version("commons-beanutils", "commons-beanutils"), "1.11.0")).isTrue();
    }

    @Test
    void oneSlf4jBindingLogback() {
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).forEach(p -> providers.add(p.getClass().getName()));
        assertThat(providers).containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
        assertThat(resources("org/slf4j/impl/StaticLoggerBinder.class")).as("an SLF4J 1.x binding").isEmpty();
        assertThat(resources("logback.xml")).hasSize(1);
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("ch.qos.logback.classic.LoggerContext");
    }

    @Test
    void oneCopyOfJsoupAsciidoctorJrubyAndCommonsLogging() throws IOException {
        for (String type : List.of("org/jsoup/Jsoup.class", "org/asciidoctor/Asciidoctor.class",
                "org/asciidoctor/jruby/AsciidoctorJRuby.class", "org/jruby/Ruby.class",
                "jnr/posix/POSIX.class", "jnr/ffi/Runtime.class", "org/apache/commons/logging/LogFactory.class",
                "org/slf4j/LoggerFactory.class", "org/apache/commons/configuration2/Configuration.class")) {
            assertThat(resources(type)).as(type).hasSize(1);
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(version("org.jsoup", "jsoup")).isEqualTo(property(pom, "jsoup.version"));
        Properties asciidoctorj = new Properties();
        try (InputStream in = resource("META-INF/asciidoctorj-version.properties").openStream()) {
            asciidoctorj.load(in);
        }
        assertThat(asciidoctorj.getProperty("version.asciidoctorj")).isEqualTo(property(pom, "asciidoctorj.version"));

        // JRuby's native libraries at the versions JRuby is built with, not OrientDB's older ones.
        String jruby = new String(resource("META-INF/maven/org.jruby/jruby-base/pom.xml").openStream().readAllBytes(),
                StandardCharsets.UTF_8);
        for (String artifact : List.of("jnr-posix", "jnr-ffi", "jnr-constants")) {
            assertThat(version("com.github.jnr", artifact)).as(artifact).isEqualTo(declaredVersion(jruby, artifact));
        }
    }

    /** Runs one stock bake: {@code Bake SITE OUT}; prints the errors and the baked page. */
    public static final class Bake {
        public static void main(String[] args) throws Exception {
            Oven oven = new Oven(new JBakeConfigurationFactory()
                    .createDefaultJbakeConfiguration(Path.of(args[0]).toFile(), Path.of(args[1]).toFile(), true));
            oven.bake();
            System.out.println("errors: " + oven.getErrors());
            System.out.print(Files.readString(Path.of(args[1], "about.html")));
        }
    }

    private Path tinySite() throws IOException {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("content"));
        Files.createDirectories(site.resolve("templates"));
        Files.createDirectories(site.resolve("assets"));
        // Read by commons-configuration2: without it the Oven would also look for index, feed, archive and tag templates.
        Files.writeString(site.resolve("jbake.properties"), """
                site.host=https://handbook.example/
                render.index=false
                render.feed=false
                render.archive=false
                render.tags=false
                render.sitemap=false
                """);
        Files.writeString(site.resolve("templates/page.ftl"), "<p>${content.title}|${config.site_host}|${content.body}</p>\n");
        Files.writeString(site.resolve("content/about.html"), """
                title=About
                type=page
                status=published
                date=2024-01-02
                ~~~~~~
                <b>hello</b>""");
        return site;
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(JBakeDependenciesTest.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        List<URL> found = resources(name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    /** The version of the one jar on the class path with these Maven coordinates. */
    private static String version(String group, String artifact) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/" + group + "/" + artifact + "/pom.properties").openStream()) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " in pom.xml").isTrue();
        return m.group(1);
    }

    private static String declaredVersion(String pom, String artifact) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as(artifact + " in JRuby's pom").isTrue();
        return m.group(1);
    }

    static boolean atLeast(String version, String minimum) {
        String[] a = version.split("[.-]");
        String[] b = minimum.split("[.-]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) return x > y;
        }
        return true;
    }
}
