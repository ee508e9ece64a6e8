package dk.dis.handbook.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.dis.handbook.content.SitePaths;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        String logo,
        Colors colors,
        BasedOn basedOn,
        List<String> locales,
        List<String> pdfParts,
        String pdfFile,
        String pdfProducer,
        Export export) {

    /** The whole handbook's PDF without a {@code pdfFile}: the handbook's name as a file name. */
    public static String defaultPdfFile(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return (slug.isEmpty() ? "handbook" : slug) + ".pdf";
    }

    /**
     * The pages the open-data export ({@code handbook export}) reads the model's key questions and
     * offers from (each page's level-2 sections). Either may be left out: the export then lists none.
     */
    public record Export(String keyQuestions, String offers) {
        public static final Export NONE = new Export(null, null);
    }

    public record Contact(String name, String url) {}

    public record Licence(String name, String url) {}

    /** Attribution to the model a handbook is based on (shown in the footer). */
    public record BasedOn(String name, String url) {}

    /** Brand colours; every pair the site uses is checked for WCAG AA contrast. */
    public record Colors(String brand, String brandLight, String text, String link, String focus) {
        public static final Colors DEFAULT = new Colors("#003a70", "#e8eef5", "#1a1a1a", "#00528a", "#b35900");

        Colors withDefaults() {
            return new Colors(or(brand, DEFAULT.brand), or(brandLight, DEFAULT.brandLight), or(text, DEFAULT.text),
                    or(link, DEFAULT.link), or(focus, DEFAULT.focus));
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value.strip();
        }
    }

    /**
     * The publisher's settings as Asciidoc attributes, so content can name them instead of repeating them
     * (e.g. {@code link:{handbook-licence-url}[{handbook-licence-name}]} on the about page).
     */
    public Map<String, Object> contentAttributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("handbook-name", name);
        a.put("handbook-municipality", municipality);
        a.put("handbook-contact-name", contact == null ? "" : contact.name());
        a.put("handbook-contact-url", contact == null || contact.url() == null ? "" : contact.url());
        a.put("handbook-accessibility-url", accessibilityStatementUrl == null ? "" : accessibilityStatementUrl);
        a.put("handbook-licence-name", licence == null ? "" : licence.name());
        a.put("handbook-licence-url", licence == null ? "" : licence.url());
        return a;
    }

    /** Optional fields get their defaults; relative paths (logo) resolve against the config's folder. */
    private HandbookConfig complete(Path file) {
        String logoPath = logo == null || logo.isBlank() ? null
                : file.toAbsolutePath().getParent().resolve(logo).normalize().toString();
        return new HandbookConfig(name, municipality, tagline, baseUrl, language, contact, accessibilityStatementUrl,
                licence, logoPath, (colors == null ? Colors.DEFAULT : colors).withDefaults(), basedOn,
                locales == null || locales.isEmpty() ? List.of(language) : List.copyOf(locales),
                pdfParts == null ? null : List.copyOf(pdfParts),
                blank(pdfFile) ? (blank(name) ? null : defaultPdfFile(name)) : pdfFile.strip(),
                blank(pdfProducer) ? name : pdfProducer.strip(),
                export == null ? Export.NONE : new Export(normalizedPath(export.keyQuestions()), normalizedPath(export.offers())));
    }

    private static String normalizedPath(String path) {
        return blank(path) ? null : path.strip();
    }


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
        config = config.complete(file);
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
            throw new ConfigException(file + ": missing field(s) " + String.join(", ", missing) + ". See docs/genbrug.md (handbook.yml) for every field.");
        }
        if (logo != null && !Files.isRegularFile(Path.of(logo))) {
            throw new ConfigException(file + ": field logo names " + logo + ", which does not exist. Put the SVG next to the config file.");
        }
        if (!locales.get(0).equals(language)) {
            throw new ConfigException(file + ": field locales must start with the site's language '" + language + "'.");
        }
        checkColours(file);
        checkPdf(file);
        checkExport(file);
        URI base = URI.create(baseUrl);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new ConfigException(file + ": field baseUrl must be an absolute http(s) URL, was '" + baseUrl + "'.");
        }
        // It becomes the target of the /was redirect: one https address, nothing that could split a rule.
        if (!accessibilityStatementUrl.matches("https://[^\\s\"'<>]+")) {
            throw new ConfigException(file + ": field accessibilityStatementUrl must be one https:// address (your statement on "
                    + "was.digst.dk), was '" + accessibilityStatementUrl + "'.");
        }
    }

    private void checkPdf(Path file) throws ConfigException {
        // The whole handbook's PDF lies next to the parts' PDFs in /pdf/, named like them.
        if (!pdfFile.matches("[a-z0-9]+(-[a-z0-9]+)*\\.pdf")) {
            throw new ConfigException(file + ": field pdfFile is '" + pdfFile + "'; name the whole handbook's PDF with "
                    + "a-z, 0-9 and '-' and end it in .pdf, e.g. haandbogen.pdf.");
        }
        if (pdfParts != null && pdfParts.contains(pdfFile.substring(0, pdfFile.length() - ".pdf".length()))) {
            throw new ConfigException(file + ": field pdfFile is '" + pdfFile + "', the name of the PDF of the part '"
                    + pdfFile.substring(0, pdfFile.length() - 4) + "' in pdfParts. Choose another name for the whole handbook's PDF.");
        }
        if (pdfProducer.length() > 200 || pdfProducer.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(file + ": field pdfProducer must be one line of at most 200 characters (the name "
                    + "written into every PDF's metadata), was '" + pdfProducer.lines().findFirst().orElse("") + "'.");
        }
    }

    private void checkExport(Path file) throws ConfigException {
        String[][] fields = {{"export.keyQuestions", export.keyQuestions()}, {"export.offers", export.offers()}};
        for (String[] f : fields) {
            if (f[1] == null) continue;
            String problem = SitePaths.problem(f[1], false);
            if (problem != null) throw new ConfigException(file + ": field " + f[0] + " " + problem);
        }
    }

    /** The page of {@code export.keyQuestions}, as a site URL ending in '/'; null when not set. */
    public String keyQuestionsUrl() {
        return export == null || export.keyQuestions() == null ? null : SitePaths.normalize(export.keyQuestions());
    }

    /** The page of {@code export.offers}, as a site URL ending in '/'; null when not set. */
    public String offersUrl() {
        return export == null || export.offers() == null ? null : SitePaths.normalize(export.offers());
    }

    /**
     * Every foreground/background pair the stylesheet uses must meet WCAG 2.1 AA: 4.5:1 for text,
     * 3:1 for the focus outline (a non-text indicator).
     */
    private void checkColours(Path file) throws ConfigException {
        Colors c = colors;
        String[][] fields = {{"brand", c.brand()}, {"brandLight", c.brandLight()}, {"text", c.text()}, {"link", c.link()}, {"focus", c.focus()}};
        for (String[] f : fields) {
            if (!Contrast.isHexColour(f[1])) {
                throw new ConfigException(file + ": colors." + f[0] + " is '" + f[1] + "'; write colours as #rrggbb.");
            }
        }
        Object[][] pairs = {
                {"colors.text on white", c.text(), "#ffffff", 4.5},
                {"colors.link on white", c.link(), "#ffffff", 4.5},
                {"colors.brand (headings) on white", c.brand(), "#ffffff", 4.5},
                {"white on colors.brand (header)", "#ffffff", c.brand(), 4.5},
                {"colors.text on colors.brandLight", c.text(), c.brandLight(), 4.5},
                {"colors.link on colors.brandLight", c.link(), c.brandLight(), 4.5},
                {"colors.brand on colors.brandLight", c.brand(), c.brandLight(), 4.5},
                {"colors.focus on white (focus outline)", c.focus(), "#ffffff", 3.0}};
        for (Object[] pair : pairs) {
            double ratio = Contrast.ratio((String) pair[1], (String) pair[2]);
            if (ratio < (double) pair[3]) {
                throw new ConfigException(file + ": " + pair[0] + " (" + pair[1] + " / " + pair[2] + ") has contrast "
                        + Contrast.format(ratio) + ", below the " + Contrast.format((double) pair[3])
                        + " WCAG 2.1 AA requires. Choose a darker or lighter colour.");
            }
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
