package dk.dis.handbook.docs;

import dk.dis.handbook.support.TestHandbook;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides (README.md and docs/) link to each other, to their pictures and to files of the
 * repository: every relative link and picture exists, and every anchor is a heading of the file
 * it points into, named as the forges name heading anchors.
 */
class GuideLinksTest {
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @TempDir
    Path dir;

    @Test
    void everyRelativeLinkAndAnchorInTheGuidesExists() throws IOException {
        List<Path> guides = new ArrayList<>(List.of(TestHandbook.REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(TestHandbook.REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(guides::add);
        }
        assertThat(guides).hasSizeGreaterThan(1);
        assertThat(brokenLinks(guides)).isEmpty();
    }

    @Test
    void aMissingFileAPictureAndAnAnchorAreEachReported() throws IOException {
        Files.writeString(dir.resolve("a.md"), "# Første afsnit\n\n## Se, at sitet er bygget\n\n"
                + "[ok](b.md#andet) [ok](#se-at-sitet-er-bygget) [ok](#første-afsnit) [ud](https://example.org/x)\n"
                + "[mangler](c.md) [forkert anker](b.md#tredje) ![billede](img/ingen.png)\n");
        Files.writeString(dir.resolve("b.md"), "# Andet\n");
        assertThat(brokenLinks(List.of(dir.resolve("a.md"), dir.resolve("b.md")))).containsExactly(
                "a.md: c.md (no such file)", "a.md: b.md#tredje (no heading with that anchor)",
                "a.md: img/ingen.png (no such file)");
    }

    /** Each broken link as "file: target (why)", the file relative to the first guide's folder. */
    private static List<String> brokenLinks(List<Path> guides) throws IOException {
        Path base = guides.get(0).getParent();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path guide : guides) {
            for (String target : targets(guide)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) continue; // https:, mailto:, …
                int hash = target.indexOf('#');
                String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
                String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path into = file.isEmpty() ? guide : guide.getParent().resolve(file).normalize();
                String where = base.relativize(guide) + ": " + target;
                if (!Files.exists(into)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && into.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(into, GuideLinksTest::headingAnchors).contains(anchor)) {
                    broken.add(where + " (no heading with that anchor)");
                }
            }
        }
        return broken;
    }

    private static List<String> targets(Path guide) throws IOException {
        List<String> targets = new ArrayList<>();
        MARKDOWN.parse(Files.readString(guide)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
            }
        });
        return targets;
    }

    private static Set<String> headingAnchors(Path guide) {
        Set<String> anchors = new HashSet<>();
        IdGenerator ids = IdGenerator.builder().build();
        try {
            MARKDOWN.parse(Files.readString(guide)).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    anchors.add(ids.generateId(text(heading)));
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return anchors;
    }

    private static String text(Node node) {
        StringBuilder s = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) s.append(t.getLiteral());
            else if (child instanceof Code c) s.append(c.getLiteral());
            else s.append(text(child));
        }
        return s.toString();
    }
}
