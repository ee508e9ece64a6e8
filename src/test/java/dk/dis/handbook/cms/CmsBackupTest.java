package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.content.Trees;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code npm run backup} of a CMS with pages, drafts, both languages and an uploaded image, {@code npm run restore}
 * into an empty CMS, and a sync of both, published and preview: no difference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmsBackupTest {
    static final String KEY = "backup-key-for-the-tests-0123456789abcdef";
    static final String IMAGE = "sammen_5c1d2e.png";

    @TempDir
    static Path dir;
    static LocalStrapi.Database database;
    /** This run's folder: a subclass shares the static fields. */
    static Path root;
    static LocalStrapi original;
    static LocalStrapi restored;

    /** SQLite here; {@link CmsBackupPostgresTest} runs the same test on PostgreSQL. */
    LocalStrapi.Database database() {
        return LocalStrapi.Database.SQLITE;
    }

    @BeforeAll
    void chooseDatabase() {
        database = database();
    }

    @AfterAll
    static void stopStrapi() throws Exception {
        if (original != null) original.close();
        if (restored != null) restored.close();
    }

    @Test
    void aBackupRestoresIntoAnEmptyCmsWithNothingLost() throws Exception {
        root = Files.createDirectories(dir.resolve(database.name().toLowerCase(Locale.ROOT)));
        original = LocalStrapi.start(root.resolve("original"), Map.of(), database);
        StrapiClient seed = original.client(original.createToken("backup-seed", "seed"));

        // The repository's pages in both languages, one of them with an image from the Media Library.
        Path content = root.resolve("source/content");
        Trees.copy(TestHandbook.REPO.resolve("content"), content);
        Files.createDirectories(content.resolve("uploads"));
        Files.write(content.resolve("uploads/" + IMAGE), png());
        Path page = content.resolve("trin-2/index.adoc");
        Files.writeString(page, Files.readString(page) + "\nimage::/uploads/" + IMAGE + "[Borgere og politikere arbejder sammen]\n");
        CmsPush push = new CmsPush(seed, s -> {});
        assertThat(push.pushImages(content, List.of(content, content.resolve("en")))).isEqualTo(1);
        push.run(content, "da");
        push.run(content.resolve("en"), "en");
        // A saved, unpublished draft in each language.
        saveDraft(seed, "trin-1", "da", "Politiske principper (kladde)");
        saveDraft(seed, "forside", "en", "The DIS model (draft)");

        Map<String, String> published = sync(original, "published", false);
        Map<String, String> preview = sync(original, "preview", true);
        assertThat(published).containsKey("uploads/" + IMAGE).containsKey("en/index.adoc");
        assertThat(published.get("trin-1/index.adoc")).doesNotContain("(kladde)");
        assertThat(preview.get("trin-1/index.adoc")).contains("(kladde)");
        assertThat(preview.get("en/index.adoc")).contains("(draft)");

        // Without the key there is no backup, and the message says what to set.
        LocalStrapi.ScriptResult noKey = original.runScript(transferEnv(""), "backup", root.resolve("none/x").toString());
        assertThat(noKey.exitCode()).as(noKey.output()).isNotZero();
        assertThat(noKey.output()).contains("BACKUP_ENCRYPTION_KEY is not set");

        Path name = root.resolve("backups/handbook-cms");
        LocalStrapi.ScriptResult backup = original.runScript(transferEnv(KEY), "backup", name.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).doesNotContain(KEY);
        Path file = root.resolve("backups/handbook-cms.tar.gz.enc");
        assertThat(file).isRegularFile();
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
        assertThat(head).as("encrypted, not a readable gzip").isNotEqualTo(new byte[] {0x1f, (byte) 0x8b});

        // An empty CMS of its own (database, Media Library, secrets), stopped for the restore as its operator would.
        restored = LocalStrapi.start(root.resolve("restored"), Map.of(), database);
        restored.stop();
        LocalStrapi.ScriptResult wrongKey = restored.runScript(transferEnv(KEY.replace('0', '1')), "restore", file.toString());
        assertThat(wrongKey.exitCode()).as("a wrong key restores nothing: " + wrongKey.output()).isNotZero();
        LocalStrapi.ScriptResult restore = restored.runScript(transferEnv(KEY), "restore", file.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        restored.restart();
        try (Stream<Path> logs = Files.list(root.resolve("logs"))) {
            List<Path> files = logs.toList();
            assertThat(files).as("Strapi's diagnostic logs, moved out of cms/").hasSizeGreaterThanOrEqualTo(3);
            for (Path log : files) assertThat(Files.readString(log)).doesNotContain(KEY);
        }

        // API tokens are not in a backup (Strapi's rule): the restored CMS gets its own.
        assertThat(sync(restored, "restored-published", false)).as("published pages, both languages, the image").isEqualTo(published);
        assertThat(sync(restored, "restored-preview", true)).as("drafts, both languages").isEqualTo(preview);
    }

    /** The backup key, and Strapi's diagnostic logs in this test's folder. */
    private static Map<String, String> transferEnv(String key) {
        return Map.of("BACKUP_ENCRYPTION_KEY", key, "BACKUP_LOG_DIR", root.resolve("logs").toString());
    }

    private static void saveDraft(StrapiClient seed, String slug, String locale, String title) throws Exception {
        String documentId = seed.get(PageEntries.PATH, Map.of("filters[slug][$eq]", slug, "locale", locale))
                .path("data").get(0).path("documentId").asText();
        ObjectNode edit = FakeStrapi.JSON.createObjectNode();
        edit.putObject("data").put("title", title);
        seed.send("PUT", PageEntries.PATH + "/" + documentId, Map.of("locale", locale, "status", "draft"), edit);
    }

    /** Syncs both languages (with drafts when {@code preview}) into a folder of its own; every file there, images by hash. */
    private static Map<String, String> sync(LocalStrapi strapi, String folder, boolean preview) throws Exception {
        Path content = Files.createDirectories(root.resolve("synced").resolve(folder)).resolve("content");
        StrapiClient build = strapi.client(strapi.createToken("backup-build-" + folder, "build"));
        new CmsSync(build, s -> {}).run(CmsSync.targets(content, List.of("da", "en")), preview, false);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String key = content.relativize(f).toString().replace('\\', '/');
                files.put(key, key.endsWith(".png") ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                        : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x2a6f97);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
