package gallery.vision.models.tfjs.graph;

import gallery.vision.models.build.NpmPackageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The declarative list of TensorFlow.js graph models the project converts ({@code model-build/tfjs-graph-models.json}):
 * pinned npm packages and, per model, where its {@code model.json} (or nsfwjs bundle) is in the package, which
 * tensors to cut the graph at, and whether every build converts it ({@code build}) or only tests and on-demand
 * runs do. Immutable, thread-safe.
 */
public record GraphModelCatalog(List<Pin> packages, List<Entry> models) {

    /** File name, in the models module directory. */
    public static final String FILE_NAME = "tfjs-graph-models.json";

    public GraphModelCatalog {
        packages = List.copyOf(packages);
        models = List.copyOf(models);
    }

    /** A pinned npm package. */
    public record Pin(String name, String version, String integrity) {
        public NpmPackageSpec spec() {
            return new NpmPackageSpec(name, version, integrity);
        }
    }

    /**
     * One model.
     *
     * @param name       our model name (ONNX file {@code tfjs/<name>.onnx})
     * @param packageName npm package holding it
     * @param path       path of {@code model.json} (or {@code model.min.js} bundle) inside the package
     * @param inputs     graph inputs (TensorFlow tensor names and shapes)
     * @param outputs    graph outputs (TensorFlow tensor names)
     * @param inputRange value range the network expects, {@code [low, high]} (parity inputs are drawn from it)
     * @param build      converted by every build (a model the product ships)
     */
    public record Entry(String name, @com.fasterxml.jackson.annotation.JsonProperty("package") String packageName,
            String path, List<ConversionSpec.Input> inputs, List<String> outputs, double[] inputRange,
            boolean build) {

        public ConversionSpec spec() {
            return new ConversionSpec(inputs, outputs);
        }

        public String file() {
            return "tfjs/" + name + ".onnx";
        }
    }

    public static GraphModelCatalog read(Path file) throws IOException {
        try {
            return TfGraphModel.JSON.readValue(file.toFile(), GraphModelCatalog.class);
        } catch (JacksonException e) {
            throw new IOException("unreadable " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    public Optional<Entry> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Pin pin(Entry model) {
        return packages.stream().filter(p -> p.name().equals(model.packageName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("model " + model.name() + ": package "
                        + model.packageName() + " is not pinned in " + FILE_NAME));
    }
}
