package gallery.vision.models.tf;

/**
 * TensorFlow's padding modes for convolutions and pooling, as explicit ONNX pads.
 * <p>{@code SAME}: output size {@code ceil(in / stride)}; the padding needed for that is split with the smaller half
 * before and the larger half after (TensorFlow pads asymmetrically, e.g. 0 before / 1 after for a 3x3 stride-2
 * convolution of an even-sized input). {@code VALID}: no padding, output {@code floor((in - k) / stride) + 1}.
 */
public enum Padding {
    SAME,
    VALID;

    /** Padding and output size along one spatial axis. */
    public record Axis(long before, long after, long outputSize) {
    }

    public Axis along(long inputSize, long kernelSize, long stride) {
        if (this == VALID) {
            if (inputSize < kernelSize) {
                throw new IllegalArgumentException("VALID window " + kernelSize + " larger than input " + inputSize);
            }
            return new Axis(0, 0, (inputSize - kernelSize) / stride + 1);
        }
        long out = (inputSize + stride - 1) / stride;
        long total = Math.max((out - 1) * stride + kernelSize - inputSize, 0);
        return new Axis(total / 2, total - total / 2, out);
    }
}
