package dk.dis.handbook.content;

import java.util.regex.Pattern;

/**
 * Paths inside this handbook, as editors give them for old URLs and worksheet sources. Only the
 * characters of a slug path are allowed, so a value can never become a full URL, a wildcard, a
 * placeholder, a query or a second rule in the hosting files.
 */
public final class SitePaths {
    public static final int MAX_LENGTH = 200;
    private static final String SEGMENT = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final Pattern SLUG = Pattern.compile(SEGMENT);
    private static final Pattern PATH = Pattern.compile("/(?:" + SEGMENT + "/)*" + SEGMENT + "/?");
    private static final Pattern NORMALIZED = Pattern.compile("/(?:" + SEGMENT + "/)+");

    private SitePaths() {}

    public static boolean isSlug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }

    /** True for a path such as /trin-1/gammel-side/ (leading and trailing slash, slug segments only). */
    public static boolean isNormalizedPath(String s) {
        return s != null && s.length() <= MAX_LENGTH && NORMALIZED.matcher(s).matches();
    }

    /** /trin-1/gammel → /trin-1/gammel/ */
    public static String normalize(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /**
     * Why {@code value} is not a slug or a path of this site, in words an editor can act on; null
     * when it is one.
     */
    public static String problem(String value, boolean slugAllowed) {
        String example = slugAllowed ? "a slug such as gammel-side or a path such as /trin-1/gammel-side/" : "a path such as /trin-2/noeglespoergsmaal/";
        if (value.length() > MAX_LENGTH) return "is " + value.length() + " characters long; an address of the handbook has at most " + MAX_LENGTH + ".";
        if (slugAllowed && isSlug(value) || PATH.matcher(value).matches()) return null;
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        String why;
        if (value.contains("://") || value.startsWith("//") || value.matches("(?i)[a-z][a-z0-9+.-]*:.*")) why = "is a full URL or another site";
        else if (value.chars().anyMatch(Character::isWhitespace)) why = "contains spaces or line breaks";
        else if (value.contains("*")) why = "is a wildcard";
        else if (value.contains(":")) why = "contains a placeholder (':')";
        else if (value.contains("?") || value.contains("#") || value.contains("&")) why = "contains a query or fragment";
        else if (value.contains("..") || value.contains("\\")) why = "steps out of the folder";
        else if (value.equals("/")) why = "is the front page";
        else why = "has characters other than a-z, 0-9, '-' and '/'";
        return "has '" + shown + "', which " + why + ". Use " + example + " (a-z, 0-9, '-' and '/' only).";
    }
}
