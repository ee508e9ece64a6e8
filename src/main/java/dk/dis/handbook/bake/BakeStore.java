package dk.dis.handbook.bake;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * JBake's content store for one bake, holding the documents in memory. JBake's own store asks its
 * database for a type's whole list once per rendered document (to find previous and next), which
 * makes rendering quadratic; here every answer comes from lists built once per bake, and a
 * document's position in its list is a lookup. Pages unchanged since the last build are stored as
 * already rendered, so JBake's renderer leaves them alone and their published files are kept.
 * The database JBake starts (in memory) still holds its schema; it takes seconds to start, so it
 * is started once per JVM, in the background while the content is converted, and kept open.
 */
final class BakeStore extends ContentStore {

    private static BakeStore instance;
    private static Future<?> started;

    private BakeSettings bake;
    private final Map<String, DocumentModel> bySourceUri = new LinkedHashMap<>();
    private final Map<String, DocumentList<DocumentModel>> byType = new HashMap<>();
    private int kept;
    private HandbookTemplates templates;

    private BakeStore() {
        super("memory", "handbook-" + UUID.randomUUID());
    }

    /** Starts JBake's database on a background thread, once per JVM. */
    static synchronized void startBooting() {
        if (instance != null) return;
        instance = new BakeStore();
        ExecutorService boot = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jbake-store");
            t.setDaemon(true);
            return t;
        });
        started = boot.submit(instance::startDatabase);
        boot.shutdown();
    }

    /** The store, emptied for a new bake (callers hold the one-bake-at-a-time lock). */
    static BakeStore forBake(BakeSettings settings) {
        startBooting();
        BakeStore store;
        synchronized (BakeStore.class) {
            store = instance;
        }
        store.bake = settings;
        store.bySourceUri.clear();
        store.byType.clear();
        store.kept = 0;
        store.templates = null;
        return store;
    }

    private void startDatabase() {
        // OrientDB hashes the passwords of the default users of every new database with 65,536
        // rounds of PBKDF2 (about half of its start-up here); this database lives in memory, for
        // one process, with JBake's fixed admin password, so one round protects just as much.
        if (System.getProperty(SALT_ITERATIONS) == null) System.setProperty(SALT_ITERATIONS, "1");
        super.startup();
        // Nothing of a memory database outlives the process: OrientDB need not close it at exit.
        com.orientechnologies.orient.core.Orient.instance().removeShutdownHook();
        // A first query loads OrientDB's SQL engine here, not in the bake.
        super.getDocumentCount("page");
    }

    private static final String SALT_ITERATIONS = "security.userPasswordSaltIterations";

    /** JBake starts its store at the beginning of every bake: here it waits for the one started in the background. */
    @Override
    public void startup() {
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JBake's database started", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JBake's database did not start: " + e.getCause(), e.getCause());
        }
        // The database session belongs to the thread that opened it: any query moves it to this one.
        super.getDocumentCount("page");
    }

    /** Kept open for the JVM's next bake (a preview server bakes on every change). */
    @Override
    public void close() {
    }

    BakeSettings settings() {
        return bake;
    }

    /** JBake creates the template engine; it makes itself known here, so the bake can read its failures. */
    void useTemplates(HandbookTemplates engine) {
        templates = engine;
    }

    HandbookTemplates templates() {
        return templates;
    }

    /** Pages left as the last build published them. */
    int kept() {
        return kept;
    }

    @Override
    public void addDocument(DocumentModel document) {
        if (Boolean.TRUE.equals(document.get(ConvertedPages.LEFT_OUT))) return;
        String output = (String) document.get(ConvertedPages.OUTPUT);
        if (bake.isLate(output)) return;
        // JBake names the output after the source file; the handbook's URLs come from the page header.
        document.setUri(output);
        if (bake.isUnchanged(output)) {
            document.setRendered(true);
            kept++;
        }
        bySourceUri.put(document.getSourceuri(), document);
        byType.clear();
    }

    @Override
    public DocumentList<DocumentModel> getDocumentStatus(String uri) {
        DocumentModel known = bySourceUri.get(uri);
        return known == null ? new DocumentList<>() : list(List.of(known));
    }

    @Override
    public DocumentList<DocumentModel> getDocumentByUri(String uri) {
        return getDocumentStatus(uri);
    }

    @Override
    public void deleteContent(String uri) {
        bySourceUri.remove(uri);
        byType.clear();
    }

    @Override
    public void deleteAllByDocType(String docType) {
        bySourceUri.values().removeIf(d -> docType.equals(d.getType()));
        byType.clear();
    }

    @Override
    public long getDocumentCount(String docType) {
        return getAllContent(docType).size();
    }

    @Override
    public long getPublishedCount(String docType) {
        return getPublishedContent(docType).size();
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return byType.computeIfAbsent(docType, type -> list(select(d -> type.equals(d.getType()))));
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        return getAllContent(docType);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedContent(String docType) {
        return list(getAllContent(docType).stream().filter(BakeStore::published).toList());
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        return getPublishedPosts();
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return list(getPublishedPosts().stream().filter(d -> hasTag(d, tag)).toList());
    }

    @Override
    public DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        return list(select(d -> published(d) && hasTag(d, tag)));
    }

    @Override
    public DocumentList<DocumentModel> getUnrenderedContent() {
        return list(select(d -> !Boolean.TRUE.equals(d.getRendered())));
    }

    @Override
    public void markContentAsRendered(DocumentModel document) {
        document.setRendered(true);
    }

    @Override
    public Set<String> getTags() {
        return tags(getPublishedPosts());
    }

    @Override
    public Set<String> getAllTags() {
        return tags(select(BakeStore::published));
    }

    private List<DocumentModel> select(Predicate<DocumentModel> test) {
        return bySourceUri.values().stream().filter(test).toList();
    }

    private static boolean published(DocumentModel d) {
        return "published".equals(d.getStatus());
    }

    private static boolean hasTag(DocumentModel d, String tag) {
        return d.getTags() != null && Arrays.asList(d.getTags()).contains(tag);
    }

    private static Set<String> tags(Collection<DocumentModel> documents) {
        Set<String> tags = new LinkedHashSet<>();
        for (DocumentModel d : documents) if (d.getTags() != null) tags.addAll(Arrays.asList(d.getTags()));
        return tags;
    }

    private static DocumentList<DocumentModel> list(List<DocumentModel> documents) {
        return new IndexedList(documents);
    }

    /**
     * JBake's document list is a linked list, searched from the start for a document's position and
     * its neighbours: here both are direct lookups.
     */
    private static final class IndexedList extends DocumentList<DocumentModel> {
        private final List<DocumentModel> items;
        private final Map<DocumentModel, Integer> positions = new IdentityHashMap<>();

        IndexedList(List<DocumentModel> documents) {
            items = new ArrayList<>(documents);
            super.addAll(items);
            for (int i = 0; i < items.size(); i++) positions.put(items.get(i), i);
        }

        @Override
        public DocumentModel get(int index) {
            return items.get(index);
        }

        @Override
        public int indexOf(Object o) {
            Integer at = o instanceof DocumentModel d ? positions.get(d) : null;
            return at == null ? super.indexOf(o) : at;
        }
    }
}
