package dk.dis.handbook.reuse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.dis.handbook.bake.IdeaCatalogue;
import dk.dis.handbook.bake.PracticeLinks;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.bake.Worksheet;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.site.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole model as open data: dis-model.json (every page, and the principles, key questions with
 * example answers, offers and idea cards as structured records), its JSON Schema, and a zip of the
 * Asciidoc sources, so another municipality can reuse the model without this software.
 * The principles are the sections with the role 'princip' ({@link PracticeLinks#principlesPage});
 * the key questions and offers are read from the pages handbook.yml's {@code export} names.
 */
public final class ModelExport {
    private ModelExport() {}

    public record Result(Path json, Path schema, Path zip, int pages) {}

    public static Result write(SiteMap site, HandbookConfig config, Path contentDir, Path outDir) throws IOException, ContentException {
        Files.createDirectories(outDir);
        Map<String, Object> model = model(site, config);
        Path json = outDir.resolve("dis-model.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), model);
        Path schema = outDir.resolve("dis-model.schema.json");
        try (InputStream in = ModelExport.class.getResourceAsStream("/export/dis-model.schema.json")) {
            Files.copy(in, schema, StandardCopyOption.REPLACE_EXISTING);
        }
        Path zip = outDir.resolve("dis-model-asciidoc.zip");
        zipContent(contentDir, zip);
        return new Result(json, schema, zip, site.pages().size());
    }

    static Map<String, Object> model(SiteMap site, HandbookConfig config) throws ContentException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("municipality", config.municipality());
        m.put("baseUrl", config.baseUrlTrimmed() + "/");
        m.put("licence", Map.of("name", config.licence().name(), "url", config.licence().url()));
        m.put("basedOn", config.basedOn() == null ? null : Map.of("name", config.basedOn().name(), "url", String.valueOf(config.basedOn().url())));
        m.put("pages", site.pages().stream().map(ModelExport::page).toList());

        List<Map<String, Object>> principles = new ArrayList<>();
        // The principles are the sections of the principles page with the role 'princip'.
        PracticeLinks.principlesPage(site).ifPresent(p -> sections(p).stream().filter(s -> (boolean) s.get("principle"))
                .forEach(s -> principles.add(Map.of("id", s.get("id"), "title", s.get("title"), "summary", s.get("lead"), "url", s.get("url")))));
        m.put("principles", principles);

        List<Map<String, Object>> questions = new ArrayList<>();
        exported(site, "export.keyQuestions", config.keyQuestionsUrl()).ifPresent(source -> Worksheet.questionsOf(source)
                .forEach(q -> questions.add(Map.of("number", q.number(), "id", q.id(), "question", q.text(), "exampleAnswers", q.examples()))));
        m.put("keyQuestions", questions);

        List<Map<String, Object>> offers = new ArrayList<>();
        exported(site, "export.offers", config.offersUrl()).ifPresent(p -> sections(p).forEach(s ->
                offers.add(Map.of("id", s.get("id"), "title", s.get("title"), "text", s.get("text"), "url", s.get("url")))));
        m.put("offers", offers);

        Map<String, String> principleTitles = new LinkedHashMap<>();
        principles.forEach(p -> principleTitles.put((String) p.get("id"), (String) p.get("title")));
        m.put("cards", IdeaCatalogue.cards(site, principleTitles).stream().map(c -> {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("id", c.id());
            card.put("title", c.title());
            card.put("url", c.url());
            card.put("group", c.sourceTitle());
            card.put("fields", c.fields());
            card.put("phases", c.phases());
            card.put("principles", c.principles());
            return card;
        }).toList());
        return m;
    }

    /** The page a field of handbook.yml's {@code export} names; empty when the field is not set. */
    private static java.util.Optional<Page> exported(SiteMap site, String field, String url) throws ContentException {
        if (url == null) return java.util.Optional.empty();
        java.util.Optional<Page> page = site.page(url);
        if (page.isEmpty()) {
            throw new ContentException(new ContentProblem("handbook.yml", field, "names " + url + ", which is not a published page.",
                    "Use the URL of a page of the handbook, or remove the field."));
        }
        return page;
    }

    private static Map<String, Object> page(Page p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", p.url());
        m.put("locale", p.locale());
        m.put("section", p.section());
        m.put("slug", p.slug());
        m.put("type", p.type());
        m.put("title", p.title());
        m.put("summary", p.summary());
        m.put("order", p.order());
        m.put("owner", p.owner());
        m.put("date", p.date().toString());
        m.put("reviewed", p.reviewed().toString());
        m.put("nextReview", p.nextReview().toString());
        m.put("changeNote", p.changeNote());
        m.put("tags", p.tags());
        m.put("headings", p.headings().stream().map(h -> Map.of("id", h.id(), "title", h.title())).toList());
        m.put("text", Jsoup.parseBodyFragment(p.bodyHtml()).text());
        return m;
    }

    /** The level-2 sections of a page: id, title, first paragraph and all text. */
    private static List<Map<String, Object>> sections(Page page) {
        List<Map<String, Object>> list = new ArrayList<>();
        Document doc = Jsoup.parseBodyFragment(page.bodyHtml());
        for (Element sect : doc.select("div.sect1")) {
            Element h2 = sect.selectFirst("h2[id]");
            if (h2 == null) continue;
            Element body = sect.selectFirst(".sectionbody");
            Element lead = body == null ? null : body.selectFirst(".paragraph, .dlist, .ulist");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", h2.id());
            s.put("title", h2.text());
            s.put("lead", lead == null ? "" : lead.text());
            s.put("text", body == null ? "" : body.text());
            s.put("url", page.url() + "#" + h2.id());
            s.put("principle", sect.hasClass("princip"));
            list.add(s);
        }
        return list;
    }

    private static void zipContent(Path contentDir, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(contentDir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry("content/" + contentDir.relativize(p).toString().replace('\\', '/'));
                entry.setTime(0); // the same content gives the same zip
                out.putNextEntry(entry);
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
