package dk.dis.handbook.bake;

import dk.dis.handbook.theme.AssetFingerprinter.PublishedFile;
import dk.dis.handbook.site.Page;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JBake's configuration for one bake, and what our parts of JBake need from the build: the
 * converted pages by source file (for {@link ConvertedPages}), their template values, the pages
 * that are unchanged since the last build, and the files {@link SiteAssets} publishes. JBake hands
 * its configuration to every part it creates, so nothing of a bake is kept in a static field.
 */
final class BakeSettings extends DefaultJBakeConfiguration {

    private final Map<File, Page> pagesBySource = new HashMap<>();
    private final TemplateModels models;
    private final Set<String> unchanged;
    private final Set<String> late;
    private final List<PublishedFile> files;

    private BakeSettings(File root, CompositeConfiguration settings, TemplateModels models, Set<String> unchanged,
                         Set<String> late, List<PublishedFile> files) {
        super(root, settings);
        this.models = models;
        this.unchanged = unchanged;
        this.late = late;
        this.files = files;
    }

    static BakeSettings of(Path contentDir, Path templateDir, Path outDir, List<Page> pages, TemplateModels models,
                           Set<String> unchanged, Set<String> late, List<PublishedFile> files) {
        Map<String, Object> ours = new HashMap<>();
        ours.put("template.page.file", "page.ftlh");
        ours.put("template.post.file", "post.ftlh");
        ours.put("template.sitemap.file", "sitemap.ftlx");
        ours.put("template.feed.file", "feed.ftlx");
        ours.put("template.error404.file", "404.ftlh");
        ours.put("render.index", false);
        ours.put("render.archive", false);
        ours.put("render.tags", false);
        ours.put("render.tagsindex", false);
        ours.put("render.feed", true);
        ours.put("render.sitemap", true);
        ours.put("render.error404", true);
        ours.put("db.store", "memory");
        // JBake's own Asciidoctor never runs: the convert stage made the HTML.
        ours.put("asciidoctor.attributes.export", false);
        CompositeConfiguration settings = new CompositeConfiguration();
        settings.addConfiguration(new MapConfiguration(ours));
        settings.addConfiguration(jbakeDefaults());
        File root = outDir.toAbsolutePath().getParent().toFile();
        BakeSettings bake = new BakeSettings(root, settings, models, unchanged, late, files);
        bake.setContentFolder(contentDir.toAbsolutePath().normalize().toFile());
        bake.setTemplateFolder(templateDir.toAbsolutePath().toFile());
        bake.setDestinationFolder(outDir.toAbsolutePath().toFile());
        // Assets are published by SiteAssets from the build's list, never copied from a folder.
        bake.setAssetFolder(outDir.toAbsolutePath().toFile());
        bake.setDataFolder(new File(outDir.toAbsolutePath().toFile(), ".no-data-files"));
        bake.setClearCache(true);
        Path content = contentDir.toAbsolutePath().normalize();
        for (Page page : pages) bake.pagesBySource.put(content.resolve(page.source()).toFile(), page);
        return bake;
    }

    private static org.apache.commons.configuration2.Configuration jbakeDefaults() {
        URL defaults = DefaultJBakeConfiguration.class.getClassLoader().getResource("default.properties");
        if (defaults == null) throw new IllegalStateException("JBake's default.properties is not on the class path");
        try {
            return new Configurations().properties(defaults);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("JBake's default.properties cannot be read: " + e.getMessage(), e);
        }
    }

    /** The page converted from {@code file}, or null for a file this bake does not publish. */
    Page pageOf(File file) {
        return pagesBySource.get(file.getAbsoluteFile());
    }

    TemplateModels models() {
        return models;
    }

    /** Output paths of the pages whose last published file can be kept: not rendered again. */
    boolean isUnchanged(String outputPath) {
        return unchanged.contains(outputPath);
    }

    /** A page the index stage renders (see {@link LatePages}): not baked by JBake. */
    boolean isLate(String outputPath) {
        return late.contains(outputPath);
    }

    List<PublishedFile> files() {
        return files;
    }
}
