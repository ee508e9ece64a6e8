package dk.dis.handbook.preview;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The signed, expiring query parameter that opens the preview: {@code EXPIRY.SIGNATURE}, where
 * EXPIRY is in epoch seconds and SIGNATURE is HMAC-SHA256 of "preview:EXPIRY" with the shared
 * secret, base64url without padding. The CMS's preview handler (cms/config/admin.js) makes it.
 */
public final class PreviewToken {
    public static final String PARAMETER = "preview";
    /** The longest a token may still be valid for: a token from the future is not accepted either. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(2);

    private final byte[] secret;

    public PreviewToken(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("PREVIEW_SECRET must be at least 32 characters (the CMS signs preview links with it).");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(Instant expiry) {
        long seconds = expiry.getEpochSecond();
        return seconds + "." + sign(seconds);
    }

    /** True when {@code token} was signed with the secret and has not expired. */
    public boolean accepts(String token, Instant now) {
        if (token == null) return false;
        int dot = token.indexOf('.');
        if (dot < 1) return false;
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry < now.getEpochSecond() || expiry > now.plus(MAX_LIFETIME).getEpochSecond()) return false;
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, sign(expiry).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("preview:" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token in a raw query string, or null. */
    public static String from(String rawQuery) {
        if (rawQuery == null) return null;
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(PARAMETER + "=")) return java.net.URLDecoder.decode(pair.substring(PARAMETER.length() + 1), StandardCharsets.UTF_8);
        }
        return null;
    }
}
