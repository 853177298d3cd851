package gallery.vision.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the network that computed an answer. Answers are cached per model reference, so a new model version never
 * serves answers of an old one.
 *
 * @param name    the model name reported in the answer's {@code model} field
 * @param version the model version; reported in the {@code version} field where the analysis does so
 */
public record ModelRef(String name, String version) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    public ModelRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!SAFE.matcher(name).matches() || !SAFE.matcher(version).matches()) {
            throw new IllegalArgumentException("model name and version may hold only [A-Za-z0-9._-]: " + name + " " + version);
        }
    }

    /**
     * This model with a post-processing revision appended to its version ({@code 3.0.4} and {@code cal1} give
     * {@code 3.0.4-cal1}): answers whose post-processing changed are then stored, and found stale, as a new version.
     */
    public ModelRef withRevision(String revision) {
        return new ModelRef(name, version + "-" + revision);
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
