package gallery.vision.worker.evaluation.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code photos.tsv} (header {@code id source version path sha1 tags licence}) and locates each photo in the
 * fetch cache as {@code <photosDir>/<id>.<extension of path>}.
 */
public final class PhotoManifest {

    private PhotoManifest() {
    }

    public static List<EvalPhoto> read(Path manifest, Path photosDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(lines, photosDir);
    }

    static List<EvalPhoto> parse(List<String> lines, Path photosDir) {
        if (lines.isEmpty() || !lines.get(0).startsWith("id\t")) {
            throw new IllegalArgumentException("photos.tsv must start with its header line");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        int idColumn = header.indexOf("id");
        int pathColumn = header.indexOf("path");
        int tagsColumn = header.indexOf("tags");
        int sha1Column = header.indexOf("sha1");
        List<EvalPhoto> photos = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String path = cells[pathColumn];
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            List<String> tags = Arrays.stream(cells[tagsColumn].split(",")).map(String::trim)
                    .filter(tag -> !tag.isEmpty()).toList();
            if (tags.isEmpty()) {
                throw new IllegalArgumentException("photo " + cells[idColumn] + " has no tags");
            }
            photos.add(new EvalPhoto(cells[idColumn], tags, photosDir.resolve(cells[idColumn] + "." + extension),
                    cells[sha1Column]));
        }
        return photos;
    }
}
