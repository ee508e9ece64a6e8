package dk.dis.handbook.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folder trees on disk: deleting, copying and measuring one. Symbolic links are never followed: a
 * link is deleted or copied as the link, so nothing outside the tree is touched.
 */
public final class Trees {

    /** Every regular file below {@code root}, in path order. */
    public static List<Path> files(Path root) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** How many regular files a tree holds and their bytes. */
    public record Size(int files, long bytes) {}

    private Trees() {}

    /** Deletes {@code dir} and everything below it; nothing happens when it does not exist. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the trees on a thread of its own: a site of thousands of files takes seconds to delete,
     * which the build spends on its last steps instead. {@link Removal#await()} waits for it.
     */
    public static Removal deleteInBackground(List<Path> dirs) {
        Removal removal = new Removal(List.copyOf(dirs));
        Thread thread = new Thread(removal::run, "delete " + dirs);
        thread.setDaemon(true);
        thread.start();
        return removal;
    }

    /** A deletion started by {@link #deleteInBackground}. */
    public static final class Removal {
        private final List<Path> dirs;
        private final java.util.concurrent.CompletableFuture<String> done = new java.util.concurrent.CompletableFuture<>();

        private Removal(List<Path> dirs) {
            this.dirs = dirs;
        }

        private void run() {
            List<String> failed = new ArrayList<>();
            for (Path dir : dirs) {
                try {
                    delete(dir);
                } catch (IOException | RuntimeException e) {
                    failed.add(dir + " (" + e.getMessage() + ")");
                }
            }
            done.complete(failed.isEmpty() ? null : String.join(", ", failed));
        }

        /** Waits until the trees are deleted; returns what could not be deleted, or null when all was. */
        public String await() {
            // run() always completes it, with what it could not delete.
            return done.join();
        }
    }

    /** Copies {@code from} (a folder or one file) to {@code to}, which must not exist yet. */
    public static void copy(Path from, Path to) throws IOException {
        copy(from, to, p -> true);
    }

    /**
     * Copies what {@code include} accepts of {@code from} to {@code to}. It is asked about each file
     * and folder below {@code from} (as paths under {@code from}); a folder it refuses is left out
     * with everything in it.
     */
    public static void copy(Path from, Path to, Predicate<Path> include) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && !include.test(dir)) return FileVisitResult.SKIP_SUBTREE;
                Files.createDirectories(target(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.equals(from) || include.test(file)) Files.copy(file, target(file), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path p) {
                return to.resolve(from.relativize(p).toString());
            }
        });
    }

    /** The regular files below {@code dir} and their total size; zero for a folder that does not exist. */
    public static Size size(Path dir) throws IOException {
        if (!Files.exists(dir)) return new Size(0, 0);
        int[] files = {0};
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files[0]++;
                    bytes[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Size(files[0], bytes[0]);
    }
}
