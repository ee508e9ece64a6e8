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
import java.util.function.Predicate;

/**
 * JBake's content store for one bake, holding the documents in memory. JBake's own store asks its
 * database for a type's whole list once per rendered document (to find previous and next), which
 * makes rendering quadratic; here every answer comes from lists built once per bake, and a
 * document's position in its list is a lookup. Pages unchanged since the last build are stored as
 * already rendered, so JBake's renderer leaves them alone and their published files are kept.
 * Nothing is kept in JBake's database, so none is started (see {@link SchemaOnlySession}).
 */
final class BakeStore extends ContentStore {

    private static BakeStore instance;

    private BakeSettings bake;
    private final Map<String, DocumentModel> bySourceUri = new LinkedHashMap<>();
    private final Map<String, DocumentList<DocumentModel>> byType = new HashMap<>();
    private int kept;
    private HandbookTemplates templates;

    private BakeStore() {
        super("memory", "handbook");
        SchemaOnlySession.handTo(this);
    }

    /** The store, emptied for a new bake (callers hold the one-bake-at-a-time lock). */
    static synchronized BakeStore forBake(BakeSettings settings) {
        if (instance == null) instance = new BakeStore();
        BakeStore store = instance;
        store.bake = settings;
        store.bySourceUri.clear();
        store.byType.clear();
        store.kept = 0;
        store.templates = null;
        return store;
    }

    /** JBake starts its database at the beginning of every bake: this store has none to start. */
    @Override
    public void startup() {
    }

    /** JBake's template signatures live in its database; the render cache decides what is rendered again. */
    @Override
    public void updateAndClearCacheIfNeeded(boolean clearCache, java.io.File templateFolder) {
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void drop() {
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
