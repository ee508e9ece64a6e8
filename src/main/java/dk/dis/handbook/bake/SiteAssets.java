package dk.dis.handbook.bake;

import org.jbake.app.Asset;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * JBake's asset step for the handbook: publishes the fingerprinted theme files and the content's
 * images under the names the templates and pages already use. Nothing is copied from the content
 * folder as it stands (it also holds the CMS's bookkeeping and originals under other names).
 */
final class SiteAssets extends Asset {

    private final BakeSettings bake;

    SiteAssets(BakeSettings bake) {
        super(bake);
        this.bake = bake;
    }

    @Override
    public void copy() {
        Path site = bake.getDestinationFolder().toPath();
        for (dk.dis.handbook.theme.AssetFingerprinter.PublishedFile file : bake.files()) {
            Path target = site.resolve(file.target());
            try {
                Files.createDirectories(target.getParent());
                if (file.bytes() != null) Files.write(target, file.bytes());
                else Files.copy(file.source(), target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not publish " + file.target() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void copy(File path) {
        copy();
    }

    @Override
    public void copyAssetsFromContent(File path) {
        // The content's images are among the published files (see copy()).
    }
}
