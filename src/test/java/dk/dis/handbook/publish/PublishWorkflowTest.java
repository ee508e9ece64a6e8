package dk.dis.handbook.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI workflow (.github/workflows/publish.yml) against SchemaStore's workflow schema
 * ({@code @action-validator/core}, pinned in src/test/workflow/), and what it promises: tests, JDK 17 with
 * Maven's cache, production from main and previews from other branches, on push, daily and on the CMS's hook.
 * .ci/run runs its build step itself (src/test/workflow/steps.mjs).
 */
class PublishWorkflowTest {
    static final Path TOOL = TestHandbook.REPO.resolve("src/test/workflow");
    static final Path WORKFLOW = TestHandbook.REPO.resolve(".github/workflows/publish.yml");

    @TempDir
    Path dir;

    @Test
    void theWorkflowIsValidAndTestsBuildsWithJava17AndDeploysByBranch() throws Exception {
        JsonNode result = validate(WORKFLOW);
        assertThat(messages(result)).as("the schema's complaints about " + WORKFLOW).isEmpty();
        JsonNode workflow = result.path("workflow");

        JsonNode on = workflow.path("on");
        assertThat(on.has("push")).as("on push").isTrue();
        assertThat(on.path("schedule").get(0).path("cron").asText()).as("daily").matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(on.has("workflow_dispatch")).as("the CMS's build hook calls the dispatch endpoint").isTrue();
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");

        List<JsonNode> testSteps = steps(workflow, "test");
        assertThat(testSteps).anySatisfy(s -> assertThat(s.path("run").asText()).isEqualTo("bash .ci/run"));
        JsonNode deploy = workflow.path("jobs").path("deploy");
        assertThat(deploy.path("needs").asText()).isEqualTo("test");
        for (String job : List.of("test", "deploy")) {
            JsonNode java = steps(workflow, job).stream().filter(s -> s.path("uses").asText().startsWith("actions/setup-java@"))
                    .findFirst().orElseThrow(() -> new AssertionError(job + " sets up no JDK"));
            assertThat(java.path("with").path("java-version").asText()).as(job).isEqualTo("17");
            assertThat(java.path("with").path("cache").asText()).as(job + " caches Maven's repository").isEqualTo("maven");
        }

        List<JsonNode> deploySteps = steps(workflow, "deploy");
        JsonNode build = deploySteps.stream().filter(s -> "build".equals(s.path("id").asText())).findFirst().orElseThrow();
        assertThat(build.path("run").asText()).isEqualTo("bash scripts/netlify-build.sh \"$BUILD_MODE\"");
        assertThat(build.path("env").path("BUILD_MODE").asText()).contains("refs/heads/main").contains("'production'").contains("'preview'");
        JsonNode production = deploySteps.stream().filter(s -> s.path("run").asText().contains("--prod")).findFirst().orElseThrow();
        assertThat(production.path("if").asText()).isEqualTo("github.ref == 'refs/heads/main'");
        assertThat(production.path("run").asText()).contains("netlify deploy --dir target/site --prod --no-build");
        JsonNode preview = deploySteps.stream().filter(s -> s.path("run").asText().contains("--alias")).findFirst().orElseThrow();
        assertThat(preview.path("if").asText()).isEqualTo("github.ref != 'refs/heads/main'");
        assertThat(preview.path("run").asText()).contains("netlify deploy --dir target/site --no-build").doesNotContain("--prod");
        assertThat(deploySteps).anySatisfy(s -> assertThat(s.path("run").asText()).isEqualTo("npm ci --prefix deploy --no-audit --no-fund"));
        // Secrets reach the steps through the environment only, never a command line.
        for (JsonNode step : deploySteps) assertThat(step.path("run").asText()).doesNotContain("secrets.");
        assertThat(Files.readString(TestHandbook.REPO.resolve("deploy/package-lock.json"))).contains("\"node_modules/netlify-cli\"");
    }

    /** The check above can fail: a job without runs-on and a step with a misspelt key, in the schema's words. */
    @Test
    void aWorkflowTheSchemaRejectsIsReportedWithItsMessage() throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "name: Publish\non: push\njobs:\n  deploy:\n    runs-onn: ubuntu-24.04\n    steps:\n      - rum: echo\n");
        assertThat(messages(validate(broken))).anySatisfy(m -> assertThat(m).contains("runs-onn"));
    }

    private static List<JsonNode> steps(JsonNode workflow, String job) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").path(job).path("steps").forEach(steps::add);
        assertThat(steps).as("steps of " + job).isNotEmpty();
        return steps;
    }

    private static List<String> messages(JsonNode result) {
        List<String> messages = new ArrayList<>();
        result.path("errors").forEach(e -> messages.add(e.asText()));
        return messages;
    }

    private static JsonNode validate(Path workflow) throws Exception {
        if (!Files.isDirectory(TOOL.resolve("node_modules/@action-validator/core"))) {
            throw new AssertionError("src/test/workflow/node_modules is missing: run `cd src/test/workflow && npm ci` before the tests "
                    + "(.ci/run does this).");
        }
        Process p = new ProcessBuilder("node", "validate.mjs", workflow.toAbsolutePath().toString()).directory(TOOL.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("validate.mjs failed: " + err);
        return new ObjectMapper().readTree(out);
    }
}
