package dk.dis.handbook.cms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each text field of a CMS page may be. The CMS's schema declares the same limits
 * (maxLength), so the admin stops an editor while typing; the sync checks them again because a
 * token holder can write to the API directly, and a page of megabytes would stall every build.
 */
public final class PageFields {
    /** The CMS's name of the field, and its limit in characters. */
    public static final Map<String, Integer> MAX_LENGTH;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("title", 150);
        m.put("navTitle", 60);
        m.put("slug", 80);
        m.put("section", 80);
        m.put("summary", 400);
        m.put("owner", 120);
        m.put("changeNote", 1000);
        m.put("tags", 500);
        m.put("worksheetSource", 200);
        m.put("oldUrls", 1000);
        m.put("body", 200_000);
        m.put("synonyms", 20_000);
        MAX_LENGTH = java.util.Collections.unmodifiableMap(m);
    }

    /** The CMS's values of the template field, and the template each one names in the page header. */
    public static final Map<String, String> TEMPLATES = Map.of("standard", "", "arbejdsark", "worksheet", "idekatalog", "catalogue");

    private PageFields() {}

    /** The CMS value for a header's template (null or "" for an ordinary page). */
    static String cmsTemplate(String header) {
        if (header == null || header.isEmpty()) return "standard";
        return TEMPLATES.entrySet().stream().filter(e -> e.getValue().equals(header)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CMS value for template " + header));
    }
}
