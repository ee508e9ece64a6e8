package dk.dis.handbook.serve;

import dk.dis.handbook.publish.HostingRules;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A local preview server for a built site that answers as the CDN does: it reads the site's own
 * {@code _headers} and {@code _redirects} (written by {@link HostingRules}), serves clean URLs
 * and the 404 page. Binds to 127.0.0.1 only.
 */
public final class LocalServer implements AutoCloseable {

    public record HeaderRule(Pattern path, Map<String, String> headers) {}

    public record Redirect(String from, String to, int status) {}

    /** Looks at a request before the site answers it: null lets it through, a response answers it instead. */
    public interface Gate {
        Response check(String path, String rawQuery) throws IOException;
    }

    /** A response of the gate's own: status, HTML body. */
    public record Response(int status, String html) {}

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;
    private volatile List<HeaderRule> headerRules;
    private volatile Map<String, Redirect> redirects;
    private final HttpServer server;
    private final Gate gate;
    private final Map<String, String> extraHeaders;

    private LocalServer(Path root, int port) throws IOException {
        this(root, port, null, Map.of());
    }

    private LocalServer(Path root, int port, Gate gate, Map<String, String> extraHeaders) throws IOException {
        this.gate = gate;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.root = root.toAbsolutePath().normalize();
        this.headerRules = readHeaders(this.root.resolve("_headers"));
        this.redirects = readRedirects(this.root.resolve("_redirects"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
    }

    /** Starts serving {@code root} on 127.0.0.1; port 0 picks a free port. */
    public static LocalServer start(Path root, int port) throws IOException {
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IOException(root + " has no index.html: build the site first (java -jar target/handbook.jar build).");
        }
        LocalServer s = new LocalServer(root, port);
        s.server.start();
        return s;
    }

    /**
     * Serves {@code root} behind {@code gate}, adding {@code extraHeaders} to every response
     * (over the site's own rules); the site is read from disk at each request, so it may be rebuilt.
     */
    public static LocalServer start(Path root, int port, Gate gate, Map<String, String> extraHeaders) throws IOException {
        LocalServer s = new LocalServer(root, port, gate, extraHeaders);
        s.server.start();
        return s;
    }

    /** Lets {@code handler} answer every request under {@code path} (any method), instead of the site. */
    public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed".getBytes(StandardCharsets.UTF_8), "/");
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            if (gate != null) {
                Response answer = gate.check(path, exchange.getRequestURI().getRawQuery());
                reloadRulesIfRebuilt();
                if (answer != null) {
                    send(exchange, answer.status(), TYPES.get("html"), answer.html().getBytes(StandardCharsets.UTF_8), path);
                    return;
                }
            }
            Path file = resolve(path);
            if (file == null) {
                Redirect redirect = redirects.get(path.endsWith("/") ? path : path + "/");
                if (redirect != null) {
                    exchange.getResponseHeaders().set("Location", redirect.to());
                    send(exchange, redirect.status(), "text/plain; charset=utf-8", new byte[0], path);
                    return;
                }
                Path dir = root.resolve(path.substring(1)).normalize();
                if (!path.endsWith("/") && dir.startsWith(root) && Files.isRegularFile(dir.resolve("index.html"))) {
                    exchange.getResponseHeaders().set("Location", path + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", new byte[0], path);
                    return;
                }
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "Not found".getBytes(StandardCharsets.UTF_8);
                send(exchange, 404, TYPES.get("html"), body, path);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file), path);
        }
    }

    private volatile String rulesStamp = "";

    /** The gate may have rebuilt the site: its rules are read again when their files changed. */
    private void reloadRulesIfRebuilt() throws IOException {
        Path headers = root.resolve("_headers");
        Path redirectsFile = root.resolve("_redirects");
        String stamp = (Files.exists(headers) ? Files.getLastModifiedTime(headers) + "/" + Files.size(headers) : "-")
                + " " + (Files.exists(redirectsFile) ? Files.getLastModifiedTime(redirectsFile) + "/" + Files.size(redirectsFile) : "-");
        if (stamp.equals(rulesStamp)) return;
        headerRules = readHeaders(headers);
        redirects = readRedirects(redirectsFile);
        rulesStamp = stamp;
    }

    /** The file for a URL path, or null; never a file outside the site. */
    private Path resolve(String path) {
        if (path.contains("\0") || path.equals("/_headers") || path.equals("/_redirects")) return null;
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) return null;
        if (path.endsWith("/")) file = file.resolve("index.html");
        return Files.isRegularFile(file) ? file : null;
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body, String path) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        for (Map.Entry<String, String> e : headersFor(path).entrySet()) h.set(e.getKey(), e.getValue());
        // An empty value removes the site's own header (the preview drops X-Frame-Options for its CSP).
        extraHeaders.forEach((name, value) -> {
            if (value.isEmpty()) h.remove(name);
            else h.set(name, value);
        });
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** All rules whose path matches, in file order; files without a Cache-Control rule revalidate (as on Netlify). */
    Map<String, String> headersFor(String path) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("Cache-Control", HostingRules.REVALIDATE);
        for (HeaderRule rule : headerRules) {
            if (rule.path().matcher(path).matches()) result.putAll(rule.headers());
        }
        return result;
    }

    public static List<HeaderRule> readHeaders(Path file) throws IOException {
        List<HeaderRule> rules = new ArrayList<>();
        if (!Files.isRegularFile(file)) return rules;
        Map<String, String> current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            if (!Character.isWhitespace(line.charAt(0))) {
                current = new LinkedHashMap<>();
                rules.add(new HeaderRule(pathPattern(line.strip()), current));
            } else if (current != null && line.contains(":")) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return rules;
    }

    public static Map<String, Redirect> readRedirects(Path file) throws IOException {
        Map<String, Redirect> map = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return map;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (line.isBlank() || parts[0].startsWith("#") || parts.length < 2) continue;
            int status = parts.length > 2 ? Integer.parseInt(parts[2].replace("!", "")) : 301;
            map.put(parts[0].endsWith("/") ? parts[0] : parts[0] + "/", new Redirect(parts[0], parts[1], status));
        }
        return map;
    }

    /** Netlify path patterns: '*' matches the rest, ':name' one segment. */
    public static Pattern pathPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=[*:/])|(?<=[*/])")) {
            if (part.equals("*")) regex.append(".*");
            else if (part.startsWith(":")) regex.append("[^/]+");
            else regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
