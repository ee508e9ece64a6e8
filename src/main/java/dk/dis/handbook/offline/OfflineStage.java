package dk.dis.handbook.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentHash;
import dk.dis.handbook.content.FileDigests;
import dk.dis.handbook.content.ContentProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stage "offline": a service worker per language ({@code /sw.js} for the site's language,
 * {@code /en/sw.js} for English…, with its list of files in {@code /offline/}) that keeps that language's pages, the assets (styles, scripts,
 * images) and the language's search files, so a reader who has opened the handbook once can read
 * and search it without a network. Its list and version come from the files of this build (the
 * version is a hash of their contents), so a deployed build whose files changed installs itself
 * in the browser and replaces the old copy, and one whose files did not leaves it alone. PDFs,
 * feeds and the machine-readable files are left out. A preview build gets a worker that removes
 * every copy instead: a preview is never kept.
 */
public final class OfflineStage {

    public static final String WORKER_FILE = "sw.js";
    static final String TEMPLATE = "service-worker.js";
    static final String PREVIEW_TEMPLATE = "service-worker-preview.js";
    /** Where each worker's list of files lies, content-hashed: /offline/da.HASH.json. */
    public static final String LIST_FOLDER = "offline";

    /**
     * @param files   the number of files each language's worker keeps, by language
     * @param digests the digests of the files this build read, for the next build
     */
    public record Result(Map<String, Integer> files, FileDigests digests) {
        public String summary() {
            if (files.isEmpty()) return "preview: a worker that keeps nothing";
            StringBuilder s = new StringBuilder();
            files.forEach((lang, n) -> s.append(s.length() == 0 ? "" : ", ").append(lang).append(' ').append(n));
            return "service workers keep " + s + " files";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path templateDir;
    private FileDigests digests = FileDigests.none();

    public OfflineStage(Path templateDir) {
        this.templateDir = templateDir;
    }

    /** Reads again only the files whose digest {@code known} does not hold as they are; the result carries this build's. */
    public OfflineStage withDigests(FileDigests known) {
        this.digests = known;
        return this;
    }

    /** The URL of the worker of {@code locale}'s pages. */
    public static String workerUrl(String locale, String defaultLocale) {
        return locale.equals(defaultLocale) ? "/" + WORKER_FILE : "/" + locale + "/" + WORKER_FILE;
    }

    public Result run(Path siteDir, List<String> locales, boolean preview) throws IOException, ContentException {
        Map<String, Integer> counts = new TreeMap<>();
        if (preview) {
            String worker = Files.readString(templateDir.resolve(PREVIEW_TEMPLATE), StandardCharsets.UTF_8);
            for (String locale : locales) write(siteDir, locales, locale, worker);
            return new Result(counts, digests);
        }
        String template = Files.readString(templateDir.resolve(TEMPLATE), StandardCharsets.UTF_8);
        if (Files.exists(siteDir.resolve(LIST_FOLDER))) {
            throw new ContentException(new ContentProblem("content/" + LIST_FOLDER + "/", null, "is published at /" + LIST_FOLDER
                    + "/, where the build puts the lists of files kept for reading offline.", "Rename the section."));
        }
        List<String> all;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            all = walk.filter(Files::isRegularFile).map(p -> siteDir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        Map<String, String> digestOf = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            all.parallelStream().filter(rel -> locales.stream().anyMatch(l -> keeps(rel, l, locales))).forEach(rel -> {
                try {
                    digestOf.put(rel, digests.of(siteDir, rel));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        for (String locale : locales) {
            List<String> urls = new ArrayList<>();
            ContentHash.Parts version = ContentHash.parts().add("worker", template);
            for (String rel : all) {
                if (!keeps(rel, locale, locales)) continue;
                String url = "/" + (rel.endsWith("index.html") ? rel.substring(0, rel.length() - "index.html".length()) : rel);
                urls.add(url);
                version.add(url, digestOf.get(rel));
            }
            boolean hasPages = urls.stream().anyMatch(u -> u.endsWith("/"));
            if (!hasPages) continue;
            byte[] list = JSON.writeValueAsBytes(urls);
            String hash = version.hex().substring(0, 16);
            String listUrl = "/" + LIST_FOLDER + "/" + locale + "." + hash + ".json";
            Files.createDirectories(siteDir.resolve(LIST_FOLDER));
            Files.write(siteDir.resolve(listUrl.substring(1)), list);
            String worker = template.replace("\"__LANG__\"", JSON.writeValueAsString(locale))
                    .replace("\"__VERSION__\"", JSON.writeValueAsString(hash))
                    .replace("\"__LIST__\"", JSON.writeValueAsString(listUrl));
            write(siteDir, locales, locale, worker);
            counts.put(locale, urls.size());
        }
        return new Result(counts, digests);
    }

    private static void write(Path siteDir, List<String> locales, String locale, String worker) throws IOException {
        Path file = siteDir.resolve(workerUrl(locale, locales.get(0)).substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, worker, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code locale}'s worker keeps the file: the shared assets, and the language's own
     * pages and search files (not another language's folder); never PDFs, feeds, text versions,
     * the page lists or the hosting rules, which readers do not need to read offline.
     */
    static boolean keeps(String rel, String locale, List<String> locales) {
        if (rel.startsWith("assets/")) return true;
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (rel.startsWith("pdf/") || name.endsWith(".pdf") || name.endsWith(".xml") || name.equals(WORKER_FILE)
                || name.equals("index.txt") || name.equals("404.html")) return false;
        String first = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        // At the top only the front page: the rest there is for hosts and machines (_headers, sider.json, llms.txt).
        if (first.isEmpty()) return name.equals("index.html");
        boolean otherLanguage = locales.subList(1, locales.size()).contains(first);
        return locale.equals(locales.get(0)) ? !otherLanguage : first.equals(locale);
    }

}
