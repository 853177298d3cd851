package gallery.vision.worker.analysis;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;

import java.util.Objects;

/**
 * An analyzer whose model is installed, with the analysis it answers and the model it runs. Each installed model
 * contributes one of these as a Spring bean; an analysis without one answers 503.
 */
public record InstalledAnalyzer(AnalysisKind kind, ModelRef model, Analyzer analyzer) {

    public InstalledAnalyzer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(analyzer, "analyzer");
    }
}
