package gallery.vision.worker.evaluation.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Options shared by the evaluation's commands ({@code --option value} pairs) and the paths they resolve to: the
 * repository's {@code tools/eval-photos}, the fetched photos and the raw-output cache.
 */
public record EvalPaths(Map<String, String> options, Path tools, Path photos, Path cache) {

    public static final String DEFAULT_OUTPUTS = ".cache/gallery-vision/eval-photos/outputs";

    public static EvalPaths parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        String home = System.getProperty("user.home");
        Path repo = options.containsKey("repo") ? Path.of(options.get("repo")) : findRepo();
        return new EvalPaths(options, repo.resolve("tools/eval-photos"),
                Path.of(options.getOrDefault("photos", home + "/.cache/gallery-vision/eval-photos/photos")),
                Path.of(options.getOrDefault("cache", home + "/" + DEFAULT_OUTPUTS)));
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** The repository root: the first directory upwards from the working directory holding the photo manifest. */
    public static Path findRepo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/eval-photos/photos.tsv"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tools/eval-photos/photos.tsv above " + Path.of("").toAbsolutePath()
                + "; pass --repo");
    }
}
