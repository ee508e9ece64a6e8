package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.SitePaths;
import dk.dis.handbook.support.ScriptCanary;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.NetlifyRules;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the CMS's page type as hostile input, through the real Strapi's REST API: each
 * value is refused with a message naming the entry and field (by Strapi, by the sync or by the
 * build) or it comes out inert — nothing runs in Chromium, Netlify's parsers see only the
 * handbook's own rules, nothing is written outside the output folder, and the build finishes.
 * Writes what was tried and what happened, per field, to target/security/hostile-cms-input.md.
 */
class HostileCmsInputTest {
    static final String RUN = ScriptCanary.RUN;
    static final String MARK = ScriptCanary.MARK;
    static final Path PWNED = Path.of("/tmp/dis-handbook-pwned");

    /** Name → value; each goes into every field. */
    static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("script element", "<script>" + MARK + "</script>");
        PAYLOADS.put("event handler", "<img src=x onerror=" + RUN + ">");
        PAYLOADS.put("javascript: URL", "javascript:" + RUN);
        PAYLOADS.put("data: URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
        PAYLOADS.put("Asciidoc pass macro", "pass:[<svg onload=" + RUN + ">]");
        PAYLOADS.put("Asciidoc +++ passthrough", "+++<script>" + MARK + "</script>+++");
        PAYLOADS.put("Asciidoc attribute tricks", "image::x.png[\"x\\\" onerror=\\\"" + RUN + "\"] {set:jbake-status:draft} link:javascript:" + RUN + "[x]");
        PAYLOADS.put("header-line injection", "x\n:jbake-status: draft\n:jbake-oldslugs: /* https://evil.example/ 302");
        PAYLOADS.put("body break-out", "x\n\n++++\n<script>" + MARK + "</script>\n++++");
        PAYLOADS.put("_redirects injection", "/gammel https://evil.example/ 302\n/*  /trin-1/  301");
        PAYLOADS.put("_headers injection", "x\n/*\n  Content-Security-Policy: script-src *");
        PAYLOADS.put("path traversal", "../../../../../tmp/dis-handbook-pwned");
        PAYLOADS.put("CSP-breaking markup", "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src *\"><base href=\"https://evil.example/\">");
        PAYLOADS.put("template injection", "${7*7} <#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"touch " + PWNED + "\")}");
        PAYLOADS.put("very long value", "lang ".repeat(4000));
    }

    /** A body of several megabytes: only the body can be that big. */
    static final String HUGE = "Et afsnit med almindelig tekst. ".repeat(120_000);

    /** The CMS fields tried, with how a hostile value goes into the entry. */
    static final Map<String, BiConsumer<ObjectNode, String>> FIELDS = new LinkedHashMap<>();

    static {
        for (String field : List.of("title", "navTitle", "slug", "section", "sortOrder", "pageType", "date", "summary", "owner",
                "reviewed", "nextReview", "changeNote", "tags", "template", "worksheetSource", "oldUrls", "body")) {
            FIELDS.put(field, (data, value) -> data.put(field, value));
        }
        FIELDS.put("image alt text", (data, value) -> data.put("body", "Et billede:\n\nimage::/uploads/billede_5e6f7a.png[" + value + "]\n"));
        FIELDS.put("image file name", (data, value) -> data.put("body", "Et billede:\n\nimage::/uploads/" + value + "[Et billede]\n"));
    }

    record Outcome(String field, String payload, String result, String message) {}

    @TempDir
    static Path dir;
    static LocalStrapi strapi;
    static String seed;
    static String build;

    @BeforeAll
    static void startStrapi() throws Exception {
        strapi = LocalStrapi.start(dir);
        seed = strapi.createToken("hostile-seed", "seed");
        build = strapi.createToken("hostile-build", "build");
    }

    @AfterAll
    static void stopStrapi() throws Exception {
        if (strapi != null) strapi.close();
    }

    static StrapiClient client(String token) {
        return strapi.client(token);
    }

    @Test
    void everyFieldRefusesOrDefusesHostileValues() throws Exception {
        Files.deleteIfExists(PWNED);
        TestHandbook seedSite = new TestHandbook(dir.resolve("seed")).minimalSite();
        seedSite.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-oldslugs: gamle-detaljer, /trin-9/aeldre")
                + "Se link:/trin-1/#saet-retning[Sæt retning].\n");
        seedSite.write("angreb/index.adoc", header("Angreb", "angreb", "angreb", ":jbake-order: 80") + "Sider med fjendtligt indhold.\n");
        new CmsPush(client(seed), s -> {}).run(seedSite.root.resolve("content"), "da");
        // The image the alt-text values go with, in the Media Library as an editor would have put it.
        client(seed).sendFile(CmsPush.UPLOAD_IMPORT, Map.of("name", "billede_5e6f7a.png"), "billede_5e6f7a.png", CmsImagesTest.png(), "image/png");

        List<Outcome> outcomes = new ArrayList<>();
        Map<String, String> caseOfSlug = new TreeMap<>();
        int n = 0;
        for (var field : FIELDS.entrySet()) {
            Map<String, String> payloads = new LinkedHashMap<>(PAYLOADS);
            if (field.getKey().equals("body")) payloads.put("body of several megabytes", HUGE);
            for (var payload : payloads.entrySet()) {
                String slug = "h" + (++n);
                ObjectNode data = safeEntry(slug, n);
                field.getValue().accept(data, payload.getValue());
                ObjectNode root = FakeStrapi.JSON.createObjectNode();
                root.set("data", data);
                String documentId;
                try {
                    documentId = client(seed).send("POST", PageEntries.PATH, Map.of("locale", "da"), root).path("data").path("documentId").asText();
                } catch (CmsException refused) {
                    assertThat(refused.getMessage()).as(field.getKey() + " / " + payload.getKey()).containsAnyOf("HTTP 400", "HTTP 413");
                    outcomes.add(new Outcome(field.getKey(), payload.getKey(), "refused by Strapi", refused.getMessage()));
                    continue;
                }
                try {
                    CmsSync.Result synced = new CmsSync(client(build), s -> {}).run(dir.resolve("probe/content"), "da", false);
                    caseOfSlug.put(slug, field.getKey() + " / " + payload.getKey());
                    outcomes.add(new Outcome(field.getKey(), payload.getKey(), "accepted by the sync",
                            String.join(" ", synced.warnings().stream().filter(w -> w.contains("documentId " + documentId)).toList())));
                } catch (CmsException refused) {
                    String cmsField = field.getKey().startsWith("image") ? "body" : field.getKey();
                    assertThat(refused.getMessage()).as(field.getKey() + " / " + payload.getKey())
                            .contains("documentId " + documentId).contains("field '" + cmsField);
                    outcomes.add(new Outcome(field.getKey(), payload.getKey(), "refused by the sync", refused.getMessage()));
                    // The editor's way out: correct the field; the entry then syncs like any other page.
                    ObjectNode fix = FakeStrapi.JSON.createObjectNode();
                    fix.set("data", safeEntry(slug, n));
                    client(seed).send("PUT", PageEntries.PATH + "/" + documentId, Map.of("locale", "da"), fix);
                }
            }
        }

        // Everything the sync accepted, built together; what the build refuses must name its file.
        TestHandbook handbook = new TestHandbook(dir.resolve("site"));
        Set<String> before = topLevel(handbook.root);
        new CmsSync(client(build), s -> {}).run(handbook.root.resolve("content"), "da", false);
        Map<String, String> refusedByBuild = new TreeMap<>();
        for (int attempt = 0; ; attempt++) {
            long start = System.nanoTime();
            try {
                handbook.build();
                break;
            } catch (ContentException e) {
                assertThat(attempt).as("builds until all refused pages are out").isLessThan(4);
                for (ContentProblem problem : e.problems()) {
                    String slug = Path.of(problem.file()).getFileName().toString().replace(".adoc", "");
                    assertThat(caseOfSlug).as(problem.toString()).containsKey(slug);
                    refusedByBuild.merge(slug, problem.toString(), (a, b) -> a + " " + b);
                    Files.deleteIfExists(handbook.root.resolve(problem.file()));
                }
            } finally {
                assertThat((System.nanoTime() - start) / 1e9).as("a build with hostile content finishes").isLessThan(120);
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String slug = caseOfSlug.entrySet().stream().filter(e -> e.getValue().equals(o.field() + " / " + o.payload()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (slug == null) continue;
            outcomes.set(i, refusedByBuild.containsKey(slug)
                    ? new Outcome(o.field(), o.payload(), "refused by the build", refusedByBuild.get(slug))
                    : new Outcome(o.field(), o.payload(), "built, inert", o.message()));
        }

        assertThat(PWNED).as("nothing ran a command or wrote outside the output").doesNotExist();
        assertThat(topLevel(handbook.root)).as("the build wrote only its output folder").isEqualTo(union(before, Set.of("target")));
        checkHostingRules(handbook.out());
        int opened = ScriptCanary.openEveryPage(handbook.out());
        report(outcomes);

        assertThat(outcomes).hasSize(FIELDS.size() * PAYLOADS.size() + 1);
        assertThat(outcomes.stream().filter(o -> o.result().equals("built, inert")).count())
                .as("values that reached a page were opened in Chromium").isLessThanOrEqualTo(opened);
    }

    /** Netlify's parsers see the handbook's rules only: redirects between its own paths, and its own header rules. */
    private static void checkHostingRules(Path site) throws Exception {
        NetlifyRules netlify = NetlifyRules.read(site);
        assertThat(netlify.errors()).isEmpty();
        assertThat(netlify.redirects()).extracting(NetlifyRules.Redirect::from).as("the seeded page's old URLs came through the CMS")
                .contains("/trin-1/gamle-detaljer/", "/trin-9/aeldre/");
        for (NetlifyRules.Redirect r : netlify.redirects()) {
            if (r.from().equals("/was")) continue;
            assertThat(SitePaths.isNormalizedPath(r.from())).as(r.toString()).isTrue();
            assertThat(site.resolve(r.to().substring(1)).resolve("index.html")).as(r.toString()).exists();
            assertThat(r.force()).isFalse();
        }
        assertThat(netlify.headers()).extracting(NetlifyRules.HeaderRule::path).containsExactly("/*", "/assets/*", "/soeg/data/*");
        assertThat(netlify.headers().get(0).values().get("Content-Security-Policy")).startsWith("default-src 'self'").doesNotContain("*");
    }

    private static void report(List<Outcome> outcomes) throws Exception {
        StringBuilder md = new StringBuilder("# Hostile CMS input: what was tried and what happened\n\n");
        Map<String, Map<String, Integer>> perField = new LinkedHashMap<>();
        for (Outcome o : outcomes) perField.computeIfAbsent(o.field(), k -> new TreeMap<>()).merge(o.result(), 1, Integer::sum);
        md.append("| field | values tried | outcome |\n| --- | --- | --- |\n");
        perField.forEach((field, counts) -> md.append("| ").append(field).append(" | ")
                .append(counts.values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())).append(" |\n"));
        md.append("\n## Each value\n\n| field | value | outcome | message |\n| --- | --- | --- | --- |\n");
        for (Outcome o : outcomes) {
            String message = o.message().replaceAll("\\s+", " ").replace("|", "\\|");
            if (message.length() > 300) message = message.substring(0, 300) + "…";
            md.append("| ").append(o.field()).append(" | ").append(o.payload()).append(" | ").append(o.result()).append(" | ")
                    .append(message).append(" |\n");
        }
        Path file = TestHandbook.REPO.resolve("target/security/hostile-cms-input.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
        System.out.println(md.substring(0, md.indexOf("## Each value")));
    }

    private static ObjectNode safeEntry(String slug, int order) {
        ObjectNode data = FakeStrapi.JSON.createObjectNode();
        data.put("title", "Side " + slug);
        data.put("slug", slug);
        data.put("section", "angreb");
        data.put("sortOrder", order);
        data.put("pageType", "page");
        data.put("date", "2017-12-12");
        data.put("summary", "Resumé af side " + slug + ".");
        data.put("owner", "Opgaveudvalg om Innovation");
        data.put("reviewed", "2026-11-24");
        data.put("nextReview", "2027-11-24");
        data.put("template", "standard");
        for (String field : List.of("navTitle", "changeNote", "tags", "worksheetSource", "oldUrls")) data.putNull(field);
        data.put("body", "Tekst.");
        return data;
    }

    private static Set<String> topLevel(Path root) throws Exception {
        try (Stream<Path> list = Files.list(root)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
