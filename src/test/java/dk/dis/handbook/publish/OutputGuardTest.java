package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The production guard looks at the finished output, whatever produced it. */
class OutputGuardTest {
    @TempDir
    Path site;

    List<ContentProblem> check(String html, boolean preview, List<String> drafts, List<String> secrets) throws Exception {
        Files.writeString(site.resolve("index.html"), html);
        List<ContentProblem> problems = new ArrayList<>();
        OutputGuard.check(site, preview, drafts, secrets, Map.of("index.html", "content/index.adoc"), problems);
        return problems;
    }

    @Test
    void aCleanPagePasses() throws Exception {
        assertThat(check("<html><head><script src=\"/assets/js/search.1.js\"></script></head><body><p>Hej</p></body></html>",
                false, List.of(), List.of())).isEmpty();
    }

    @Test
    void previewMarksAreRefusedInProductionOnly() throws Exception {
        String html = "<html><head><meta name=\"robots\" content=\"noindex, nofollow\"></head><body><div class=\"preview-banner\">Forhåndsvisning</div></body></html>";
        assertThat(check(html, false, List.of(), List.of())).extracting(ContentProblem::message)
                .contains("shows the preview banner in a production build.", "has noindex in a production build.");
        assertThat(check(html, true, List.of(), List.of())).isEmpty();
    }

    @Test
    void scriptsHandlersStylesFramesAndForeignResourcesAreRefused() throws Exception {
        List<ContentProblem> problems = check("<html><body><script>alert(1)</script><img src=\"https://tracker.example/p.gif\">"
                + "<a href=\"javascript:alert(1)\">x</a><div onclick=\"x()\" style=\"color:red\">y</div><iframe src=\"/\"></iframe></body></html>",
                false, List.of(), List.of());
        assertThat(problems).extracting(ContentProblem::message).anyMatch(m -> m.startsWith("has a script that is not"))
                .anyMatch(m -> m.contains("loads https://tracker.example/p.gif"))
                .anyMatch(m -> m.contains("javascript: URL"))
                .anyMatch(m -> m.contains("event-handler attribute onclick"))
                .anyMatch(m -> m.contains("style attribute"))
                .anyMatch(m -> m.contains("<iframe>"));
        assertThat(problems).allMatch(p -> p.file().equals("content/index.adoc"));
    }

    @Test
    void aDraftPageOrTheTokenInOutputFailsWithoutPrintingTheToken() throws Exception {
        Files.createDirectories(site.resolve("trin-1/kladde"));
        Files.writeString(site.resolve("trin-1/kladde/index.html"), "<p>kladde</p>");
        String token = "s3cr3t-token-0123456789abcdef";
        List<ContentProblem> problems = check("<p>" + token + "</p>", false, List.of("/trin-1/kladde/"), List.of(token));
        assertThat(problems).extracting(ContentProblem::message)
                .contains("is a draft but was written to a production build.", "contains a secret (the CMS token).");
        assertThat(problems.toString()).doesNotContain(token);
    }
}
