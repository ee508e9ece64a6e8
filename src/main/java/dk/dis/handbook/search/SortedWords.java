package dk.dis.handbook.search;

import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A read-only set of words kept as the UTF-8 lines of one byte array, sorted by their bytes, and
 * looked up by binary search: a lexicon of 100,000 words is ready as soon as its file is read,
 * without a String or a hash entry per word.
 */
final class SortedWords extends AbstractSet<String> {

    private final byte[] bytes;
    /** Where each word starts; the word ends before the next start's newline. */
    private final int[] starts;

    private SortedWords(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** The words of {@code bytes[from, to)}: one per line, each ending in a newline, sorted by {@link #encode}. */
    static SortedWords of(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) if (bytes[i] == '\n') count++;
        int[] starts = new int[count + 1];
        int n = 0;
        starts[n++] = from;
        for (int i = from; i < to; i++) if (bytes[i] == '\n') starts[n++] = i + 1;
        return new SortedWords(bytes, starts);
    }

    /** The lines {@link #of} reads: the words sorted by their UTF-8 bytes, each followed by a newline. */
    static byte[] encode(Collection<String> words) {
        byte[][] all = words.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        Arrays.sort(all, Arrays::compareUnsigned);
        int length = 0;
        for (byte[] w : all) length += w.length + 1;
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] w : all) {
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length;
            out[at++] = '\n';
        }
        return out;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String word)) return false;
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int low = 0, high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Arrays.compareUnsigned(bytes, starts[mid], end(mid), key, 0, key.length);
            if (c < 0) low = mid + 1;
            else if (c > 0) high = mid - 1;
            else return true;
        }
        return false;
    }

    private int end(int i) {
        return starts[i + 1] - 1;
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                int i = next++;
                return new String(bytes, starts[i], end(i) - starts[i], StandardCharsets.UTF_8);
            }
        };
    }
}
