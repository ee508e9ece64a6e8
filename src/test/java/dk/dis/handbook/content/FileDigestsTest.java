package dk.dis.handbook.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileDigestsTest {
    @TempDir
    Path dir;

    /** Rewrites the file in place with text of the same length and gives it back its time: its stamp is as it was. */
    private static void rewriteInPlace(Path file, String text) throws Exception {
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    /** Asks {@code digests} for the file's digest and writes what they remember to {@code memory}. */
    private static String readAndRemember(FileDigests digests, Path file, Path memory) throws Exception {
        String digest = digests.of(file.getFileName().toString(), file);
        digests.write(memory);
        return digest;
    }

    @Test
    void aSettledInputIsNotReadAgainWhileItsStampIsTheSame() throws Exception {
        Path file = Files.writeString(dir.resolve("side.adoc"), "= Trin 1\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Path memory = dir.resolve("inputs.tsv");
        FileDigests first = FileDigests.ofInputs(memory);
        String digest = first.of("content/side.adoc", file);
        assertThat(digest).isEqualTo(ContentHash.of("= Trin 1\n"));
        assertThat(first.changed()).isTrue();
        first.write(memory);

        // The same stamp: the remembered digest, without reading the file (which now says something else).
        rewriteInPlace(file, "= Trin 2\n");
        FileDigests second = FileDigests.ofInputs(memory);
        assertThat(second.of("content/side.adoc", file)).isEqualTo(digest);
        assertThat(second.changed()).isFalse();

        // A new time (an edit as editors make it): read again.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        assertThat(FileDigests.ofInputs(memory).of("content/side.adoc", file)).isEqualTo(ContentHash.of("= Trin 2\n"));
    }

    @Test
    void anInputChangedWithinTheClockTickOfItsReadingIsReadAgain() throws Exception {
        // Just written: its time may be the time of a second edit of the same size, so it is not remembered.
        Path file = Files.writeString(dir.resolve("side.adoc"), "= Trin 1\n");
        Path memory = dir.resolve("inputs.tsv");
        readAndRemember(FileDigests.ofInputs(memory), file, memory);

        rewriteInPlace(file, "= Trin 2\n");
        assertThat(FileDigests.ofInputs(memory).of("side.adoc", file)).isEqualTo(ContentHash.of("= Trin 2\n"));
    }

    @Test
    void aPublishedFileIsTrustedByItsStampAtOnce() throws Exception {
        // The build never rewrites a published file in place: a new file has a new stamp.
        Path file = Files.writeString(dir.resolve("index.html"), "<p>a</p>");
        Path memory = dir.resolve("digests.tsv");
        String digest = readAndRemember(FileDigests.read(memory), file, memory);

        rewriteInPlace(file, "<p>b</p>");
        assertThat(FileDigests.read(memory).of(dir, "index.html")).isEqualTo(digest);
    }
}
