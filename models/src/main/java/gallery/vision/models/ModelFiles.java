package gallery.vision.models;

import gallery.vision.common.models.ModelEntry;
import gallery.vision.common.models.ModelManifest;
import gallery.vision.common.models.ModelPrecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the worker gets model files: the model directory named by env {@code MODEL_DIR} when set, otherwise the
 * models packaged in this jar under {@value #CLASSPATH_ROOT} (extracted once to a private temporary directory).
 * Every file is checked against the sha256 in the manifest before its path is handed out.
 * <p>One instance hands out the files of one {@link ModelPrecision} (env {@code MODEL_PRECISION}, default fp32): a
 * model whose manifest has no entry of that precision counts as not installed.
 * <p>A model that is not listed, or whose file is absent, gives {@link Optional#empty()} (the caller answers "not
 * installed"); a file whose sha256 differs fails loudly. Thread-safe.
 */
public final class ModelFiles {

    public static final String CLASSPATH_ROOT = "gallery/vision/models/";
    public static final String MODEL_DIR_ENV = "MODEL_DIR";

    private final List<ModelEntry> allEntries;
    private final ModelPrecision precision;
    private final FileSource source;
    private final Map<String, Optional<Path>> verified = new HashMap<>();

    private ModelFiles(List<ModelEntry> allEntries, ModelPrecision precision, FileSource source) {
        this.allEntries = allEntries;
        this.precision = precision;
        this.source = source;
    }

    private ModelFiles(List<ModelEntry> allEntries, FileSource source) {
        this(allEntries, ModelPrecision.FP32, source);
    }

    /**
     * {@code MODEL_DIR} if set and not blank, else the classpath; at the precision of {@code MODEL_PRECISION}.
     *
     * @throws IllegalArgumentException when {@code MODEL_PRECISION} is neither fp32 nor int8 (naming it)
     */
    public static ModelFiles fromEnvironment() {
        ModelPrecision precision = ModelPrecision.fromSetting(System.getenv(ModelPrecision.ENV));
        String dir = System.getenv(MODEL_DIR_ENV);
        if (dir == null || dir.isBlank()) {
            return fromClasspath(ModelFiles.class.getClassLoader()).withPrecision(precision);
        }
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve(ModelManifest.FILE_NAME))) {
            throw new IllegalStateException(MODEL_DIR_ENV + "=" + dir + " has no " + ModelManifest.FILE_NAME);
        }
        return fromDirectory(path).withPrecision(precision);
    }

    /** A model directory: {@code manifest.json} plus the files it lists. */
    public static ModelFiles fromDirectory(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve(ModelManifest.FILE_NAME))) {
            return new ModelFiles(ModelManifest.read(in), new DirectorySource(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model manifest in " + dir, e);
        }
    }

    /** Models packaged on the classpath; none when the manifest is absent. */
    public static ModelFiles fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + ModelManifest.FILE_NAME)) {
            List<ModelEntry> entries = in == null ? List.of() : ModelManifest.read(in);
            return new ModelFiles(entries, new ClasspathSource(loader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath model manifest", e);
        }
    }

    /** The same model files at another precision (fp32 by default). */
    public ModelFiles withPrecision(ModelPrecision other) {
        return other == precision ? this : new ModelFiles(allEntries, other, source);
    }

    public ModelPrecision precision() {
        return precision;
    }

    /** The entries of this instance's precision, in manifest order. */
    public List<ModelEntry> entries() {
        return allEntries.stream().filter(e -> e.modelPrecision() == precision).toList();
    }

    /** The entry of that name at this instance's precision. */
    public Optional<ModelEntry> entry(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** A local path of the verified model file, or empty when the model is not installed. */
    public synchronized Optional<Path> path(String name) {
        Optional<Path> known = verified.get(name);
        if (known != null) {
            return known;
        }
        Optional<Path> p = entry(name).flatMap(this::locateVerified);
        verified.put(name, p);
        return p;
    }

    private Optional<Path> locateVerified(ModelEntry e) {
        try {
            Optional<Path> p = source.local(e.file());
            if (p.isPresent()) {
                String actual = sha256(p.get());
                if (!actual.equalsIgnoreCase(e.sha256())) {
                    throw new IllegalStateException("model " + e.name() + ": " + e.file() + " has sha256 " + actual
                            + ", manifest says " + e.sha256());
                }
            }
            return p;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read model " + e.name() + " (" + e.file() + ")", ex);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Gives a local file for a path relative to the model root, if there is one. */
    private interface FileSource {
        Optional<Path> local(String relativePath) throws IOException;
    }

    private record DirectorySource(Path dir) implements FileSource {
        public Optional<Path> local(String relativePath) {
            Path p = dir.resolve(relativePath);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
    }

    private static final class ClasspathSource implements FileSource {
        private final ClassLoader loader;
        private Path tempDir;

        ClasspathSource(ClassLoader loader) {
            this.loader = loader;
        }

        public Optional<Path> local(String relativePath) throws IOException {
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + relativePath)) {
                if (in == null) {
                    return Optional.empty();
                }
                Path target = tempDir().resolve(relativePath).normalize();
                if (!target.startsWith(tempDir)) {
                    throw new IOException("model file path escapes the model directory: " + relativePath);
                }
                Files.createDirectories(target.getParent());
                target.getParent().toFile().deleteOnExit(); // registered before the file: deleted after it
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
                return Optional.of(target);
            }
        }

        private Path tempDir() throws IOException {
            if (tempDir == null) {
                tempDir = Files.createTempDirectory("gallery-vision-models-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                tempDir.toFile().deleteOnExit();
            }
            return tempDir;
        }
    }
}
