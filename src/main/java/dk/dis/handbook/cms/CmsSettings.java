package dk.dis.handbook.cms;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the CMS is and how to reach it. The token is kept out of {@link #toString()} so it can
 * never end up in a log line or an exception message.
 */
public record CmsSettings(URI baseUrl, String token, Duration timeout, int maxRetries, Duration retryDelay, Duration maxRetryDelay) {

    public static final String URL_VARIABLE = "STRAPI_URL";
    public static final String TOKEN_VARIABLE = "STRAPI_TOKEN";

    public CmsSettings {
        String s = baseUrl.toString();
        if (s.endsWith("/")) baseUrl = URI.create(s.substring(0, s.length() - 1));
    }

    public static CmsSettings of(URI baseUrl, String token) {
        return new CmsSettings(baseUrl, token, Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** Reads STRAPI_URL and STRAPI_TOKEN, or says which one is missing. */
    public static CmsSettings fromEnvironment(Map<String, String> env) throws CmsException {
        String url = env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new CmsException(URL_VARIABLE + " is not set. Set it to the CMS address, e.g. http://127.0.0.1:1337.");
        }
        String token = env.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new CmsException(TOKEN_VARIABLE + " is not set. Create an API token with "
                    + "`cd cms && npm run token:create -- site-build build` and set " + TOKEN_VARIABLE + " to it.");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new CmsException(URL_VARIABLE + " is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new CmsException(URL_VARIABLE + " must start with http:// or https://.");
        }
        return of(uri, token.strip());
    }

    public CmsSettings withTimeout(Duration t) {
        return new CmsSettings(baseUrl, token, t, maxRetries, retryDelay, maxRetryDelay);
    }

    public CmsSettings withRetries(int retries, Duration delay, Duration maxDelay) {
        return new CmsSettings(baseUrl, token, timeout, retries, delay, maxDelay);
    }

    @Override
    public String toString() {
        return "CmsSettings[" + baseUrl + ", token=(hidden)]";
    }
}
