package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

import java.util.List;

/** Strapi 5 REST answers for the page collection, for fault tests against MockWebServer. */
final class FakeStrapi {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode entry(String documentId, String section, String slug, int order) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", Math.abs(documentId.hashCode() % 10000));
        e.put("documentId", documentId);
        e.put("title", "Titel " + slug);
        e.putNull("navTitle");
        e.put("slug", slug);
        e.put("section", section);
        e.put("sortOrder", order);
        e.put("pageType", "page");
        e.put("date", "2017-12-12");
        e.put("summary", "Resumé af " + slug + ".");
        e.put("owner", "Opgaveudvalg om Innovation");
        e.put("reviewed", "2026-11-24");
        e.put("nextReview", "2027-11-24");
        e.putNull("changeNote");
        e.putNull("tags");
        e.put("body", "Tekst om " + slug + ".\n");
        e.put("locale", "da");
        e.put("updatedAt", "2026-11-24T10:00:00.000Z");
        e.put("publishedAt", "2026-11-24T10:00:00.000Z");
        return e;
    }

    /** One page of a listing: data plus meta.pagination as Strapi 5 sends it. */
    static MockResponse page(List<ObjectNode> entries, int page, int pageSize, int total) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        entries.forEach(data::add);
        ObjectNode pagination = root.putObject("meta").putObject("pagination");
        pagination.put("page", page);
        pagination.put("pageSize", pageSize);
        pagination.put("pageCount", (total + pageSize - 1) / pageSize);
        pagination.put("total", total);
        return json(200, root.toString());
    }

    static MockResponse page(List<ObjectNode> entries) {
        return page(entries, 1, PageEntries.PAGE_SIZE, entries.size());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static List<ObjectNode> minimalSite() {
        return List.of(entry("doc-forside", "forside", "forside", 0), entry("doc-trin-1", "trin-1", "trin-1", 10),
                entry("doc-detaljer", "trin-1", "detaljer", 10));
    }

    private FakeStrapi() {}
}
