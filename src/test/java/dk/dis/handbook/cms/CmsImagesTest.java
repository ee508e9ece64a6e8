package dk.dis.handbook.cms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dis.handbook.support.LocalStrapi;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Images through the real Strapi: cms-push puts content/uploads/ into the Media Library, sync brings them back, the build shows them. */
class CmsImagesTest {
    @TempDir
    static Path dir;
    static LocalStrapi strapi;
    static String build;
    static String seed;

    @BeforeAll
    static void startStrapi() throws Exception {
        strapi = LocalStrapi.start(dir);
        build = strapi.createToken("images-build", "build");
        seed = strapi.createToken("images-seed", "seed");
    }

    @AfterAll
    static void stopStrapi() throws Exception {
        if (strapi != null) strapi.close();
    }

    static StrapiClient client(String token) {
        return strapi.client(token);
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void imagesRoundTripThroughTheMediaLibraryAndReachThePage() throws Exception {
        TestHandbook site = new TestHandbook(dir.resolve("site")).minimalSite();
        Path content = site.root.resolve("content");
        Files.createDirectories(content.resolve("uploads"));
        Files.write(content.resolve("uploads/skoler_4f2a9c.png"), png());
        site.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "Skolerne:\n\nimage::/uploads/skoler_4f2a9c.png[Kort over skolerne]\n");

        CmsPush push = new CmsPush(client(seed), s -> {});
        assertThat(push.pushImages(content, List.of(content))).isEqualTo(1);
        assertThat(push.pushImages(content, List.of(content))).as("the second push uploads nothing").isZero();
        push.run(content, "da");
        assertThat(strapi.status("/uploads/skoler_4f2a9c.png")).as("in the Media Library under the same name").isEqualTo(200);

        Path synced = dir.resolve("synced/content");
        new CmsSync(client(build), s -> {}).run(synced, "da", false);
        assertThat(files(synced)).as("pages and images come back byte for byte").isEqualTo(files(content));

        TestHandbook rebuilt = new TestHandbook(dir.resolve("rebuilt"));
        Files.move(rebuilt.root.resolve("content"), dir.resolve("unused"));
        Files.move(synced, rebuilt.root.resolve("content"));
        rebuilt.build();
        assertThat(rebuilt.read("trin-1/detaljer/index.html")).containsPattern("<img src=\"/assets/billeder/skoler_4f2a9c\\.[0-9a-f]{10}\\.png\" alt=\"Kort over skolerne\"");
    }

    @Test
    void theFullAddressStrapiGivesBecomesThePathAndAMissingUploadNamesThePage() throws Exception {
        Files.createDirectories(dir.resolve("full"));
        client(seed).sendFile(CmsPush.UPLOAD_IMPORT, Map.of("name", "plan_77aa00.png"), "plan_77aa00.png", png(), "image/png");
        TestHandbook site = new TestHandbook(dir.resolve("full")).minimalSite();
        site.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer")
                + "image::" + strapi.url + "/uploads/plan_77aa00.png[Planen]\n");
        new CmsPush(client(seed), s -> {}).run(site.root.resolve("content"), "da");
        Path synced = dir.resolve("full-synced/content");
        new CmsSync(client(build), s -> {}).run(synced, "da", false);
        assertThat(Files.readString(synced.resolve("trin-1/detaljer.adoc"))).contains("image::/uploads/plan_77aa00.png[Planen]");
        assertThat(synced.resolve("uploads/plan_77aa00.png")).exists();

        site.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + "image::/uploads/borte_000000.png[Væk]\n");
        new CmsPush(client(seed), s -> {}).run(site.root.resolve("content"), "da");
        assertThat(catchThrowable(() -> new CmsSync(client(build), s -> {}).run(dir.resolve("gone/content"), "da", false)))
                .isInstanceOf(CmsException.class)
                .hasMessageContaining("image '/uploads/borte_000000.png' (used on trin-1/detaljer.adoc (da)) is not in the CMS's Media Library");
        assertThat(dir.resolve("gone/content")).doesNotExist();
    }

    @Test
    void theImportTakesOnlyRasterImagesWithSafeNamesAndOnlyFromTheSeedToken() throws Exception {
        byte[] png = png();
        for (String name : List.of("../../config/x.png", "tegning.svg", "med mellemrum.png", "<script>.png", "a/b.png", ".skjult.png")) {
            assertThat(catchThrowable(() -> client(seed).sendFile(CmsPush.UPLOAD_IMPORT, Map.of("name", name), "x.png", png, "image/png")))
                    .as(name).isInstanceOf(CmsException.class).hasMessageContaining("HTTP 400");
        }
        assertThat(catchThrowable(() -> client(seed).sendFile(CmsPush.UPLOAD_IMPORT, Map.of("name", "falsk_111111.png"), "falsk.png",
                "<svg onload=alert(1)>".getBytes(), "image/png")))
                .isInstanceOf(CmsException.class).hasMessageContaining("is not a PNG, JPEG, GIF or WebP image");
        assertThat(catchThrowable(() -> client(build).sendFile(CmsPush.UPLOAD_IMPORT, Map.of("name", "ok_222222.png"), "ok.png", png, "image/png")))
                .isInstanceOf(CmsException.class).hasMessageContaining("HTTP 403");
        assertThat(strapi.status("/uploads/ok_222222.png")).isEqualTo(404);
    }

    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(dk.dis.handbook.content.CmsOrigins.FILE_NAME)).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                // Pages in the shape a sync writes (the test's header helper orders fields its own way).
                String page = f.toString().endsWith(".adoc")
                        ? PageDocument.parse(root.relativize(f), new String(bytes, java.nio.charset.StandardCharsets.UTF_8), new java.util.ArrayList<>()).toAsciidoc()
                        : java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                files.put(root.relativize(f).toString().replace('\\', '/'), page);
            }
        }
        return files;
    }
}
