package gallery.vision.common.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A {@link BlobStore} on the local filesystem: each key is a file below the root directory.
 *
 * <p>Crash safety: a value is written to a temporary file in the target's directory, forced to the disk, renamed
 * over the target in one atomic step, and the directory is forced too (as is every directory the put created). So a
 * process killed at any moment leaves either the old value or the new one, never part of one, and once
 * {@link #put} has returned the value survives a crash of the process, and of the machine where the disk honours a
 * flush. A killed put may leave its temporary file behind: such files start with a dot, are never read, and
 * {@link #deleteAbandonedTemporaryFiles()} removes them.
 *
 * <p>Thread-safe: concurrent puts of one key each write their own temporary file; the last rename wins.
 */
public final class FileBlobStore implements BlobStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final String TEMP_PREFIX = ".put-";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Names this process's temporary files: any other one was left by a process that is gone. */
    private static final String RUN_PREFIX = TEMP_PREFIX + Long.toHexString(new SecureRandom().nextLong()) + "-";

    private final Path root;

    public FileBlobStore(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void put(String key, byte[] value) {
        Path target = resolve(key);
        try {
            Path dir = directoryOf(target);
            Path temp = Files.createTempFile(dir, RUN_PREFIX, TEMP_SUFFIX);
            try {
                writeDurably(temp, value);
                moveIntoPlace(temp, target);
                force(dir);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public Optional<Instant> writtenAt(String key) {
        try {
            return Optional.of(Files.getLastModifiedTime(resolve(key)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + key, e);
        }
    }

    /**
     * Deletes every value below {@code folder} (a key prefix ending in {@code /}, such as {@link StorageKeys#IMAGES})
     * last written before {@code cutoff}. Directories stay (a put may be about to write into one).
     *
     * @return how many values were deleted
     */
    public int deleteWrittenBefore(String folder, Instant cutoff) {
        if (!folder.endsWith("/")) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        FileTime limit = FileTime.from(cutoff);
        return deleteFiles(resolve(folder.substring(0, folder.length() - 1)),
                (file, attributes) -> !isTemporary(file) && attributes.lastModifiedTime().compareTo(limit) < 0);
    }

    /**
     * Deletes the temporary files that puts of an earlier run left behind when its process was killed. Files of puts
     * under way in this process are left alone (their names carry an id of the process); so the data directory must
     * not be shared with another process running at the same time, which embedded mode never does.
     *
     * @return how many files were deleted
     */
    public int deleteAbandonedTemporaryFiles() {
        return deleteFiles(root, (file, attributes) -> isTemporary(file)
                && !file.getFileName().toString().startsWith(RUN_PREFIX));
    }

    /** Deletes the regular files below {@code start} that are {@code doomed}; files that vanish meanwhile are skipped. */
    private int deleteFiles(Path start, BiPredicate<Path, BasicFileAttributes> doomed) {
        if (!Files.isDirectory(start)) {
            return 0;
        }
        int[] deleted = {0};
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && doomed.test(file, attributes) && Files.deleteIfExists(file)) {
                        deleted[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // renamed into place (a temporary file) or deleted meanwhile
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root.relativize(start), e);
        }
        return deleted[0];
    }

    /** The target's directory, created when missing; new directories are forced into their parents. */
    private Path directoryOf(Path target) throws IOException {
        Path dir = target.getParent();
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        for (Path created = dir; !created.equals(root); created = created.getParent()) {
            force(created.getParent());
        }
        return dir;
    }

    private static void writeDurably(Path file, byte[] value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(value);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    /** Lists keys as {@link #deleteFiles} walks: a file renamed into place or deleted meanwhile is skipped. */
    @Override
    public List<String> keys(String prefix) {
        String folder = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        Path start = folder.isEmpty() ? root : resolve(folder.substring(0, folder.length() - 1));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !isTemporary(file)) {
                        String key = root.relativize(file).toString().replace(File.separatorChar, '/');
                        if (key.startsWith(prefix)) {
                            keys.add(key);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + prefix, e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a directory's entries to the disk; where directories cannot be opened (Windows), the rename must do. */
    private static void force(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    private Path resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("unsafe storage key: " + key);
        }
        return root.resolve(key);
    }
}
