package dk.dis.handbook.pipeline;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.publish.HostingRules;
import dk.dis.handbook.serve.LocalServer;
import dk.dis.handbook.support.TestHandbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images from the CMS's Media Library (content/uploads/): published content-hashed, in the page and its PDF, or refused by name. */
class PageImagesTest {
    @TempDir
    Path dir;
    TestHandbook handbook;

    @BeforeEach
    void setUp() throws Exception {
        handbook = new TestHandbook(dir).minimalSite();
        Files.createDirectories(handbook.root.resolve("content/uploads"));
        Files.write(handbook.root.resolve("content/uploads/kort_1a2b3c.png"), png(120, 80));
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0, 58, 112));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void page(String body) throws Exception {
        handbook.write("trin-1/detaljer.adoc", header("Detaljer", "trin-1", "detaljer") + body + "\n");
    }

    @Test
    void anUploadIsPublishedUnderAContentHashedNameAndShownInThePageAndItsPdf() throws Exception {
        page("Kommunens skoler:\n\nimage::/uploads/kort_1a2b3c.png[Kort over kommunens skoler]\n");
        handbook.build(handbook.options().withPdf(true));

        Element img = Jsoup.parse(handbook.read("trin-1/detaljer/index.html")).selectFirst("main img");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isEqualTo("Kort over kommunens skoler");
        assertThat(img.attr("src")).matches("/assets/billeder/kort_1a2b3c\\.[0-9a-f]{10}\\.png");
        assertThat(Files.readAllBytes(handbook.out().resolve(img.attr("src").substring(1))))
                .isEqualTo(Files.readAllBytes(handbook.root.resolve("content/uploads/kort_1a2b3c.png")));
        try (LocalServer server = LocalServer.start(handbook.out(), 0)) {
            HttpResponse<Void> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + img.attr("src"))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Cache-Control")).contains(HostingRules.IMMUTABLE);
            assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        }

        try (PDDocument pdf = Loader.loadPDF(handbook.out().resolve("pdf/trin-1.pdf").toFile())) {
            int images = 0;
            for (PDPage p : pdf.getPages()) {
                for (COSName name : p.getResources().getXObjectNames()) {
                    if (p.getResources().getXObject(name) instanceof PDImageXObject x && x.getWidth() == 120) images++;
                }
            }
            assertThat(images).as("the upload is drawn in the step's PDF").isEqualTo(1);
        }
    }

    @Test
    void everyImageProblemNamesThePageLineAndImage() throws Exception {
        Files.writeString(handbook.root.resolve("content/uploads/tegning_9f8e7d.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        Files.writeString(handbook.root.resolve("content/uploads/falsk_123abc.png"), "<html>not an image</html>");
        Files.write(handbook.root.resolve("content/uploads/stor_456def.png"), new byte[6 * 1024 * 1024]);
        page("""
                image::/uploads/kort_1a2b3c.png[]

                image::/uploads/tegning_9f8e7d.svg[Tegning]

                image::/uploads/falsk_123abc.png[Falsk]

                image::/uploads/stor_456def.png[Stor]

                image::/uploads/findes-ikke_000000.png[Mangler]

                image::billeder/lokal.png[Lokal fil]""");
        assertThatThrownBy(handbook::build).isInstanceOf(ContentException.class)
                .hasMessageContaining("content/trin-1/detaljer.adoc: line 13: image '/uploads/kort_1a2b3c.png' has no alternative text.")
                .hasMessageContaining("line 15: image '/uploads/tegning_9f8e7d.svg' is an SVG")
                .hasMessageContaining("line 17: image '/uploads/falsk_123abc.png' is not a PNG, JPEG, GIF or WebP image (its contents say otherwise)")
                .hasMessageContaining("line 19: image '/uploads/stor_456def.png' is 6 MB; images may be at most 5 MB")
                .hasMessageContaining("line 21: image '/uploads/findes-ikke_000000.png' is not in content/uploads/")
                .hasMessageContaining("line 23: image 'billeder/lokal.png' is not an upload of the CMS");
    }
}
