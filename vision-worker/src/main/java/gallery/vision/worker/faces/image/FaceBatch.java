package gallery.vision.worker.faces.image;

import gallery.vision.worker.djl.Tensors;
import java.nio.FloatBuffer;

import java.util.List;

/**
 * The input of a per-face network: {@code count} face crops, each padded to a square and resized to
 * {@code size x size}, as one NHWC float32 tensor with values 0..255 (face-api's {@code toBatchTensor(size, true)}).
 *
 * @param count faces in the batch
 * @param size  side of each face image
 * @param data  {@code count * size * size * 3} floats, in a direct buffer that becomes the tensor without a copy
 */
public record FaceBatch(int count, int size, FloatBuffer data) {

    public FaceBatch {
        if (count < 1 || data.capacity() != (long) count * size * size * 3) {
            throw new IllegalArgumentException("need " + count + "x" + size + "x" + size + "x3 floats");
        }
    }

    /** Resizes each region into one batch. */
    public static FaceBatch of(List<PixelRegion> regions, int size) {
        int stride = size * size * 3;
        FloatBuffer data = Tensors.directFloats(regions.size() * stride);
        for (int i = 0; i < regions.size(); i++) {
            BilinearResize.resize(regions.get(i), size, data, i * stride);
        }
        return new FaceBatch(regions.size(), size, data);
    }

    public long[] shape() {
        return new long[] {count, size, size, 3};
    }
}
