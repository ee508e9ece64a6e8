package dk.dis.handbook.bake;

import org.jbake.app.ContentStore;
import org.jbake.template.ModelExtractor;

import java.util.Map;

/**
 * JBake's model extractor for the values every page of the handbook shares (the site's name and
 * contacts, asset URLs, PDFs, the page lists of the sitemap and feed): computed once per build,
 * registered under their names in META-INF/org.jbake.template.ModelExtractors.properties.
 */
public final class SiteModelExtractor implements ModelExtractor<Object> {

    @Override
    public Object get(ContentStore db, Map model, String key) {
        if (!(db instanceof BakeStore store)) {
            throw new IllegalStateException("'" + key + "' is a value of the handbook's own bake, not of a stock JBake site");
        }
        return store.settings().models().shared().get(key);
    }
}
