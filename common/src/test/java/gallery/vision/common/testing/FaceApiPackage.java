package gallery.vision.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build leaves the extracted {@code @vladmandic/face-api} npm package, so tests of any module can read
 * its demo photos ({@code demo/sample1.jpg} .. {@code sample6.jpg}), weights ({@code model/}) and sources
 * ({@code src/}) at a stable path: {@value #PACKAGE_DIR_IN_REPO} from the repository root (present after
 * {@code mvn test} or {@code package} of the reactor, or of {@code -pl model-build -am}: model-build extracts it in
 * {@code process-classes}).
 */
public final class FaceApiPackage {

    /** The extracted package, relative to the repository root. */
    public static final String PACKAGE_DIR_IN_REPO = "model-build/target/face-api/package";
    /** Demo photo names inside {@code demo/}. */
    public static final String[] DEMO_PHOTOS = {
        "sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg", "sample6.jpg"
    };

    private FaceApiPackage() {
    }

    /**
     * Finds the extracted package from a working directory inside the repository (a module directory or the root):
     * looks in {@code start} and its ancestors.
     */
    public static Optional<Path> locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PACKAGE_DIR_IN_REPO);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@link #locate} from the current working directory (Maven runs tests in the module directory). */
    public static Optional<Path> locate() {
        return locate(Path.of(""));
    }

    public static Optional<Path> demoPhoto(String name) {
        return locate().map(p -> p.resolve("demo").resolve(name)).filter(Files::isRegularFile);
    }
}
