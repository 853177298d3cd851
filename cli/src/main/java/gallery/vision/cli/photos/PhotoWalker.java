package gallery.vision.cli.photos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists the JPEGs ({@code .jpg}, {@code .jpeg}, any case) under a folder, recursively, in path order. Thread-safe. */
public final class PhotoWalker {

    public List<Path> walk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(PhotoWalker::isJpeg).sorted().toList();
        }
    }

    static boolean isJpeg(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
