package dk.dis.handbook.bake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.dis.handbook.config.HandbookConfig;
import dk.dis.handbook.site.Messages;
import dk.dis.handbook.site.Page;
import dk.dis.handbook.site.SiteMap;
import dk.dis.handbook.content.SiteFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The handbook for machines, from the HTML the convert stage made (nothing is converted again):
 * {@code /sider.json} (every page with its owner and review dates, for secretaries' tools),
 * {@code /llms.txt} (title, summary, one line per page with its URL) and a plain-text version of
 * each page beside it ({@code /trin-1/index.txt} for {@code /trin-1/}).
 */
final class MachineReadable {
    static final String PAGE_LIST = "sider.json";
    static final String LLMS = "llms.txt";
    static final String TEXT_FILE = "index.txt";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MachineReadable() {}

    /**
     * Writes the files and returns how many.
     *
     * @param previousText the previous build's text file of a page whose title, summary and body are unchanged, else null
     */
    static int write(SiteMap site, HandbookConfig config, LocalDate today, Path outDir, Function<Page, Path> previousText)
            throws IOException {
        List<Page> pages = readingOrder(site);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Page p : pages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", config.baseUrlTrimmed() + p.url());
            m.put("path", p.url());
            m.put("lang", p.locale());
            m.put("title", p.title());
            m.put("section", p.section());
            m.put("owner", p.owner());
            m.put("reviewed", p.reviewed().toString());
            m.put("nextReview", p.nextReview().toString());
            m.put("overdue", p.nextReview().isBefore(today));
            m.put("changeNote", p.changeNote() == null || p.changeNote().isBlank() ? null : p.changeNote());
            m.put("text", config.baseUrlTrimmed() + p.url() + TEXT_FILE);
            list.add(m);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", config.name());
        // The overdue flags are as of this date: the build's own.
        document.put("date", today.toString());
        document.put("pages", list);
        Files.write(outDir.resolve(PAGE_LIST), JSON.writeValueAsBytes(document));

        StringBuilder llms = new StringBuilder("# ").append(config.name()).append("\n\n");
        if (config.tagline() != null && !config.tagline().isBlank()) llms.append("> ").append(config.tagline()).append("\n\n");
        for (String locale : site.locales()) {
            List<Page> own = pages.stream().filter(p -> p.locale().equals(locale)).toList();
            if (own.isEmpty()) continue;
            Map<String, String> t = Messages.of(locale);
            llms.append("## ").append(t.get("llms.pages")).append("\n\n").append(t.get("llms.text")).append("\n\n");
            for (Page p : own) {
                llms.append("- [").append(oneLine(p.title())).append("](").append(config.baseUrlTrimmed()).append(p.url())
                        .append("): ").append(oneLine(p.summary())).append('\n');
            }
            llms.append('\n');
        }
        Files.writeString(outDir.resolve(LLMS), llms.toString().strip() + "\n", StandardCharsets.UTF_8);

        try {
            pages.parallelStream().forEach(p -> {
                Path file = outDir.resolve(p.url().substring(1) + TEXT_FILE);
                try {
                    Path kept = previousText.apply(p);
                    if (kept != null) {
                        SiteFiles.reuse(kept, file);
                        return;
                    }
                    String text = "# " + oneLine(p.title()) + "\n\n" + oneLine(p.summary()) + "\n\n" + PlainText.of(p.bodyHtml());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return pages.size() + 2;
    }

    /** Every page, language by language, section by section in navigation order. */
    private static List<Page> readingOrder(SiteMap site) {
        List<Page> pages = new ArrayList<>();
        for (String locale : site.locales()) {
            for (SiteMap.Section section : site.sections(locale)) pages.addAll(section.readingOrder());
        }
        // A page the navigation does not list (none should be) is still listed, last.
        java.util.Set<Page> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        listed.addAll(pages);
        for (Page p : site.pages()) if (!listed.contains(p)) pages.add(p);
        return pages;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
