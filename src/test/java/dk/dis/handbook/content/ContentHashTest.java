package dk.dis.handbook.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    @TempDir
    Path dir;

    @Test
    void hashesAreSha256AndNamesCarryTheirFirstDigitsBeforeTheExtension() {
        assertThat(ContentHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ContentHash.ofName(abc)).isEqualTo("ba7816bf8f");
        assertThat(ContentHash.hashedName("css/site.css", abc)).isEqualTo("css/site.ba7816bf8f.css");
        assertThat(ContentHash.hashedName("fonts.d/LICENSE", abc)).isEqualTo("fonts.d/LICENSE.ba7816bf8f");
    }

    @Test
    void partsAreFramedSoTheyCannotRunTogether() throws Exception {
        assertThat(ContentHash.parts().add("a", "bc").hex()).isNotEqualTo(ContentHash.parts().add("ab", "c").hex());
        assertThat(ContentHash.parts().add("x", "1").add("y", "").hex()).isNotEqualTo(ContentHash.parts().add("x", "").add("y", "1").hex());

        Files.createDirectories(dir.resolve("t/sub"));
        Files.writeString(dir.resolve("t/a.txt"), "a");
        Files.writeString(dir.resolve("t/sub/b.txt"), "b");
        String tree = ContentHash.parts().addFiles(dir.resolve("t")).hex();
        assertThat(tree).isEqualTo(ContentHash.parts().add("a.txt", "a").add("sub/b.txt".replace('/', java.io.File.separatorChar), "b").hex());
        Files.writeString(dir.resolve("t/sub/b.txt"), "B");
        assertThat(ContentHash.parts().addFiles(dir.resolve("t")).hex()).isNotEqualTo(tree);
    }
}
