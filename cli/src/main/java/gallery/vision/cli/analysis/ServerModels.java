package gallery.vision.cli.analysis;

import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code GET /models} reports: the model and version of each installed analysis. Immutable.
 *
 * @param installed stamp per installed analysis
 */
public record ServerModels(Map<Analysis, AnswerStamp> installed) {

    public ServerModels {
        installed = Collections.unmodifiableMap(installed.isEmpty() ? new EnumMap<>(Analysis.class) : new EnumMap<>(installed));
    }

    /** Reads the {@code GET /models} body; names the service does not know to this tool are ignored. */
    public static ServerModels of(JsonNode body) {
        Map<Analysis, AnswerStamp> installed = new EnumMap<>(Analysis.class);
        for (Analysis analysis : Analysis.values()) {
            JsonNode entry = body.path(analysis.apiName());
            if (entry.isObject()) {
                installed.put(analysis, AnswerStamp.of(entry));
            }
        }
        return new ServerModels(installed);
    }

    public Optional<AnswerStamp> stamp(Analysis analysis) {
        return Optional.ofNullable(installed.get(analysis));
    }

    public Set<Analysis> analyses() {
        return installed.keySet();
    }
}
