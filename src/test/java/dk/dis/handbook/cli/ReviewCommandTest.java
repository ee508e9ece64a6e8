package dk.dis.handbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code handbook review}: the overdue and soon-due pages per owner, as text for secretaries and as JSON. */
class ReviewCommandTest {
    @TempDir
    Path dir;

    String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(HandbookCli.run(args)).isZero();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsOverdueAndSoonDuePagesPerOwner() throws Exception {
        TestHandbook h = new TestHandbook(dir).minimalSite();
        h.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer", ":jbake-reviewed: 2025-01-10",
                ":jbake-nextreview: 2026-11-01") + "Tekst.\n");
        h.write("trin-1/snart.adoc", header("Snart", "trin-1", "snart", ":jbake-owner: Udvalgssekretariatet",
                ":jbake-nextreview: 2026-12-20") + "Tekst.\n");
        h.write("trin-1/kladde.adoc", header("Kladde", "trin-1", "kladde", ":jbake-status: draft",
                ":jbake-reviewed: 2020-01-01", ":jbake-nextreview: 2021-01-01") + "Tekst.\n");
        String[] common = {"review", "--content", h.root.resolve("content").toString(), "--config", h.root.resolve("handbook.yml").toString(),
                "--today", "2026-12-01", "--within", "30"};

        String text = run(common);
        assertThat(text).isEqualTo("""
                Sider, hvis gennemgang er overskredet eller falder inden for 30 dage, pr. 1. december 2026:

                Opgaveudvalg om Innovation
                  OVERSKREDET siden 1. november 2026 (30 dage): Detaljer  /trin-1/detaljer/  (content/trin-1/detaljer.adoc)

                Udvalgssekretariatet
                  skal gennemgås senest 20. december 2026 (om 19 dage): Snart  /trin-1/snart/  (content/trin-1/snart.adoc)
                """);

        String[] json = java.util.Arrays.copyOf(common, common.length + 1);
        json[common.length] = "--json";
        JsonNode report = new ObjectMapper().readTree(run(json));
        assertThat(report.get("date").asText()).isEqualTo("2026-12-01");
        assertThat(report.get("owners")).hasSize(2);
        JsonNode first = report.get("owners").get(0);
        assertThat(first.get("owner").asText()).isEqualTo("Opgaveudvalg om Innovation");
        assertThat(first.get("overdue").get(0).get("url").asText()).isEqualTo("/trin-1/detaljer/");
        assertThat(first.get("overdue").get(0).get("daysLeft").asInt()).isEqualTo(-30);
        assertThat(first.get("soon")).isEmpty();
        assertThat(report.get("owners").get(1).get("soon").get(0).get("nextReview").asText()).isEqualTo("2026-12-20");

        // Nothing due within the window.
        assertThat(run("review", "--content", h.root.resolve("content").toString(), "--config", h.root.resolve("handbook.yml").toString(),
                "--today", "2026-01-01", "--within", "10")).endsWith("Ingen sider skal gennemgås i perioden.\n");
    }
}
