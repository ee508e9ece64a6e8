package dk.dis.handbook.publish;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.content.Trees;
import dk.dis.handbook.site.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stage "publish": writes the hosting rules, checks every internal link and the output guard's
 * rules, and only then replaces the output folder, so a failing build never leaves a half-written site.
 */
public final class PublishStage {

    /**
     * @param unrecordedAnchors section anchors not yet in the record of published anchors (see {@link AnchorRecord})
     * @param pagesRead         pages read and checked again (the others were published unchanged before)
     * @param previousSite      the site it replaced, being deleted in the background: await it before the build ends
     */
    public record Result(int internalLinks, int externalLinks, long bytes, int files, int unrecordedAnchors, int pagesRead,
                         Trees.Removal previousSite) {}

    /**
     * What the publish stage needs to know about the build.
     *
     * @param memoryFile where the checks remember the published files (see {@link ScanMemory}); null to read every file
     * @param codeKey    changes with the build's own code (a new guard reads everything again)
     */
    public record Request(Path stagingDir, Path outDir, String siteOrigin, boolean preview, List<Page> pages,
                          Map<String, String> sourceOf, List<String> draftUrls, List<String> secrets,
                          String accessibilityStatementUrl, Path anchorsFile, Path memoryFile, String codeKey) {}

    public Result run(Request r) throws IOException, ContentException {
        List<ContentProblem> problems = new ArrayList<>();
        HostingRules rules = new HostingRules(r.preview(), r.pages(), r.accessibilityStatementUrl());
        rules.checkOldUrls(r.stagingDir(), problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        rules.write(r.stagingDir());
        String memoryKey = memoryKey(r);
        ScanMemory memory = ScanMemory.read(r.memoryFile(), memoryKey);
        SiteScan scan = SiteScan.of(r.stagingDir(), r.sourceOf(), OutputGuard.guard(r.preview()), memory);
        LinkChecker.Result links = new LinkChecker(r.stagingDir(), r.siteOrigin()).check(scan, r.sourceOf(), problems);
        OutputGuard.check(scan, r.preview(), r.draftUrls(), r.secrets(), r.sourceOf(), problems);
        AnchorRecord anchors = AnchorRecord.read(r.anchorsFile());
        anchors.check(scan, r.pages(), r.sourceOf(), r.anchorsFile() == null ? "" : r.anchorsFile().getFileName().toString(), problems);
        if (!problems.isEmpty()) throw new ContentException(problems);
        Path stagingDir = r.stagingDir();
        Trees.Size size = Trees.size(stagingDir);
        Trees.Removal previousSite = swap(stagingDir, r.outDir());
        if (r.memoryFile() != null) {
            try {
                ScanMemory.write(r.memoryFile(), memoryKey, scan);
            } catch (IOException e) {
                // Without the memory the next build reads every file: slower, never wrong.
                Files.deleteIfExists(r.memoryFile());
            }
        }
        return new Result(links.internalLinks(), links.externalLinks().size(), size.bytes(), size.files(), anchors.unrecorded(scan),
                scan.parsed(), previousSite);
    }

    /** The memory holds for the same code, kind of build and secrets (a file is checked for the secrets it was). */
    private static String memoryKey(Request r) {
        dk.dis.handbook.content.ContentHash.Parts key = dk.dis.handbook.content.ContentHash.parts()
                .add("code", String.valueOf(r.codeKey())).add("preview", String.valueOf(r.preview()))
                .add("site", String.valueOf(r.siteOrigin())).add("out", r.outDir().toAbsolutePath().normalize().toString());
        for (String secret : r.secrets()) key.add("secret", dk.dis.handbook.content.ContentHash.of(String.valueOf(secret)));
        return key.hex();
    }

    /**
     * Moves the staged site into place; the previous site is deleted only after the move succeeded,
     * in the background, with any previous site an interrupted build left beside it.
     */
    static Trees.Removal swap(Path stagingDir, Path outDir) throws IOException {
        String oldPrefix = outDir.getFileName() + ".old-";
        List<Path> old = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(outDir.getParent())) {
            siblings.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(oldPrefix) + "\\d+")).forEach(old::add);
        }
        if (Files.exists(outDir)) {
            Path previous = outDir.resolveSibling(oldPrefix + System.nanoTime());
            Files.move(outDir, previous, StandardCopyOption.ATOMIC_MOVE);
            old.add(previous);
        }
        Files.move(stagingDir, outDir, StandardCopyOption.ATOMIC_MOVE);
        return Trees.deleteInBackground(old);
    }
}
