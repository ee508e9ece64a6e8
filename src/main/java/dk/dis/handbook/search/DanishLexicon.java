package dk.dis.handbook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import dk.dis.handbook.content.SiteFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Danish word list that compounds are split by: the base forms of Debian's {@code hunspell-da}
 * dictionary (Stavekontrolden's, LGPL-2.1/GPL-2/MPL-1.1), read from {@link #DEFAULT_PATH} or the
 * file named by the environment variable {@link #PATH_VARIABLE}. Only index terms derived from it
 * reach the published site, never the list itself. Without the file compounds are split by the
 * handbook's own vocabulary alone, and the index stage says so.
 */
public final class DanishLexicon {

    public static final Path DEFAULT_PATH = Path.of("/usr/share/hunspell/da_DK.dic");
    public static final String PATH_VARIABLE = "HANDBOOK_DA_LEXICON";

    private static Optional<Set<String>> loaded;
    private static Optional<Set<String>> loadedStems;

    private DanishLexicon() {}

    /** Where the lexicon is looked for. */
    public static Path path() {
        String env = System.getenv(PATH_VARIABLE);
        return env == null || env.isBlank() ? DEFAULT_PATH : Path.of(env);
    }

    /** The folded base forms of the system's lexicon, read once; empty when the file is missing. */
    public static synchronized Optional<Set<String>> system() {
        if (loaded == null) {
            Path file = path();
            loaded = Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
        }
        return loaded;
    }

    /** The stems of {@link #system()}'s words of {@link DanishAnalysis#MIN_PART} letters or more, worked out once. */
    static synchronized Optional<Set<String>> systemStems() {
        if (loadedStems == null) {
            loadedStems = system().map(words -> {
                Set<String> out = new HashSet<>(words.size() * 2);
                for (String w : words) if (w.length() >= DanishAnalysis.MIN_PART) out.add(DanishText.stem(w));
                return Set.copyOf(out);
            });
        }
        return loadedStems;
    }

    /** Starts reading the lexicon on a background thread, so the index stage finds it read (a build calls this first). */
    public static void warmUp() {
        warmUp(null, "");
    }

    /**
     * As {@link #warmUp()}, from {@code remembered} when that file holds the words and stems worked
     * out from the same lexicon file by the same {@code code}, else from the lexicon, then kept there
     * ({@code remembered} null: never kept). Folding and stemming the lexicon's words costs about five
     * times as much as reading them back, on the core JRuby boots beside.
     */
    public static void warmUp(Path remembered, String code) {
        Thread t = new Thread(() -> {
            if (remembered != null) remember(remembered, code);
            systemStems();
        }, "danish-lexicon");
        t.setDaemon(true);
        t.start();
    }

    private static synchronized void remember(Path file, String code) {
        if (loaded != null && loadedStems != null) return;
        Path dic = path();
        String header;
        try {
            if (!Files.isRegularFile(dic)) return;
            header = "danish-lexicon 2 " + code + " " + dic.toAbsolutePath() + " " + Files.size(dic) + " "
                    + Files.getLastModifiedTime(dic).toMillis();
            Remembered kept = readRemembered(file, header);
            if (kept != null) {
                loaded = Optional.of(kept.words());
                loadedStems = Optional.of(kept.stems());
                return;
            }
        } catch (IOException | RuntimeException e) {
            return; // read from the lexicon, as without a remembered copy
        }
        try {
            writeRemembered(file, header, system().orElseThrow(), systemStems().orElseThrow());
        } catch (IOException e) {
            // Not kept: the next build works the words out again.
        }
    }

    record Remembered(Set<String> words, Set<String> stems) {}

    /** The words and stems {@link #writeRemembered} kept in {@code file} under {@code header}; null if it holds others. */
    static Remembered readRemembered(Path file, String header) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        byte[] head = (header + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] kept = Files.readAllBytes(file);
        if (kept.length <= head.length || !Arrays.equals(kept, 0, head.length, head, 0, head.length)) return null;
        // After the header: the words' lines, an empty line, the stems' lines.
        int blank = head.length;
        while (blank < kept.length && !(kept[blank] == '\n' && kept[blank - 1] == '\n')) blank++;
        if (blank == kept.length) return null;
        return new Remembered(SortedWords.of(kept, head.length, blank), SortedWords.of(kept, blank + 1, kept.length));
    }

    static void writeRemembered(Path file, String header, Set<String> words, Set<String> stems) throws IOException {
        SiteFiles.replace(file, out -> {
            out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(SortedWords.encode(words));
            out.write('\n');
            out.write(SortedWords.encode(stems));
        });
    }

    /** What to tell the user when {@link #system()} is empty. */
    public static String missingMessage() {
        return "Danish lexicon " + path() + " not found: compounds are split by the handbook's own words only. "
                + "Install it with `apt-get install hunspell-da`, or set " + PATH_VARIABLE + " to a Hunspell .dic file.";
    }

    /** A Hunspell .dic file's words (flags after "/" dropped), lower-cased and folded; phrases, abbreviations and numbers left out. */
    static Set<String> read(Path dic) {
        try {
            List<String> lines = Files.readAllLines(dic, StandardCharsets.UTF_8);
            Set<String> words = new HashSet<>(lines.size() * 2);
            for (int i = 1; i < lines.size(); i++) { // the first line is the entry count
                String line = lines.get(i);
                int slash = line.indexOf('/');
                String word = (slash >= 0 ? line.substring(0, slash) : line).strip();
                if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetter)) continue;
                if (word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT))) continue; // abbreviations (ANC, EU)
                words.add(DanishText.fold(word));
            }
            if (words.isEmpty()) throw new IOException("no words");
            return Set.copyOf(words);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the Danish lexicon " + dic + " (" + e.getMessage()
                    + "): point " + PATH_VARIABLE + " at a Hunspell .dic file, or reinstall hunspell-da.", e);
        }
    }
}
