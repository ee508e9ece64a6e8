package dk.dis.handbook.search;

import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

import java.io.IOException;

/**
 * The previous build's index as the next one keeps it: the sections of pages that changed are
 * left out (as deleted documents) and the others carry their new section ids, so that merging it
 * with the changed pages' new documents gives the index a fresh build would write, without
 * analysing the unchanged pages again. Kept sections keep their order, so the reader stays sorted.
 */
final class RenumberedSections extends FilterCodecReader {

    private final long[] ids;
    private final Bits live;
    private final int kept;

    /** @param newIdOfOld for each document, its section's new id, or -1 to leave it out */
    RenumberedSections(CodecReader in, int[] newIdOfOld) {
        super(in);
        ids = new long[newIdOfOld.length];
        int count = 0;
        long last = 0;
        for (int doc = 0; doc < newIdOfOld.length; doc++) {
            if (newIdOfOld[doc] >= 0) {
                if (newIdOfOld[doc] < last) throw new IllegalArgumentException("kept sections must keep their order");
                last = newIdOfOld[doc];
                count++;
            }
            // A left-out document takes the id before it, so the values stay in order.
            ids[doc] = newIdOfOld[doc] >= 0 ? newIdOfOld[doc] : last;
        }
        kept = count;
        boolean[] keep = new boolean[newIdOfOld.length];
        for (int doc = 0; doc < keep.length; doc++) keep[doc] = newIdOfOld[doc] >= 0;
        live = new Bits() {
            @Override
            public boolean get(int index) {
                return keep[index];
            }

            @Override
            public int length() {
                return keep.length;
            }
        };
    }

    @Override
    public Bits getLiveDocs() {
        return live;
    }

    @Override
    public int numDocs() {
        return kept;
    }

    @Override
    public DocValuesProducer getDocValuesReader() {
        DocValuesProducer values = in.getDocValuesReader();
        return new DocValuesProducer() {
            @Override
            public NumericDocValues getNumeric(FieldInfo field) throws IOException {
                NumericDocValues original = values.getNumeric(field);
                return field.name.equals(SearchIndex.SECTION_ID) ? renumbered(original) : original;
            }

            @Override
            public BinaryDocValues getBinary(FieldInfo field) throws IOException {
                return values.getBinary(field);
            }

            @Override
            public SortedDocValues getSorted(FieldInfo field) throws IOException {
                return values.getSorted(field);
            }

            @Override
            public SortedNumericDocValues getSortedNumeric(FieldInfo field) throws IOException {
                return values.getSortedNumeric(field);
            }

            @Override
            public SortedSetDocValues getSortedSet(FieldInfo field) throws IOException {
                return values.getSortedSet(field);
            }

            @Override
            public void checkIntegrity() throws IOException {
                values.checkIntegrity();
            }

            @Override
            public void close() throws IOException {
                values.close();
            }
        };
    }

    private NumericDocValues renumbered(NumericDocValues original) {
        return new NumericDocValues() {
            @Override
            public long longValue() {
                return ids[original.docID()];
            }

            @Override
            public boolean advanceExact(int target) throws IOException {
                return original.advanceExact(target);
            }

            @Override
            public int docID() {
                return original.docID();
            }

            @Override
            public int nextDoc() throws IOException {
                return original.nextDoc();
            }

            @Override
            public int advance(int target) throws IOException {
                return original.advance(target);
            }

            @Override
            public long cost() {
                return original.cost();
            }
        };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }
}
