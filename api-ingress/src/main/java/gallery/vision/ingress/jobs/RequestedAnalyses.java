package gallery.vision.ingress.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The {@code analyses} query parameter of {@code POST /jobs}: any subset of the three, by default all. */
final class RequestedAnalyses {

    private RequestedAnalyses() {
    }

    /**
     * @param parameter comma-separated analysis names, or null/blank for all three
     * @return the analyses in {@link AnalysisKind}'s order, each once
     * @throws gallery.vision.common.ApiException {@link ApiError#UNKNOWN_ANALYSIS} naming the first unknown name
     */
    static List<AnalysisKind> parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of(AnalysisKind.values());
        }
        Set<AnalysisKind> kinds = EnumSet.noneOf(AnalysisKind.class);
        for (String name : parameter.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                kinds.add(AnalysisKind.fromPath(trimmed).orElseThrow(() -> ApiError.UNKNOWN_ANALYSIS.exception(trimmed)));
            }
        }
        if (kinds.isEmpty()) {
            return List.of(AnalysisKind.values());
        }
        return List.copyOf(kinds);
    }
}
