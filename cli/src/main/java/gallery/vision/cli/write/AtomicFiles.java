package gallery.vision.cli.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the whole new one: a temporary file in the same
 * directory, written and fsynced, then renamed over the target atomically (and the directory fsynced where the
 * platform allows). Temporary names start with a dot, so Home Gallery (which reads files that start with an entry's
 * id) never sees one; {@link #isLeftover} recognises those a killed run left behind. Stateless and thread-safe.
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".gallery-vision-";
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}; on failure the target is unchanged and no temporary file stays. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = newTemporary(dir);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates an empty temporary file in {@code dir} under a random name no other file has (default attributes: the
     * umask decides permissions, as for any file the user writes). The name comes from {@link ThreadLocalRandom}, not
     * {@code UUID.randomUUID()}, whose {@code SecureRandom} costs a short-lived tool ~25-40 ms of CPU to load and seed
     * (BENCHMARKS.md, "Bulk re-indexing throughput"); uniqueness is what {@code createFile} checks, not the name.
     */
    private static Path newTemporary(Path dir) throws IOException {
        while (true) {
            Path candidate = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + TEMP_SUFFIX);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another writer's temporary file: draw again
            }
        }
    }

    /** True for the name of a temporary file of {@link #write}, e.g. one left by a run that was killed. */
    public static boolean isLeftover(String fileName) {
        return fileName.startsWith(TEMP_PREFIX) && fileName.endsWith(TEMP_SUFFIX);
    }

    /** Makes the rename durable; a platform that cannot open directories (Windows) skips it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the rename itself is atomic either way
        }
    }
}
