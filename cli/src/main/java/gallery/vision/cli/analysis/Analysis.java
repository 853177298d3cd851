package gallery.vision.cli.analysis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three analyses of the service: the name the job API uses ({@code analyses=...}, {@code results.<name>}) and
 * the suffix under which Home Gallery stores the answer next to an entry's previews. This is the client's view of the
 * HTTP contract; the service's own enum is common's {@code AnalysisKind}, not used here because the common module
 * brings the service's storage and image libraries, which this small client jar must not carry.
 */
public enum Analysis {
    EMBEDDINGS("embeddings", "similarity-embeddings.json"),
    OBJECTS("objects", "objects.json"),
    FACES("faces", "faces.json");

    private final String apiName;
    private final String storageSuffix;

    Analysis(String apiName, String storageSuffix) {
        this.apiName = apiName;
        this.storageSuffix = storageSuffix;
    }

    /** The name in the job API's query and result objects, e.g. {@code embeddings}. */
    public String apiName() {
        return apiName;
    }

    /** Home Gallery's storage suffix, e.g. {@code similarity-embeddings.json}. */
    public String storageSuffix() {
        return storageSuffix;
    }

    /** The analysis with this API name, case-insensitive; an unknown name fails naming the valid ones. */
    public static Analysis ofApiName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.apiName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown analysis '" + name + "' (valid: "
                        + names(EnumSet.allOf(Analysis.class)) + ")"));
    }

    /** The analysis with this API name (exact, as the service writes it), if this tool knows it. */
    public static Optional<Analysis> known(String apiName) {
        for (Analysis analysis : values()) {
            if (analysis.apiName.equals(apiName)) {
                return Optional.of(analysis);
            }
        }
        return Optional.empty();
    }

    /** Comma-separated API names in declaration order, e.g. {@code embeddings,objects,faces}. */
    public static String names(Set<Analysis> analyses) {
        return analyses.stream().sorted().map(Analysis::apiName).collect(Collectors.joining(","));
    }
}
