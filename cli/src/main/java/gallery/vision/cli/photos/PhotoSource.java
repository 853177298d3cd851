package gallery.vision.cli.photos;

import gallery.vision.cli.plan.Candidate;
import gallery.vision.cli.plan.Scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A folder of JPEGs as a source of images, each known by its path relative to the folder. Thread-safe. */
public final class PhotoSource {

    private final Path root;
    private final NdjsonResults results;
    private final PhotoWalker walker = new PhotoWalker();

    public PhotoSource(Path root, NdjsonResults results) {
        this.root = root;
        this.results = results;
    }

    public Scan scan() throws IOException {
        List<Candidate> candidates = walker.walk(root).stream()
                .map(photo -> new Candidate(results.key(photo), photo, results.existing(photo)))
                .toList();
        return new Scan(candidates, List.of());
    }
}
