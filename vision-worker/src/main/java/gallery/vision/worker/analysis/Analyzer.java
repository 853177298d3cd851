package gallery.vision.worker.analysis;

import gallery.vision.common.image.RgbImage;

/**
 * Turns decoded pixels into the {@code data} of one analysis' answer (a list of faces, of detections, an embedding).
 *
 * <p>Implementations are thread-safe: one instance serves every request. Models are shared; anything that is not
 * thread-safe (a DJL {@code Predictor}) is held per thread or per call.
 */
@FunctionalInterface
public interface Analyzer {

    /** Analyzes one image; the result is serialised to JSON as the answer's {@code data}. */
    Object analyze(RgbImage image);
}
