package dk.dis.handbook.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one config file of a municipality (handbook.yml): everything site-wide that is not content. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record HandbookConfig(
        String name,
        String municipality,
        String tagline,
        String baseUrl,
        String language,
        Contact contact,
        String accessibilityStatementUrl,
        Licence licence,
        Colors colors,
        String logo,
        List<String> pdfParts) {

    public record Contact(String name, String url) {}

    public record Licence(String name, String url) {}

    /** The municipality's colours as #RRGGBB (optional; the PDF theme's own colours otherwise). */
    public record Colors(String primary, String accent) {}

    public static HandbookConfig load(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": config file not found. Run the command from the handbook's folder, or pass --config FILE.");
        }
        HandbookConfig config;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            config = yaml.readValue(file.toFile(), HandbookConfig.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (config == null) {
            throw new ConfigException(file + ": config file is empty.");
        }
        config.validate(file);
        return config;
    }

    private void validate(Path file) throws ConfigException {
        List<String> missing = new ArrayList<>();
        if (blank(name)) missing.add("name");
        if (blank(municipality)) missing.add("municipality");
        if (blank(baseUrl)) missing.add("baseUrl");
        if (blank(language)) missing.add("language");
        if (contact == null || blank(contact.name())) missing.add("contact.name");
        if (blank(accessibilityStatementUrl)) missing.add("accessibilityStatementUrl");
        if (licence == null || blank(licence.name()) || blank(licence.url())) missing.add("licence.name/licence.url");
        if (!missing.isEmpty()) {
            throw new ConfigException(file + ": missing field(s) " + String.join(", ", missing) + ". See README.md, section 'Configuration'.");
        }
        if (colors != null) {
            checkColor(file, "colors.primary", colors.primary());
            checkColor(file, "colors.accent", colors.accent());
        }
        if (logo != null && (logo.isBlank() || Path.of(logo).isAbsolute() || Path.of(logo).normalize().startsWith(".."))) {
            throw new ConfigException(file + ": field logo must be a file inside the handbook's folder, e.g. assets/img/logo.png, was '" + logo + "'.");
        }
        URI base = URI.create(baseUrl);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new ConfigException(file + ": field baseUrl must be an absolute http(s) URL, was '" + baseUrl + "'.");
        }
    }

    /** Base URL without a trailing slash, for absolute links in sitemap and feed. */
    public String baseUrlTrimmed() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static void checkColor(Path file, String field, String value) throws ConfigException {
        if (value != null && !value.matches("#[0-9A-Fa-f]{6}")) {
            throw new ConfigException(file + ": field " + field + " must be a colour like #003A70, was '" + value + "'.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
