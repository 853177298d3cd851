package gallery.vision.models.tfjs.graph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a catalog model from its extracted npm package: {@code .json} files or nsfwjs {@code .js} bundles.
 * Stateless, thread-safe.
 */
public final class GraphModelLoader {

    private GraphModelLoader() {
    }

    public static TfGraphModel load(Path packageDir, GraphModelCatalog.Entry entry) throws IOException {
        Path file = packageDir.resolve(entry.path());
        return entry.path().endsWith(".js") ? BundledGraphModel.read(file) : GraphModelFiles.read(file);
    }
}
