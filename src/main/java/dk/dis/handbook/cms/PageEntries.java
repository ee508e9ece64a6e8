package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every entry of the page collection for one locale and status, page by page, and checks
 * that the listing is complete: Strapi silently caps pageSize, and entries added or removed while
 * paging shift the pages. A listing that drifted is read again from the start; if it keeps
 * drifting the sync fails instead of writing a partial set.
 */
public final class PageEntries {
    public static final String PATH = "/api/pages";
    public static final int PAGE_SIZE = 100;

    /** The fields a sync reads, named explicitly so a schema change cannot leak new data into pages. */
    static final List<String> FIELDS = List.of("title", "navTitle", "slug", "section", "sortOrder", "pageType", "date", "summary",
            "owner", "reviewed", "nextReview", "changeNote", "tags", "template", "worksheetSource", "oldUrls", "body", "locale", "updatedAt", "publishedAt");

    /** Thrown inside a listing when the pages no longer add up; retried from the start. */
    static final class DriftException extends RuntimeException {
        DriftException(String message) {
            super(message);
        }
    }

    private final StrapiClient client;
    private final int driftRetries;

    public PageEntries(StrapiClient client, int driftRetries) {
        this.client = client;
        this.driftRetries = driftRetries;
    }

    public List<JsonNode> list(String locale, String status) throws CmsException {
        RetryPolicy<List<JsonNode>> again = RetryPolicy.<List<JsonNode>>builder()
                .handle(DriftException.class)
                .withMaxRetries(driftRetries)
                .withDelay(Duration.ofMillis(200))
                .build();
        try {
            return Failsafe.with(again).get(() -> listOnce(locale, status));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof CmsException cms) throw cms;
            throw e;
        } catch (DriftException drift) {
            throw new CmsException("The CMS's page list (" + locale + ", " + status + ") changed while it was being read ("
                    + drift.getMessage() + "), " + (driftRetries + 1) + " times in a row. Nothing was written; run the sync "
                    + "again when editors have finished publishing.");
        }
    }

    private List<JsonNode> listOnce(String locale, String status) throws CmsException {
        List<JsonNode> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Integer total = null;
        int pageCount = 1;
        for (int page = 1; page <= pageCount; page++) {
            JsonNode answer = client.get(PATH, query(locale, status, page));
            JsonNode pagination = answer.path("meta").path("pagination");
            JsonNode data = answer.path("data");
            if (!data.isArray() || !pagination.path("total").isInt()) {
                throw new CmsException("The CMS's answer to GET " + PATH + " (page " + page + ") has no data list or no "
                        + "meta.pagination.total. Is this the handbook's Strapi 5?");
            }
            int pageSize = pagination.path("pageSize").asInt(-1);
            if (pageSize != PAGE_SIZE) {
                throw new CmsException("The CMS returned pages of " + pageSize + " entries when " + PAGE_SIZE + " were asked for: "
                        + "its api.rest.maxLimit is lower than " + PAGE_SIZE + ". Set maxLimit to at least " + PAGE_SIZE
                        + " in cms/config/api.js, or entries would be missed.");
            }
            int thisTotal = pagination.path("total").asInt();
            if (total == null) {
                total = thisTotal;
                pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            } else if (thisTotal != total) {
                throw new DriftException("the total went from " + total + " to " + thisTotal + " between pages");
            }
            for (JsonNode entry : data) {
                String id = entry.path("documentId").asText("");
                if (!seen.add(id)) throw new DriftException("entry " + id + " came twice");
                entries.add(entry);
            }
            if (data.size() < PAGE_SIZE && page < pageCount) {
                throw new DriftException("page " + page + " had " + data.size() + " entries, expected " + PAGE_SIZE);
            }
        }
        if (entries.size() != total) {
            throw new DriftException("read " + entries.size() + " entries but the CMS reports " + total);
        }
        return entries;
    }

    private static Map<String, String> query(String locale, String status, int page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("locale", locale);
        q.put("status", status);
        // A total order, so pages never overlap and the order is the same on every run.
        q.put("sort[0]", "section:asc");
        q.put("sort[1]", "sortOrder:asc");
        q.put("sort[2]", "slug:asc");
        q.put("sort[3]", "documentId:asc");
        for (int i = 0; i < FIELDS.size(); i++) q.put("fields[" + i + "]", FIELDS.get(i));
        q.put("pagination[page]", Integer.toString(page));
        q.put("pagination[pageSize]", Integer.toString(PAGE_SIZE));
        q.put("pagination[withCount]", "true");
        return q;
    }
}
