package gallery.vision.ingress.models;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;

import java.util.Optional;

/**
 * The model that answers an analysis here: the installed analyzer's in embedded mode, the one the workers announced
 * in distributed mode (each mode's configuration provides it). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ModelCatalog {

    /** The model, or empty when the analysis has none installed (its route answers 503). */
    Optional<ModelRef> model(AnalysisKind kind);
}
