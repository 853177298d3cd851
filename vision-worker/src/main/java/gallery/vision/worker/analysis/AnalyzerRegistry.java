package gallery.vision.worker.analysis;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ModelRef;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The analyzers installed in this process, one per analysis at most. Immutable, so thread-safe. */
public final class AnalyzerRegistry {

    private final Map<AnalysisKind, InstalledAnalyzer> byKind = new EnumMap<>(AnalysisKind.class);

    public AnalyzerRegistry(Collection<InstalledAnalyzer> installed) {
        for (InstalledAnalyzer analyzer : installed) {
            InstalledAnalyzer previous = byKind.putIfAbsent(analyzer.kind(), analyzer);
            if (previous != null) {
                throw new IllegalStateException("two analyzers for " + analyzer.kind().path() + ": "
                        + previous.model() + " and " + analyzer.model());
            }
        }
    }

    /** The analyses installed here, in {@link AnalysisKind} order. */
    public Set<AnalysisKind> installed() {
        return Collections.unmodifiableSet(byKind.keySet());
    }

    /** The model that answers the analysis here, if one is installed. */
    public Optional<ModelRef> model(AnalysisKind kind) {
        return Optional.ofNullable(byKind.get(kind)).map(InstalledAnalyzer::model);
    }

    /** The installed analyzer, or the client-visible 503 that says which model is missing. */
    public InstalledAnalyzer require(AnalysisKind kind) {
        InstalledAnalyzer analyzer = byKind.get(kind);
        if (analyzer == null) {
            throw ApiError.MODEL_NOT_INSTALLED.exception(kind.path());
        }
        return analyzer;
    }
}
