package dk.dis.handbook.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TreesTest {
    @TempDir
    Path dir;

    @Test
    void deleteRemovesTheWholeTreeButNothingALinkInItPointsTo() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path outsideDir = Files.createDirectories(dir.resolve("outside-dir"));
        Files.writeString(outsideDir.resolve("also.txt"), "keep");
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/c.txt"), "x");
        Files.writeString(tree.resolve("top.txt"), "x");
        Files.createSymbolicLink(tree.resolve("a/link.txt"), outside);
        Files.createSymbolicLink(tree.resolve("a/link-dir"), outsideDir);

        Trees.delete(tree);

        assertThat(tree).doesNotExist();
        assertThat(outside).hasContent("keep");
        assertThat(outsideDir.resolve("also.txt")).hasContent("keep");
        Trees.delete(tree); // a tree that is not there is nothing to do
    }

    @Test
    void aBackgroundDeletionIsDoneWhenAwaited() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        for (Path tree : java.util.List.of(first, second)) {
            Files.createDirectories(tree.resolve("a/b"));
            Files.writeString(tree.resolve("a/b/c.txt"), "x");
        }
        assertThat(Trees.deleteInBackground(java.util.List.of(first, second)).await()).isNull();
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
    }

    @Test
    void copyTakesWhatTheFilterAcceptsAndLeavesOutRefusedFoldersWhole() throws Exception {
        Path from = dir.resolve("from");
        Files.createDirectories(from.resolve("keep/skip"));
        Files.createDirectories(from.resolve("skip"));
        Files.writeString(from.resolve("keep/a.txt"), "a");
        Files.writeString(from.resolve("keep/skip/b.txt"), "b");
        Files.writeString(from.resolve("skip/c.txt"), "c");
        Files.writeString(from.resolve("d.log"), "d");

        Path to = dir.resolve("to");
        Trees.copy(from, to, p -> !from.relativize(p).toString().equals("skip") && !p.toString().endsWith(".log"));

        assertThat(to.resolve("keep/a.txt")).hasContent("a");
        assertThat(to.resolve("keep/skip/b.txt")).hasContent("b");
        assertThat(to.resolve("skip")).doesNotExist();
        assertThat(to.resolve("d.log")).doesNotExist();
        assertThat(Trees.size(to)).isEqualTo(new Trees.Size(2, 2));
        assertThat(Trees.size(from)).isEqualTo(new Trees.Size(4, 4));
        assertThat(Trees.size(dir.resolve("none"))).isEqualTo(new Trees.Size(0, 0));
    }
}
