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
 * ({@code @netlify/headers-parser}, {@code @netlify/redirect-parser}, pinned in src/test/netlify/) read them.
 */
public record NetlifyRules(List<HeaderRule> headers, List<Redirect> redirects, List<String> errors) {
    public static final Path TOOL = TestHandbook.REPO.resolve("src/test/netlify");

    public record HeaderRule(String path, Map<String, String> values) {}

    public record Redirect(String from, String to, int status, boolean force) {}

    public static NetlifyRules read(Path siteDir) throws Exception {
        if (!Files.isDirectory(TOOL.resolve("node_modules/@netlify/redirect-parser"))) {
            throw new AssertionError("src/test/netlify/node_modules is missing: run `cd src/test/netlify && npm ci` before the tests "
                    + "(.ci/run does this).");
        }
        Process p = new ProcessBuilder("node", "rules.mjs", siteDir.toAbsolutePath().toString(),
                TestHandbook.REPO.resolve("netlify.toml").toString()).directory(TOOL.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("Netlify's parsers failed: " + err);
        JsonNode json = new ObjectMapper().readTree(out);
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
