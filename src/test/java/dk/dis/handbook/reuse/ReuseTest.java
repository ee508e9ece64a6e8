package dk.dis.handbook.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.pipeline.BuildOptions;
import dk.dis.handbook.pipeline.Pipeline;
import dk.dis.handbook.config.ConfigException;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.support.TestHandbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another municipality reuses the handbook with config and content only. */
class ReuseTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesAHandbookThatBuildsWithTheNewNameAndColours() throws Exception {
        Path fork = dir.resolve("testrup");
        NewHandbook.create(TestHandbook.REPO, fork, "Testrup Kommune", "#5a1e5a", "DIS-modellen, Gentofte Kommune",
                "https://dis-haandbog.example.dk/");
        assertThat(fork.resolve("pom.xml")).exists();
        assertThat(fork.resolve("content/trin-1/index.adoc")).exists();
        assertThat(fork.resolve(".ci/run")).exists();
        assertThat(fork.resolve("target")).doesNotExist();

        Path site = dir.resolve("site");
        new TestHandbook(dir.resolve("scratch")).build(BuildOptions.defaults(fork).withPdf(false).withOutDir(site));
        Document front = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(front.select(".site-header").text()).contains("Testrup Kommune");
        String themeUrl = front.select("link[rel=stylesheet][href*=theme]").attr("href");
        assertThat(Files.readString(site.resolve(themeUrl.substring(1)))).contains("--brand: #5a1e5a;");
        // The site's chrome names the new municipality; Gentofte appears only as the attribution.
        for (String chrome : List.of("title", ".site-header", "nav#hovedmenu", ".page-meta")) {
            assertThat(front.select(chrome).text()).as(chrome).doesNotContain("Gentofte");
        }
        front.select(".site-footer a[href=https://dis-haandbog.example.dk/]").remove();
        assertThat(front.select(".site-footer").text()).doesNotContain("Gentofte").contains("Testrup Kommune");
    }

    @Test
    void initCopiesFoldersNamedLikeOutputExceptWhereTheToolsWriteOutput() throws Exception {
        Path project = dir.resolve("project");
        for (String file : List.of("pom.xml", "handbook.yml", "content/index.adoc", "content/.cms-entries.json",
                "content/en/.cms-entries.json", "content/uploads/logo.png", "assets/img/logo.svg",
                "src/main/java/dk/x/build/Step.java", "src/main/java/dk/x/dist/Part.java", "src/main/java/dk/x/target/Goal.java",
                "templates/node_modules/partial.ftl", "cms/src/build/hook.js", "cms/public/uploads/.gitkeep",
                "target/handbook.jar", "cms/node_modules/x/index.js", "cms/.tmp/data.db", "cms/build/index.html",
                "cms/dist/server.js", "cms/.strapi/client/app.js", "cms/.env", "cms/public/uploads/photo.png",
                "src/test/netlify/node_modules/p/index.js", "bench/scale/node_modules/p/index.js")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), "");
        }
        Files.copy(TestHandbook.REPO.resolve("handbook.yml"), project.resolve("handbook.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path fork = dir.resolve("fork");
        NewHandbook.create(project, fork, "Testrup Kommune", "#5a1e5a", "DIS", "https://x.example/");

        assertThat(fork.resolve("src/main/java/dk/x/build/Step.java")).exists();
        assertThat(fork.resolve("src/main/java/dk/x/dist/Part.java")).exists();
        assertThat(fork.resolve("src/main/java/dk/x/target/Goal.java")).exists();
        assertThat(fork.resolve("templates/node_modules/partial.ftl")).exists();
        assertThat(fork.resolve("cms/src/build/hook.js")).exists();
        assertThat(fork.resolve("cms/public/uploads/.gitkeep")).exists();
        assertThat(fork.resolve("content/uploads/logo.png")).exists();
        for (String left : List.of("target", "cms/node_modules", "cms/.tmp", "cms/build", "cms/dist", "cms/.strapi", "cms/.env",
                "cms/public/uploads/photo.png", "src/test/netlify/node_modules", "bench/scale/node_modules",
                "content/.cms-entries.json", "content/en/.cms-entries.json")) {
            assertThat(fork.resolve(left)).as(left).doesNotExist();
        }
    }

    /**
     * The done-when of init: the new folder builds from its own source with Maven, offline from the
     * local repository this build uses, and its handbook.jar builds the new municipality's site.
     */
    @Test
    void initMakesAProjectThatMavenBuildsFromSourceAndWhoseJarBuildsTheSite() throws Exception {
        Path mvn = onPath("mvn");
        org.junit.jupiter.api.Assumptions.assumeTrue(mvn != null, "Maven (mvn) is not on PATH, so the new project cannot be built here");
        Path fork = dir.resolve("testrup");
        NewHandbook.create(TestHandbook.REPO, fork, "Testrup Kommune", "#5a1e5a", "DIS-modellen, Gentofte Kommune",
                "https://dis-haandbog.example.dk/");
        assertThat(fork.resolve("src/main/java/dk/dis/handbook/pipeline/Pipeline.java")).exists();

        List<String> maven = new java.util.ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-q", "package", "-DskipTests"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) maven.add("-Dmaven.repo.local=" + repository);
        run(fork, maven, 15);
        assertThat(fork.resolve("target/handbook.jar")).exists();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String log = run(fork, List.of(java, "-jar", "target/handbook.jar", "build"), 10);
        assertThat(log).contains("Built ");
        Path front = fork.resolve("target/site/index.html");
        assertThat(front).exists();
        Document page = Jsoup.parse(front.toFile(), "UTF-8");
        assertThat(page.select(".site-header").text()).contains("Testrup Kommune").doesNotContain("Gentofte");
        assertThat(fork.resolve("target/site/trin-1/index.html")).exists();
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (folder.isEmpty()) continue;
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** Runs {@code command} in {@code folder}; its output when it exits with 0 in time, else a failure showing it. */
    private String run(Path folder, List<String> command, int minutes) throws Exception {
        Path output = Files.createTempFile(dir, "process", ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean exited = process.waitFor(minutes, java.util.concurrent.TimeUnit.MINUTES);
        if (!exited) process.destroyForcibly().waitFor();
        String log = Files.readString(output);
        assertThat(exited).as(String.join(" ", command) + " did not finish in " + minutes + " minutes:\n" + log).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + log).isZero();
        return log;
    }

    @Test
    void initRefusesABrandColourWithoutEnoughContrastAndWritesNothing() {
        Path fork = dir.resolve("lys");
        assertThatThrownBy(() -> NewHandbook.create(TestHandbook.REPO, fork, "Lys Kommune", "#9fc5e8", "DIS", "https://x.example/"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("colors.brand (headings) on white (#9fc5e8 / #ffffff) has contrast 1.81:1")
                .hasMessageContaining("below the 4.50:1");
        assertThat(fork).doesNotExist();
    }

    @Test
    void theBuildNamesTheColourPairThatFailsContrast() throws Exception {
        Path config = dir.resolve("handbook.yml");
        Files.writeString(config, Files.readString(TestHandbook.REPO.resolve("handbook.yml"))
                .replace("link: \"#00528a\"", "link: \"#7fa7c9\"").replace("logo: assets/img/logo.svg\n", ""));
        assertThatThrownBy(() -> HandbookConfig.load(config))
                .hasMessageContaining("colors.link on white (#7fa7c9 / #ffffff) has contrast 2.");
    }

    @Test
    void exportValidatesAgainstItsSchemaAndHoldsTheStructuredModel() throws Exception {
        HandbookConfig config = HandbookConfig.load(TestHandbook.REPO.resolve("handbook.yml"));
        SiteMap site = Pipeline.publishedSite(TestHandbook.engine(), config, TestHandbook.REPO.resolve("content"));
        ModelExport.Result result = ModelExport.write(site, config, TestHandbook.REPO.resolve("content"), dir.resolve("export"));

        ObjectMapper json = new ObjectMapper();
        JsonNode data = json.readTree(result.json().toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(result.schema().toFile()));
        Set<ValidationMessage> errors = schema.validate(data);
        assertThat(errors).isEmpty();

        assertThat(data.get("principles").findValuesAsText("title"))
                .containsExactly("Sæt retning", "Få input på tværs", "Test", "Opfølgning", "Samskabelse");
        assertThat(data.get("keyQuestions")).hasSize(4);
        assertThat(data.get("keyQuestions").get(0).get("exampleAnswers").toString()).contains("Mere effektiv opgaveløsning for borgere og G.K");
        assertThat(data.get("offers").findValuesAsText("title")).contains("Labs", "Uformelt møde").hasSize(4);
        assertThat(data.get("cards").size()).isGreaterThanOrEqualTo(25);
        assertThat(data.get("pages").size()).isEqualTo(site.pages().size());
        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            assertThat(zip.getEntry("content/trin-1/index.adoc")).isNotNull();
        }

        // The schema is strict enough to catch a broken record.
        ((com.fasterxml.jackson.databind.node.ObjectNode) data.get("keyQuestions").get(0)).put("question", "Ikke et spørgsmål");
        assertThat(schema.validate(data)).isNotEmpty();
    }
}
