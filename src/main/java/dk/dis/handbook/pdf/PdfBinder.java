package dk.dis.handbook.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binds one PDF from pieces laid out apart ({@link PrintDocument}): the front's pages, then each
 * chunk's, with PDFBox. The pages and their content are moved, not copied; the chunks' structure
 * trees become one (their elements under the front's document element, their parent-tree keys
 * shifted past the ones before), links to {@link PrintDocument#TARGET} places become links to their
 * pages, the bookmarks are made from the book's outline, and every page after the cover gets its
 * number ("Side 3 af 120"), drawn as an artifact for screen readers to pass over.
 */
final class PdfBinder {
    /** Where the layout put the page numbers (assets/pdf/print.css's page margins): the right edge and the baseline, in points. */
    private static final float RIGHT_MARGIN = 56.7f;
    private static final float BASELINE = 36.4f;
    private static final float NUMBER_SIZE = 8.5f;
    private static final Color NUMBER_COLOR = new Color(0x4a, 0x4a, 0x4a);

    /** A laid-out piece: how many pages it has and on which of them (from 0) each named place is. */
    record Places(int pages, Map<String, Integer> pageOf) {}

    private PdfBinder() {}

    static Places places(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return places(doc);
        }
    }

    static Places places(PDDocument doc) throws IOException {
        Map<COSDictionary, Integer> index = new IdentityHashMap<>();
        int i = 0;
        for (PDPage page : doc.getPages()) index.put(page.getCOSObject(), i++);
        Map<String, Integer> pageOf = new HashMap<>();
        for (Map.Entry<String, PDPageDestination> e : named(doc).entrySet()) {
            Integer page = e.getValue().getPage() == null ? null : index.get(e.getValue().getPage().getCOSObject());
            if (page != null) pageOf.put(e.getKey(), page);
        }
        return new Places(doc.getNumberOfPages(), pageOf);
    }

    /**
     * @param chunks      the chunks, read; they are closed when the book is written
     * @param pageNumbers what a page's number says, with {@code {page}} and {@code {pages}} in it
     * @param font        the typeface the numbers are drawn in
     */
    static byte[] bind(byte[] front, List<PDDocument> chunks, List<PrintDocument.Mark> outline, String pageNumbers, Path font)
            throws IOException {
        List<PDDocument> open = new ArrayList<>(chunks);
        try {
            PDDocument book = Loader.loadPDF(front);
            open.add(book);
            PDStructureTreeRoot tree = book.getDocumentCatalog().getStructureTreeRoot();
            PDStructureElement document = documentElement(tree);
            TreeMap<Integer, COSObjectable> parents = numbers(tree.getParentTree());
            int next = nextKey(tree, parents);
            Map<String, PDPageDestination> places = new HashMap<>();
            for (PDDocument chunk : chunks) {
                PDStructureTreeRoot chunkTree = chunk.getDocumentCatalog().getStructureTreeRoot();
                TreeMap<Integer, COSObjectable> chunkParents = numbers(chunkTree.getParentTree());
                int offset = next;
                for (Map.Entry<Integer, COSObjectable> e : chunkParents.entrySet()) parents.put(e.getKey() + offset, e.getValue());
                next = offset + nextKey(chunkTree, chunkParents);
                Set<COSDictionary> shifted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                for (PDPage page : chunk.getPages()) {
                    if (page.getStructParents() >= 0) page.setStructParents(page.getStructParents() + offset);
                    for (PDAnnotation annotation : page.getAnnotations()) {
                        if (annotation.getStructParent() >= 0) annotation.setStructParent(annotation.getStructParent() + offset);
                    }
                    shiftForms(page.getResources(), offset, shifted);
                    book.addPage(page);
                }
                for (Object kid : documentElement(chunkTree).getKids()) {
                    if (kid instanceof PDStructureElement element) document.appendKid(element);
                }
                if (chunkTree.getRoleMap() != null && !chunkTree.getRoleMap().isEmpty()) {
                    Map<String, String> roles = new HashMap<>();
                    for (Map<String, Object> map : List.of(tree.getRoleMap(), chunkTree.getRoleMap())) {
                        map.forEach((role, standard) -> roles.put(role, String.valueOf(standard)));
                    }
                    tree.setRoleMap(roles);
                }
                places.putAll(named(chunk));
            }
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            tree.setParentTree(parentTree);
            tree.setParentTreeNextKey(next);
            // The front's own named places are not linked to from outside it.
            book.getDocumentCatalog().setNames(null);

            linkTargets(book, places);
            bookmarks(book, outline, places);
            number(book, pageNumbers, font);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
            book.save(out);
            return out.toByteArray();
        } finally {
            for (PDDocument doc : open) doc.close();
        }
    }

    private static Map<String, PDPageDestination> named(PDDocument doc) throws IOException {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null || names.getDests() == null) return Map.of();
        Map<String, PDPageDestination> flat = new HashMap<>();
        collectNames(names.getDests(), flat);
        return flat;
    }

    private static void collectNames(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDPageDestination> node,
                                     Map<String, PDPageDestination> into) throws IOException {
        if (node.getNames() != null) into.putAll(node.getNames());
        if (node.getKids() != null) {
            for (var kid : node.getKids()) collectNames(kid, into);
        }
    }

    private static TreeMap<Integer, COSObjectable> numbers(PDNumberTreeNode node) throws IOException {
        TreeMap<Integer, COSObjectable> flat = new TreeMap<>();
        if (node == null) return flat;
        if (node.getNumbers() != null) flat.putAll(node.getNumbers());
        if (node.getKids() != null) {
            for (PDNumberTreeNode kid : node.getKids()) flat.putAll(numbers(kid));
        }
        return flat;
    }

    private static int nextKey(PDStructureTreeRoot tree, TreeMap<Integer, COSObjectable> parents) {
        return Math.max(parents.isEmpty() ? 0 : parents.lastKey() + 1, tree.getParentTreeNextKey());
    }

    /** The element all others are under (openhtmltopdf's "Document"). */
    private static PDStructureElement documentElement(PDStructureTreeRoot tree) throws IOException {
        if (tree == null) throw new IOException("a laid-out piece has no structure tree");
        for (Object kid : tree.getKids()) {
            if (kid instanceof PDStructureElement element) return element;
        }
        throw new IOException("a laid-out piece's structure tree is empty");
    }

    /** Forms (drawn diagrams) with marked content point into the parent tree as pages do. */
    private static void shiftForms(PDResources resources, int offset, Set<COSDictionary> shifted) throws IOException {
        if (resources == null) return;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (!(object instanceof PDFormXObject form) || !shifted.add(form.getCOSObject())) continue;
            if (form.getStructParents() >= 0) form.setStructParents(form.getStructParents() + offset);
            shiftForms(form.getResources(), offset, shifted);
        }
    }

    private static void linkTargets(PDDocument book, Map<String, PDPageDestination> places) throws IOException {
        for (PDPage page : book.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationLink link) || !(link.getAction() instanceof PDActionURI uri)
                        || uri.getURI() == null || !uri.getURI().startsWith(PrintDocument.TARGET)) continue;
                String id = uri.getURI().substring(PrintDocument.TARGET.length());
                PDPageDestination place = places.get(id);
                // A place the layout did not name (an id inside a diagram): its chapter's start.
                if (place == null && id.contains(PrintDocument.ID_SEPARATOR)) {
                    place = places.get(id.substring(0, id.indexOf(PrintDocument.ID_SEPARATOR)));
                }
                if (place == null) throw new IOException("a link leads to " + id + ", which is in none of the PDF's chunks");
                PDActionGoTo goTo = new PDActionGoTo();
                goTo.setDestination(place);
                link.setAction(goTo);
            }
        }
    }

    private static void bookmarks(PDDocument book, List<PrintDocument.Mark> outline, Map<String, PDPageDestination> places) {
        PDDocumentOutline root = new PDDocumentOutline();
        addMarks(root, outline, places);
        book.getDocumentCatalog().setDocumentOutline(root);
        // A reader opens the PDF with its bookmarks (parts, chapters, sections) in view.
        book.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }

    private static void addMarks(PDOutlineNode parent, List<PrintDocument.Mark> marks, Map<String, PDPageDestination> places) {
        for (PrintDocument.Mark mark : marks) {
            PDPageDestination place = places.get(mark.target());
            if (place == null) continue;
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(mark.title());
            item.setDestination(place);
            parent.addLast(item);
            addMarks(item, mark.children(), places);
        }
    }

    private static void number(PDDocument book, String pattern, Path fontFile) throws IOException {
        PDType0Font font = PDType0Font.load(book, fontFile.toFile());
        int pages = book.getNumberOfPages();
        int i = -1;
        for (PDPage page : book.getPages()) {
            if (++i == 0) continue;
            String text = pattern.replace("{page}", Integer.toString(i + 1)).replace("{pages}", Integer.toString(pages));
            float width = font.getStringWidth(text) / 1000 * NUMBER_SIZE;
            float right = page.getMediaBox().getUpperRightX() - RIGHT_MARGIN;
            try (PDPageContentStream s = new PDPageContentStream(book, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.beginMarkedContent(COSName.ARTIFACT);
                s.beginText();
                s.setFont(font, NUMBER_SIZE);
                s.setNonStrokingColor(NUMBER_COLOR);
                s.newLineAtOffset(right - width, page.getMediaBox().getLowerLeftY() + BASELINE);
                s.showText(text);
                s.endText();
                s.endMarkedContent();
            }
        }
    }
}
