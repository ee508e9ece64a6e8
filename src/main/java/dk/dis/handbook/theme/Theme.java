package dk.dis.handbook.theme;

import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.theme.AssetFingerprinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The municipality's look from handbook.yml: its colours as CSS custom properties (a file, since
 * the Content-Security-Policy allows no inline styles) and its logo, both under content-hashed names.
 */
public final class Theme {
    private Theme() {}

    /** Writes the theme files into the staged site and adds their URLs to {@code assets}. */
    public static void write(HandbookConfig config, Path siteDir, Map<String, String> assets) throws IOException {
        HandbookConfig.Colors c = config.colors();
        String css = ":root {\n"
                + "  --brand: " + c.brand() + ";\n"
                + "  --brand-light: " + c.brandLight() + ";\n"
                + "  --text: " + c.text() + ";\n"
                + "  --link: " + c.link() + ";\n"
                + "  --focus: " + c.focus() + ";\n"
                + "}\n";
        assets.put("css/theme.css", store(siteDir, "css/theme", ".css", css.getBytes(StandardCharsets.UTF_8)));
        if (config.logo() != null) {
            assets.put("logo", store(siteDir, "img/logo", ".svg", Files.readAllBytes(Path.of(config.logo()))));
        }
    }

    private static String store(Path siteDir, String name, String ext, byte[] bytes) throws IOException {
        String hashed = AssetFingerprinter.hashedName(name + ext, bytes);
        Path target = siteDir.resolve("assets").resolve(hashed);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return "/assets/" + hashed;
    }
}
