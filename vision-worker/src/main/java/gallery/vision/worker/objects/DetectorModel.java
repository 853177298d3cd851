package gallery.vision.worker.objects;

import gallery.vision.worker.image.PixelScaling;

import java.util.List;
import java.util.Map;

/**
 * What it takes to run one COCO detector network: its manifest name, its input (size, value range, layout) and how
 * its raw outputs become boxes. Implementations are immutable and thread-safe.
 */
public interface DetectorModel {

    /** The manifest name of its ONNX file, also the answer's {@code model}. */
    String name();

    /** Name of the graph input. */
    String inputName();

    /** Square input side in pixels; the image is stretched to it. */
    int inputSize();

    PixelScaling scaling();

    /** Shape of the input tensor: NHWC {@code [1, size, size, 3]} unless the network wants another layout. */
    default long[] inputShape() {
        return new long[] {1, inputSize(), inputSize(), 3};
    }

    /** The scaled, interleaved (HWC) pixels in the layout of {@link #inputShape()}; as they are for NHWC. */
    default float[] toInputLayout(float[] hwc) {
        return hwc;
    }

    /** Every candidate box with a score of at least {@code minScore}, from the named output tensors. */
    List<ScoredBox> decode(Map<String, float[]> outputs, float minScore);

    /** Names of the outputs {@link #decode} reads. */
    List<String> outputNames();

    /**
     * The outputs {@link #outputNames()} the network gave for its input mirrored left to right, mapped back onto the
     * unmirrored input's frame, so that they can be averaged with the outputs for the input itself before
     * {@link #decode} (flip test-time augmentation). Not every network's outputs can be mapped back.
     *
     * @throws UnsupportedOperationException when this network's outputs cannot be mirrored back
     */
    default Map<String, float[]> unmirror(Map<String, float[]> mirrored) {
        throw new UnsupportedOperationException(name() + " has no flip test-time augmentation");
    }
}
