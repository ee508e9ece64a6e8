package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The outcome of a production build, written to the CMS's "Seneste bygning af sitet" so that
 * editors see in the admin whether their publish reached the site, and if not, why. Uses a token
 * that may write only that (`npm run token:create -- NAME status`).
 */
public final class BuildStatus {
    public static final String PATH = "/api/build-status";
    public static final String TOKEN_VARIABLE = "BUILD_STATUS_TOKEN";

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("messages.status", DANISH);

    private final StrapiClient client;

    public BuildStatus(StrapiClient client) {
        this.client = client;
    }

    /** @param problems each naming the CMS page, field and line where the content came from the CMS */
    public void report(boolean ok, String source, String summary, List<String> problems, Instant finishedAt) throws CmsException {
        ObjectNode root = client.mapper().createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("finishedAt", finishedAt.toString());
        data.put("outcome", ok ? "ok" : "fejlede");
        data.put("source", cut(source, 200));
        data.put("summary", cut(summary, 500));
        data.put("problems", cut(String.join("\n", problems), 100_000));
        client.send("PUT", PATH, Map.of(), root);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** What was built: the commit the host names, or the CMS's content. */
    public static String source(Map<String, String> env, boolean fromCms) {
        String commit = env.getOrDefault("COMMIT_REF", env.get("GITHUB_SHA"));
        String where = text(fromCms ? "status.source.cms" : "status.source.repository");
        return commit == null || commit.isBlank() ? where
                : text("status.source.commit", where, commit.substring(0, Math.min(12, commit.length())));
    }

    /** The editors' (Danish) wording of an outcome, from messages/status_da.properties; numbers written the Danish way. */
    public static String text(String key, Object... args) {
        return new MessageFormat(TEXTS.getString(key), DANISH).format(args);
    }
}
