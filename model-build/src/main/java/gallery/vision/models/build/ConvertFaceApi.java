package gallery.vision.models.build;

import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.models.faceapi.FaceApiNetwork;
import gallery.vision.models.faceapi.FaceApiNetworks;
import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.tfjs.WeightMap;
import gallery.vision.models.tfjs.WeightsReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by the models module's pom in {@code process-classes}): fetches the pinned face-api npm package,
 * extracts it, converts its five networks to ONNX and writes them plus {@code manifest.json} to the output
 * directory. Arguments: package name, version, integrity, npm cache dir, extract dir, output dir.
 */
public final class ConvertFaceApi {

    private static final String MARKER = ".extracted-integrity";

    private ConvertFaceApi() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: ConvertFaceApi <package> <version> <integrity> <npm-cache-dir> <extract-dir> <output-dir>");
        }
        NpmPackageSpec spec = new NpmPackageSpec(args[0], args[1], args[2]);
        Path tarball = new NpmTarballCache(Path.of(args[3])).tarball(spec);
        Path packageDir = extractOnce(spec, tarball, Path.of(args[4]));
        List<ModelEntry> entries = convertAll(spec, packageDir.resolve("model"), Path.of(args[5]));
        ModelManifest.write(entries, Path.of(args[5]).resolve(ModelManifest.FILE_NAME));
    }

    /** Extracts unless the extract directory already holds this exact tarball's contents. */
    static Path extractOnce(NpmPackageSpec spec, Path tarball, Path extractDir) throws IOException {
        Path marker = extractDir.resolve(MARKER);
        Path packageDir = extractDir.resolve("package");
        if (Files.isDirectory(packageDir) && Files.isRegularFile(marker)
                && Files.readString(marker).equals(spec.integrity())) {
            return packageDir;
        }
        if (Files.exists(extractDir)) {
            try (var files = Files.walk(extractDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        TarballExtractor.extract(tarball, extractDir);
        Files.writeString(marker, spec.integrity());
        return packageDir;
    }

    static List<ModelEntry> convertAll(NpmPackageSpec spec, Path weightsDir, Path outputDir) throws IOException {
        List<ModelEntry> entries = new ArrayList<>();
        for (FaceApiNetwork net : FaceApiNetworks.all()) {
            long start = System.nanoTime();
            WeightMap weights = WeightsReader.read(weightsDir.resolve(net.weightsManifest()));
            GraphBuilder g = new GraphBuilder(net.modelName());
            net.define(g, weights);
            ModelInfo info = new ModelInfo("gallery-vision-models", spec.version(),
                    "face-api " + net.sourceClass() + " converted from " + spec.coordinate() + " "
                            + net.weightsManifest(),
                    Map.of("sourcePackage", spec.name(), "sourceVersion", spec.version(),
                            "sourceWeights", net.weightsManifest()));
            Path file = outputDir.resolve(net.file());
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                g.build(info).writeTo(out);
            }
            String sha256 = Digests.sha256Hex(file);
            entries.add(new ModelEntry(net.modelName(), net.file(), "face-api-" + spec.version(), spec.name(),
                    spec.version(), sha256));
            System.out.printf("[models] %s: %d bytes, sha256 %s, %d ms%n", net.file(), Files.size(file), sha256,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return entries;
    }
}
