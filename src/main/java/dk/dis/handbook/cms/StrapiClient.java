package dk.dis.handbook.cms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Talks to Strapi's REST API with an API token: bounded retries with backoff on 5xx and network
 * errors, Retry-After on 429, no retry on 4xx. Messages name the request (never the token).
 */
public final class StrapiClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** One HTTP answer, read completely inside the attempt so a retry never leaks a connection. */
    record Reply(int code, String body, String retryAfter) {}

    private final CmsSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final RetryPolicy<Reply> retry;
    private int requests;

    public StrapiClient(CmsSettings settings) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout().multipliedBy(2))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        this.retry = RetryPolicy.<Reply>builder()
                .handle(IOException.class)
                .handleResultIf(r -> r.code() >= 500 || r.code() == 429)
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(ctx -> {
                    Reply last = ctx.getLastResult();
                    return last != null && last.code() == 429 ? retryAfter(last.retryAfter()) : backoff(ctx.getAttemptCount());
                })
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public CmsSettings settings() {
        return settings;
    }

    /** How many HTTP requests were sent (attempts included). */
    public int requestCount() {
        return requests;
    }

    public JsonNode get(String path, Map<String, String> query) throws CmsException {
        return send("GET", path, query, null);
    }

    /** One downloaded file: its status, and its bytes unless it was too big. */
    private record Download(int code, byte[] bytes, boolean tooBig) {}

    /**
     * The bytes of a file the CMS serves itself, such as an upload under /uploads/ (public static
     * files: sent without the token). Null when the CMS has no such file; at most {@code maxBytes}.
     */
    public byte[] download(String path, long maxBytes) throws CmsException {
        HttpUrl url = HttpUrl.parse(settings.baseUrl() + path);
        if (url == null) throw new CmsException("Not a valid CMS address: " + settings.baseUrl() + path);
        Request request = new Request.Builder().url(url).get().build();
        RetryPolicy<Download> again = RetryPolicy.<Download>builder()
                .handle(IOException.class)
                .handleResultIf(d -> d.code() >= 500)
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(ctx -> backoff(ctx.getAttemptCount()))
                .build();
        Download d;
        try {
            d = Failsafe.with(again).get(() -> {
                requests++;
                try (Response response = http.newCall(request).execute()) {
                    if (response.code() != 200) return new Download(response.code(), null, false);
                    try (var in = response.body().byteStream()) {
                        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                        return bytes.length > maxBytes ? new Download(200, null, true) : new Download(200, bytes, false);
                    }
                }
            });
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CmsException(networkMessage("GET " + path, cause), cause);
        }
        if (d.code() == 404) return null;
        if (d.tooBig()) throw new CmsException("The CMS's file " + path + " is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
        if (d.code() != 200) throw new CmsException("The CMS answered GET " + path + " with HTTP " + d.code() + ".");
        return d.bytes();
    }

    /** GET that answers null when the CMS has nothing there (HTTP 404), e.g. a single type never saved. */
    public JsonNode getIfPresent(String path, Map<String, String> query) throws CmsException {
        return call("GET", path, query, (RequestBody) null, true);
    }

    public JsonNode send(String method, String path, Map<String, String> query, JsonNode body) throws CmsException {
        return call(method, path, query, body, false);
    }

    /** POSTs one file as multipart form data (field "file"), with further form fields. */
    public JsonNode sendFile(String path, Map<String, String> fields, String fileName, byte[] bytes, String mimeType) throws CmsException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach(form::addFormDataPart);
        form.addFormDataPart("file", fileName, RequestBody.create(bytes, MediaType.get(mimeType)));
        return call("POST", path, Map.of(), form.build(), false);
    }

    private JsonNode call(String method, String path, Map<String, String> query, JsonNode body, boolean missingIsNull) throws CmsException {
        try {
            return call(method, path, query, body == null ? null : RequestBody.create(mapper.writeValueAsString(body), JSON), missingIsNull);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, Map<String, String> query, RequestBody body, boolean missingIsNull) throws CmsException {
        HttpUrl base = HttpUrl.parse(settings.baseUrl() + path);
        if (base == null) throw new CmsException("Not a valid CMS address: " + settings.baseUrl() + path);
        HttpUrl.Builder url = base.newBuilder();
        query.forEach(url::addQueryParameter);
        Request.Builder request = new Request.Builder().url(url.build())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json");
        request.method(method, body);
        Request built = request.build();
        String what = method + " " + path;

        Reply reply;
        try {
            reply = Failsafe.with(retry).get(() -> attempt(built));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CmsException(networkMessage(what, cause), cause);
        }
        if (reply.code() >= 200 && reply.code() < 300) return parse(what, reply.body());
        if (reply.code() == 404 && missingIsNull) return null;
        throw new CmsException(httpMessage(what, reply));
    }

    private Reply attempt(Request request) throws IOException {
        requests++;
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            return new Reply(response.code(), body, response.header("Retry-After"));
        }
    }

    private JsonNode parse(String what, String body) throws CmsException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw new CmsException("The CMS answered " + what + " with something that is not a JSON object"
                        + " (" + body.length() + " bytes). Is " + CmsSettings.URL_VARIABLE + " the address of the handbook's Strapi?");
            }
            return node;
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            throw new CmsException("The CMS answered " + what + " with invalid or truncated JSON (" + reason
                    + "). Nothing was written; try again, and check the CMS's log if it persists.");
        }
    }

    private String networkMessage(String what, Throwable cause) {
        String where = settings.baseUrl().toString();
        int attempts = settings.maxRetries() + 1;
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return "Could not connect to the CMS at " + where + " (" + what + ", " + attempts + " attempts): is Strapi running? "
                    + "Start it with `cd cms && npm start`, or check " + CmsSettings.URL_VARIABLE + ".";
        }
        if (cause instanceof InterruptedIOException) {
            return "The CMS at " + where + " did not answer " + what + " within " + settings.timeout().toSeconds()
                    + " s (" + attempts + " attempts). Check that Strapi is healthy and not overloaded.";
        }
        return "The connection to the CMS at " + where + " failed during " + what + " (" + attempts + " attempts): "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private String httpMessage(String what, Reply reply) {
        int code = reply.code();
        if (code == 401) {
            return "The CMS refused the API token in " + CmsSettings.TOKEN_VARIABLE + " (HTTP 401 on " + what + "): it is wrong, "
                    + "expired or revoked. Create a new one with `cd cms && npm run token:create -- site-build build`.";
        }
        if (code == 403) {
            boolean write = !what.startsWith("GET");
            return "The API token in " + CmsSettings.TOKEN_VARIABLE + " has no permission for " + what + " (HTTP 403). "
                    + (write ? "Only cms-push writes, with a seed token (`npm run token:create -- NAME seed`); the build's token may only read."
                             : "Use a build token (`npm run token:create -- NAME build`), which may read the pages.");
        }
        if (code == 404) {
            return "The CMS has no " + what + " (HTTP 404). Is " + CmsSettings.URL_VARIABLE + " the handbook's Strapi (cms/), "
                    + "started from this version of the project?";
        }
        if (code == 429) {
            return "The CMS kept answering " + what + " with HTTP 429 (too many requests) after " + (settings.maxRetries() + 1)
                    + " attempts. Wait a while and try again.";
        }
        if (code >= 500) {
            return "The CMS failed " + what + " with HTTP " + code + " after " + (settings.maxRetries() + 1)
                    + " attempts. Check the CMS's log; nothing was written.";
        }
        return "The CMS answered " + what + " with HTTP " + code + ": " + errorDetail(reply.body());
    }

    /** Strapi's {"error":{"message":…}} when there is one, else the start of the body. */
    private String errorDetail(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            JsonNode message = node == null ? null : node.path("error").path("message");
            if (message != null && message.isTextual()) {
                JsonNode details = node.path("error").path("details").path("errors");
                StringBuilder s = new StringBuilder(message.asText());
                if (details.isArray()) {
                    for (JsonNode d : details) s.append("; ").append(d.path("path")).append(": ").append(d.path("message").asText());
                }
                return s.toString();
            }
        } catch (JsonProcessingException ignored) {
            // not JSON: fall through
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Exponential backoff: retryDelay, 2×, 4×… capped at maxRetryDelay. */
    private Duration backoff(int attempts) {
        Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    /** Retry-After in seconds or as an HTTP date, capped so a bad header cannot stall a build. */
    private Duration retryAfter(String header) {
        Duration fallback = settings.retryDelay();
        if (header == null || header.isBlank()) return fallback;
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
        if (wait.isNegative()) return Duration.ZERO;
        return wait.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : wait;
    }
}
