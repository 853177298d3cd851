package gallery.vision.models.tfjs.graph;

import java.nio.file.Path;

/** The npm tarball cache the build uses: system property {@code gallery.vision.npm.cache}, else its default. */
final class NpmCacheDir {

    private NpmCacheDir() {
    }

    static Path get() {
        String dir = System.getProperty("gallery.vision.npm.cache");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "gallery-vision", "npm");
    }
}
