package gallery.vision.cli.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code GET /models} reports (read by the job client): the model and version of each installed analysis.
 * Immutable.
 *
 * @param installed stamp per installed analysis
 */
public record ServerModels(Map<Analysis, AnswerStamp> installed) {

    public ServerModels {
        installed = Collections.unmodifiableMap(installed.isEmpty() ? new EnumMap<>(Analysis.class) : new EnumMap<>(installed));
    }

    public Optional<AnswerStamp> stamp(Analysis analysis) {
        return Optional.ofNullable(installed.get(analysis));
    }

    public Set<Analysis> analyses() {
        return installed.keySet();
    }
}
