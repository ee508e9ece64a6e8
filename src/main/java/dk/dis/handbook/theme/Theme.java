package dk.dis.handbook.theme;

import dk.dis.handbook.config.HandbookConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The municipality's look from handbook.yml: its colours as CSS custom properties (a file, since
 * the Content-Security-Policy allows no inline styles) and its logo, both under content-hashed names.
 */
final class Theme {
    private Theme() {}

    /** Adds the theme's files to the site's assets. */
    static void add(HandbookConfig config, Map<String, String> urls, List<AssetFingerprinter.PublishedFile> files) throws IOException {
        HandbookConfig.Colors c = config.colors();
        String css = ":root {\n"
                + "  --brand: " + c.brand() + ";\n"
                + "  --brand-light: " + c.brandLight() + ";\n"
                + "  --text: " + c.text() + ";\n"
                + "  --link: " + c.link() + ";\n"
                + "  --focus: " + c.focus() + ";\n"
                + "}\n";
        add("css/theme.css", "css/theme", ".css", css.getBytes(StandardCharsets.UTF_8), urls, files);
        if (config.logo() != null) {
            add("logo", "img/logo", ".svg", Files.readAllBytes(Path.of(config.logo())), urls, files);
        }
    }

    private static void add(String logical, String name, String ext, byte[] bytes, Map<String, String> urls,
                            List<AssetFingerprinter.PublishedFile> files) {
        String hashed = AssetFingerprinter.hashedName(name + ext, bytes);
        urls.put(logical, "/assets/" + hashed);
        files.add(new AssetFingerprinter.PublishedFile("assets/" + hashed, null, bytes));
    }
}
