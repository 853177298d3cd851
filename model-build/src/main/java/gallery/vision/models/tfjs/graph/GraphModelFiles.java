package gallery.vision.models.tfjs.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a graph model stored as TensorFlow.js writes it: {@code model.json} plus shard files beside it. Stateless. */
public final class GraphModelFiles {

    private GraphModelFiles() {
    }

    public static TfGraphModel read(Path modelJson) throws IOException {
        Path dir = modelJson.toAbsolutePath().getParent();
        return TfGraphModel.fromJson(TfGraphModel.JSON.readTree(modelJson.toFile()),
                path -> Files.readAllBytes(dir.resolve(path)), modelJson.getFileName().toString());
    }
}
