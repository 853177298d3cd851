package gallery.vision.worker.djl;

import ai.onnxruntime.OrtEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * ONNX Runtime's fully optimised graphs saved on disk ({@code ONNX_OPTIMIZED_MODEL_DIR}), so that the next start loads
 * them without optimising again (a session of the face detector: ~1.1 s optimising, ~0.3 s from the saved graph).
 * A graph optimised at level ALL holds layout transforms for this CPU, so the file name carries a hash of the model's
 * bytes, the ONNX Runtime version and the CPU's model and flags: another machine or version never reads it.
 * Writing is best effort: a directory that cannot be written only costs the optimisation at the next start. Files
 * are written to a temporary name and moved into place, so concurrent starts never read half a file. Thread-safe.
 */
final class OptimizedModelCache {

    private static final Logger log = LoggerFactory.getLogger(OptimizedModelCache.class);

    private final Path directory;

    OptimizedModelCache(Path directory) {
        this.directory = directory;
    }

    /** Where the optimised form of {@code onnxFile} lives for this machine and runtime (it may not exist yet). */
    Path entryFor(Path onnxFile) throws IOException {
        String stem = onnxFile.getFileName().toString().replaceFirst("\\.onnx$", "");
        return directory.resolve(stem + "-" + key(onnxFile) + ".optimized.onnx");
    }

    /** The saved optimised graph, if a previous start wrote it. */
    static Optional<Path> existing(Path entry) {
        return Files.isRegularFile(entry) ? Optional.of(entry) : Optional.empty();
    }

    /** A fresh temporary path in the directory for ONNX Runtime to write the optimised graph to, or empty. */
    Optional<Path> temporaryFor(Path entry) {
        try {
            Files.createDirectories(directory);
            return Optional.of(Files.createTempFile(directory, entry.getFileName().toString(), ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("optimised ONNX graphs are not saved: cannot write to {} ({})", directory, e.toString());
            return Optional.empty();
        }
    }

    /** Moves a written temporary file into place, or removes it when ONNX Runtime wrote nothing. */
    static void publish(Path temporary, Path entry) {
        try {
            if (Files.size(temporary) == 0) {
                Files.deleteIfExists(temporary);
                return;
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("cannot save the optimised ONNX graph {} ({})", entry.getFileName(), e.toString());
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more to do: a stray temporary file in the cache directory
            }
        }
    }

    private static String key(Path onnxFile) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(onnxFile), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            sha256.update(OrtEnvironment.getEnvironment().getVersion().getBytes(StandardCharsets.UTF_8));
            sha256.update(cpuSignature().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The CPU's model name and feature flags (Linux), or the architecture elsewhere. */
    private static String cpuSignature() {
        StringBuilder signature = new StringBuilder(System.getProperty("os.arch"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") || line.startsWith("flags") || line.startsWith("Features")) {
                    signature.append('\n').append(line);
                }
                if (line.isBlank() && signature.indexOf("\n") >= 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture alone
        }
        return signature.toString();
    }
}
