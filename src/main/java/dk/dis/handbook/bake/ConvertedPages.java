package dk.dis.handbook.bake;

import dk.dis.handbook.site.Page;
import org.apache.commons.configuration2.Configuration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.ParserEngine;

import java.io.File;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

/**
 * JBake's markup engine for the handbook's content files. The convert stage has already turned
 * each file into a page (in parallel, Asciidoctor in SECURE mode, sanitized, cached), so this
 * engine reads nothing and converts nothing: it hands JBake that page's header, HTML and
 * template values. Files the convert stage left out (drafts in production, files that are not
 * pages) become documents {@link BakeStore} does not keep.
 */
public final class ConvertedPages implements ParserEngine {

    /** The document field holding the page's template values. */
    static final String VALUES = "handbook";
    /** The document field holding the page's output path, e.g. trin-1/index.html. */
    static final String OUTPUT = "handbook_output";
    /** Marks a document that is not to be baked. */
    static final String LEFT_OUT = "handbook_left_out";

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        BakeSettings bake = (BakeSettings) config;
        Page page = bake.pageOf(file);
        DocumentModel document = new DocumentModel();
        if (page == null) {
            document.setType("page");
            document.setStatus("draft");
            document.put(LEFT_OUT, true);
            return document;
        }
        document.setType(page.type());
        // Every page of this bake is published in it; a preview's drafts are marked by the templates.
        document.setStatus("published");
        document.setTitle(page.title());
        document.setDate(Date.from(page.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        document.setTags(page.tags().toArray(String[]::new));
        Map<String, Object> values = bake.models().of(page);
        document.setBody((String) ((Map<?, ?>) values.get("page")).get("body"));
        document.put(VALUES, values);
        document.put(OUTPUT, page.outputPath());
        return document;
    }

    @Override
    @Deprecated
    public Map<String, Object> parse(Configuration config, File file, String contentPath) {
        throw new UnsupportedOperationException("the handbook bakes with JBake's JBakeConfiguration API");
    }
}
