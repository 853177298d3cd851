package gallery.vision.worker.faces.parity;

import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.testing.FaceApiPackage;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pixels a fixture was computed on, decoded by our {@link JpegDecoder} (its ImageIO choice, on which these fixtures were computed) from the fixture's source: the seed's
 * images in {@code ../shared/fixtures/seed} (never copied into the repo), face-api's demo photos in the models
 * module's extracted npm package, or an image derived from one of those by the fixture's recipe. Tests skip, naming
 * the missing path, when a source is absent; a decoder whose pixels differ from the reference's fails.
 */
final class ParityImages {

    private ParityImages() {
    }

    static RgbImage load(JsonNode fixture) {
        JsonNode source = fixture.get("source");
        RgbImage image = RecipeImages.derive(decode(sourceFile(source)), source);
        assertThat(Sha1.hex(image.rgb())).as("sha1 of the decoded RGB pixels of " + fixture.get("image").asString()
                + " (a decoder change invalidates the fixture)").isEqualTo(fixture.get("rgbSha1").asString());
        return image;
    }

    private static Path sourceFile(JsonNode source) {
        String file = source.get("file").asString();
        String from = source.get("from").asString();
        Path path;
        if (from.contains("shared/fixtures/seed")) {
            path = repositoryRoot().resolve("../shared/fixtures/seed").resolve(file).normalize();
        } else {
            Optional<Path> demo = FaceApiPackage.demoPhoto(file);
            path = demo.orElse(Path.of(FaceApiPackage.PACKAGE_DIR_IN_REPO, "demo", file));
        }
        assumeTrue(Files.isRegularFile(path), "skipped: test image " + path.toAbsolutePath() + " is absent");
        return path;
    }

    private static RgbImage decode(Path file) {
        try {
            // These fixtures were computed on ImageIO pixels (tools/faceapi-reference/RgbDump.java).
            return new JpegDecoder(100_000_000, JpegDecoding.IMAGEIO).decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worktree root: the nearest ancestor of the working directory with a {@code vision-worker} module. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("vision-worker")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
