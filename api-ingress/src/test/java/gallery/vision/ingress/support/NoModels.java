package gallery.vision.ingress.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model directory that installs no model: a manifest listing nothing. Pointing {@code MODEL_DIR} at it makes every
 * analysis answer 503 "not installed", whatever models the build packaged.
 */
public final class NoModels {

    private static Path directory;

    private NoModels() {
    }

    public static synchronized String directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("gallery-vision-no-models");
                Files.writeString(directory.resolve("manifest.json"), "[]\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory.toString();
    }
}
