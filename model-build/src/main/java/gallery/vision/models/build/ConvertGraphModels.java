package gallery.vision.models.build;

import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.tfjs.graph.GraphModelCatalog;
import gallery.vision.models.tfjs.graph.GraphModelLoader;
import gallery.vision.models.tfjs.graph.TfjsGraphConverter;
import gallery.vision.models.tfjs.graph.ops.StandardOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Converts TensorFlow.js graph models of the catalog ({@value GraphModelCatalog#FILE_NAME}) to ONNX and adds them to
 * the output directory's {@code manifest.json} (entries of the same name are replaced, others kept).
 * <p>Arguments: catalog file, npm cache dir, extract dir, output dir, then either {@code --build} (the models marked
 * {@code "build": true}; run by the models pom in every build) or model names (on demand, e.g. evaluation
 * candidates).
 */
public final class ConvertGraphModels {

    private ConvertGraphModels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: ConvertGraphModels <catalog> <npm-cache-dir> <extract-dir>"
                    + " <output-dir> (--build | <model name>...)");
        }
        GraphModelCatalog catalog = GraphModelCatalog.read(Path.of(args[0]));
        List<GraphModelCatalog.Entry> selected = select(catalog, Arrays.asList(args).subList(4, args.length));
        Path out = Path.of(args[3]);
        List<ModelEntry> converted = new ArrayList<>();
        for (GraphModelCatalog.Entry e : selected) {
            converted.add(convert(catalog, e, new NpmTarballCache(Path.of(args[1])), Path.of(args[2]), out));
        }
        if (!converted.isEmpty()) {
            mergeManifest(out.resolve(ModelManifest.FILE_NAME), converted);
        }
        System.out.printf("[models] tfjs graph models converted: %d%n", converted.size());
    }

    /**
     * {@code --build}: the models marked {@code build}; otherwise the named models. An unknown name fails, naming
     * the models the catalog has.
     */
    static List<GraphModelCatalog.Entry> select(GraphModelCatalog catalog, List<String> args) {
        if (args.equals(List.of("--build"))) {
            return catalog.models().stream().filter(GraphModelCatalog.Entry::build).toList();
        }
        List<GraphModelCatalog.Entry> selected = new ArrayList<>();
        for (String name : args) {
            selected.add(catalog.model(name).orElseThrow(() -> new IllegalArgumentException("no model " + name
                    + " in " + GraphModelCatalog.FILE_NAME + "; known: "
                    + catalog.models().stream().map(GraphModelCatalog.Entry::name).toList())));
        }
        return selected;
    }

    /** Fetches (cached, sha512-verified), extracts and converts one model into {@code outputDir}. */
    public static ModelEntry convert(GraphModelCatalog catalog, GraphModelCatalog.Entry entry, NpmTarballCache cache,
            Path extractRoot, Path outputDir) throws IOException {
        long start = System.nanoTime();
        Path packageDir = extractedPackage(catalog.pin(entry).spec(), cache, extractRoot);
        ModelProto model = new TfjsGraphConverter(StandardOps.registry()).convert(GraphModelLoader.load(packageDir, entry), entry.spec(),
                entry.name(), info(catalog.pin(entry).spec(), entry));
        Path file = outputDir.resolve(entry.file());
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file)) {
            model.writeTo(o);
        }
        String sha256 = Digests.sha256Hex(file);
        System.out.printf("[models] %s: %d bytes, sha256 %s, %d ms%n", entry.file(), Files.size(file), sha256,
                (System.nanoTime() - start) / 1_000_000);
        NpmPackageSpec spec = catalog.pin(entry).spec();
        return new ModelEntry(entry.name(), entry.file(), spec.name().replaceAll("^@.*/", "") + "-" + spec.version(),
                spec.name(), spec.version(), sha256);
    }

    /** The package extracted under {@code extractRoot/<tarball name>/package}, extracted once per integrity. */
    public static Path extractedPackage(NpmPackageSpec spec, NpmTarballCache cache, Path extractRoot)
            throws IOException {
        Path tarball = cache.tarball(spec);
        return ConvertFaceApi.extractOnce(spec, tarball, extractRoot.resolve(spec.tarballName().replace(".tgz", "")));
    }

    private static ModelInfo info(NpmPackageSpec spec, GraphModelCatalog.Entry entry) {
        return new ModelInfo("gallery-vision-models tfjs-graph converter", spec.version(),
                entry.name() + " converted from " + spec.coordinate() + " " + entry.path() + ", outputs "
                        + entry.outputs(),
                Map.of("sourcePackage", spec.name(), "sourceVersion", spec.version(), "sourceModel", entry.path()));
    }

    private static void mergeManifest(Path manifest, List<ModelEntry> converted) throws IOException {
        List<ModelEntry> all = new ArrayList<>();
        if (Files.isRegularFile(manifest)) {
            try (InputStream in = Files.newInputStream(manifest)) {
                for (ModelEntry e : ModelManifest.read(in)) {
                    if (converted.stream().noneMatch(c -> c.name().equals(e.name()))) {
                        all.add(e);
                    }
                }
            }
        }
        all.addAll(converted);
        ModelManifest.write(all, manifest);
    }
}
