package dk.dis.handbook.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built site's {@code _headers} and {@code _redirects} as Netlify's own parsers
 * ({@code @netlify/headers-parser}, {@code @netlify/redirect-parser}, pinned in src/test/netlify/) read them, and
 * netlify.toml as Netlify's config module ({@code @netlify/config}) resolves it.
 */
public record NetlifyRules(List<HeaderRule> headers, List<Redirect> redirects, List<String> errors) {
    public static final Path TOOL = TestHandbook.REPO.resolve("src/test/netlify");

    public record HeaderRule(String path, Map<String, String> values) {}

    public record Redirect(String from, String to, int status, boolean force) {}

    /** netlify.toml as Netlify's config module resolves it for one deploy context. */
    public record Context(String name, String command, String publish, int headers, int redirects, List<String> plugins) {}

    /** netlify.toml as {@code @netlify/config} resolves it for each deploy context, or Netlify's error message. */
    public record Config(List<Context> contexts, String error) {}

    /** @param repositoryRoot the folder Netlify builds in; publish paths are resolved against it */
    public static Config config(Path netlifyToml, Path repositoryRoot) throws Exception {
        Files.createDirectories(repositoryRoot);
        JsonNode json = run("config.mjs", netlifyToml.toAbsolutePath().toString(), repositoryRoot.toAbsolutePath().toString());
        List<Context> contexts = new ArrayList<>();
        json.path("contexts").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            List<String> plugins = new ArrayList<>();
            c.path("plugins").forEach(p -> plugins.add(p.asText()));
            contexts.add(new Context(e.getKey(), c.path("command").asText(null), c.path("publish").asText(null),
                    c.path("headers").size(), c.path("redirects").size(), plugins));
        });
        return new Config(contexts, json.path("error").isNull() ? null : json.path("error").asText());
    }

    /** Runs one event of a local build plugin with Netlify's own cache utility; what the plugin printed. */
    public static String runPlugin(Path pluginDir, String event, Path buildDir, Path cacheDir) throws Exception {
        return runText("plugin.mjs", pluginDir.toAbsolutePath().toString(), event, buildDir.toAbsolutePath().toString(),
                cacheDir.toAbsolutePath().toString());
    }

    private static JsonNode run(String script, String... args) throws Exception {
        return new ObjectMapper().readTree(runText(script, args));
    }

    private static String runText(String script, String... args) throws Exception {
        if (!Files.isDirectory(TOOL.resolve("node_modules/@netlify/config"))) {
            throw new AssertionError("src/test/netlify/node_modules is missing: run `cd src/test/netlify && npm ci` before the tests "
                    + "(.ci/run does this).");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(TOOL.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("Netlify's " + script + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }

    public static NetlifyRules read(Path siteDir) throws Exception {
        JsonNode json = run("rules.mjs", siteDir.toAbsolutePath().toString(), TestHandbook.REPO.resolve("netlify.toml").toString());
        List<HeaderRule> headers = new ArrayList<>();
        for (JsonNode h : json.path("headers")) {
            Map<String, String> values = new LinkedHashMap<>();
            h.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            headers.add(new HeaderRule(h.path("for").asText(), values));
        }
        List<Redirect> redirects = new ArrayList<>();
        for (JsonNode r : json.path("redirects")) {
            redirects.add(new Redirect(r.path("from").asText(), r.path("to").asText(), r.path("status").asInt(301), r.path("force").asBoolean()));
        }
        List<String> errors = new ArrayList<>();
        json.path("errors").forEach(e -> errors.add(e.asText()));
        return new NetlifyRules(headers, redirects, errors);
    }
}
