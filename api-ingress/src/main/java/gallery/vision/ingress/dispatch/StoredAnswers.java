package gallery.vision.ingress.dispatch;

import gallery.vision.common.AnalysisKind;

import java.util.Optional;

/** Looks up an answer already computed for an image by the model currently in use. */
@FunctionalInterface
public interface StoredAnswers {

    Optional<byte[]> find(AnalysisKind kind, String sha1);
}
