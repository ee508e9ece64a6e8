package dk.dis.handbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The class data sharing archive beside handbook.jar: written by one build, used by the next, renewed with the jar. */
class ClassSharingTest {
    @TempDir
    Path dir;

    @Test
    void theFirstBuildWritesTheArchiveAndTheNextOneUsesIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("handbook.jar"), "jar");
        FastJvm.ClassSharing first = FastJvm.ClassSharing.beside(jar);
        assertThat(first.flags()).anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("handbook.jsa.")));
        Files.writeString(first.writing(), "archive"); // what the JVM writes at exit
        first.keep(true);
        assertThat(dir.resolve("handbook.jsa")).exists();
        assertThat(first.writing()).doesNotExist();

        assertThat(FastJvm.ClassSharing.beside(jar).flags()).contains("-XX:SharedArchiveFile=" + dir.resolve("handbook.jsa"));
    }

    @Test
    void aNewerJarGetsANewArchiveAndAFailedBuildKeepsNone() throws Exception {
        Path jar = Files.writeString(dir.resolve("handbook.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("handbook.jsa"), "old archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

        FastJvm.ClassSharing sharing = FastJvm.ClassSharing.beside(jar);
        assertThat(sharing.writing()).isNotNull();
        Files.writeString(sharing.writing(), "half written");
        sharing.keep(false);
        assertThat(sharing.writing()).doesNotExist();
        assertThat(archive).hasContent("old archive");
    }

    @Test
    void classesFoldersRunWithoutAnArchive() {
        assertThat(FastJvm.ClassSharing.beside(null)).isNull();
    }
}
