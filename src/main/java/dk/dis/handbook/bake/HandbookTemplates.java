package dk.dis.handbook.bake;

import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModelException;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.NoModelExtractorException;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * JBake's template engine for the handbook's .ftlh and .ftlx templates (registered in
 * META-INF/org.jbake.parser.TemplateEngines.properties). It is FreeMarker as JBake's own engine
 * is, set up the way the handbook needs it: HTML and XML escaped by default, errors never
 * swallowed, Danish number and date formats. A template sees, in this order: its page's own
 * values (its document's fields), then JBake's model extractors (the site's shared values come
 * from {@link SiteModelExtractor}), then JBake's model (content, config, version).
 */
public final class HandbookTemplates extends AbstractTemplateEngine {

    static {
        // FreeMarker picks whatever logging library it finds on the classpath; some log at DEBUG by default.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "JUL");
        }
    }

    private final Configuration freemarker;
    /** The first template failure of this bake, kept whole: JBake passes on only its message. */
    private final AtomicReference<TemplateFailure> failure = new AtomicReference<>();

    /** A template that failed, and the content file it was rendering (null for the 404 page, sitemap and feed). */
    record TemplateFailure(String template, String contentFile, Exception cause) {}

    public HandbookTemplates(JBakeConfiguration config, ContentStore db) throws IOException {
        super(config, db);
        freemarker = freemarker(config.getTemplateFolder(),
                config instanceof BakeSettings bake ? bake.models().language() : "da");
        if (db instanceof BakeStore store) store.useTemplates(this);
    }

    /** FreeMarker as the handbook's templates need it; numbers and dates formatted for {@code language}. */
    static Configuration freemarker(java.io.File templateDir, String language) throws IOException {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDirectoryForTemplateLoading(templateDir);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        // .ftlh templates escape HTML and .ftlx escape XML by default: header values are never raw.
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocale(Locale.forLanguageTag(language));
        return freemarker;
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        try {
            freemarker.getTemplate(templateName).process(new Values(own(model), key -> {
                try {
                    return extractors.extractAndTransform(db, key, model, (name, value) -> value);
                } catch (NoModelExtractorException e) {
                    return model.get(key);
                }
            }, freemarker.getObjectWrapper()), writer);
        } catch (IOException | TemplateException e) {
            DocumentModel content = model.getContent();
            String file = content == null || content.getFile() == null ? null : content.getFile();
            failure.compareAndSet(null, new TemplateFailure(templateName, file, e));
            throw new RenderingException(e);
        }
    }

    /** The FreeMarker configuration, with the templates it has read: the late pages are rendered with it too. */
    Configuration configuration() {
        return freemarker;
    }

    TemplateFailure failure() {
        return failure.get();
    }

    /** The page's own values; for what JBake renders without a page of ours (404, sitemap, feed), the 404 page's. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> own(TemplateModel model) {
        DocumentModel content = model.getContent();
        Object values = content == null ? null : content.get(ConvertedPages.VALUES);
        if (values instanceof Map<?, ?> map) return (Map<String, Object>) map;
        return ((BakeStore) db).settings().models().notFound();
    }

    /** A page's own values first, then {@code others} (JBake's extractors and model, or the shared values). */
    static final class Values implements TemplateHashModel {
        private final Map<String, Object> own;
        private final java.util.function.Function<String, Object> others;
        private final ObjectWrapper wrapper;

        Values(Map<String, Object> own, java.util.function.Function<String, Object> others, ObjectWrapper wrapper) {
            this.own = own;
            this.others = others;
            this.wrapper = wrapper;
        }

        @Override
        public freemarker.template.TemplateModel get(String key) throws TemplateModelException {
            return wrapper.wrap(own.containsKey(key) ? own.get(key) : others.apply(key));
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
