package gallery.vision.models.faceapi;

import gallery.vision.common.image.RgbImage;

/**
 * Network inputs built the way face-api's {@code NetInput.toBatchTensor} builds them: pad to square with zeros (at
 * the end, or centred), then TensorFlow's bilinear resize (align_corners=false, half_pixel_centers=false). Used for
 * the int8 calibration inputs and by the parity tests. Stateless, thread-safe.
 */
public final class FaceApiInput {

    private FaceApiInput() {
    }

    /** A crop of an image (clamped to it). */
    public static RgbImage crop(RgbImage img, int x, int y, int w, int h) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y);
        int x1 = Math.min(img.width(), x + w), y1 = Math.min(img.height(), y + h);
        byte[] out = new byte[(x1 - x0) * (y1 - y0) * 3];
        for (int r = y0; r < y1; r++) {
            System.arraycopy(img.rgb(), (r * img.width() + x0) * 3, out, (r - y0) * (x1 - x0) * 3, (x1 - x0) * 3);
        }
        return new RgbImage(x1 - x0, y1 - y0, out);
    }

    /** NHWC float tensor {@code [size, size, 3]} of 0..255 values. */
    public static float[] batchTensor(RgbImage img, int size, boolean centred) {
        int side = Math.max(img.width(), img.height());
        int diff = Math.abs(img.width() - img.height());
        int before = centred ? diff - Math.round(diff * 0.5f) : 0;
        int offX = img.width() < img.height() ? before : 0;
        int offY = img.height() < img.width() ? before : 0;
        float[] square = new float[side * side * 3];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    square[((y + offY) * side + x + offX) * 3 + c] = img.channel(x, y, c);
                }
            }
        }
        return side == size ? square : resizeBilinear(square, side, size);
    }

    /** TensorFlow's bilinear resize of a square RGB float image of side {@code in} to side {@code out}. */
    public static float[] resizeBilinear(float[] src, int in, int out) {
        float[] dst = new float[out * out * 3];
        float scale = (float) in / out;
        for (int y = 0; y < out; y++) {
            float sy = y * scale;
            int y0 = (int) Math.floor(sy), y1 = Math.min(y0 + 1, in - 1);
            float dy = sy - y0;
            for (int x = 0; x < out; x++) {
                float sx = x * scale;
                int x0 = (int) Math.floor(sx), x1 = Math.min(x0 + 1, in - 1);
                float dx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    float tl = src[(y0 * in + x0) * 3 + c], tr = src[(y0 * in + x1) * 3 + c];
                    float bl = src[(y1 * in + x0) * 3 + c], br = src[(y1 * in + x1) * 3 + c];
                    float top = tl + (tr - tl) * dx;
                    float bottom = bl + (br - bl) * dx;
                    dst[(y * out + x) * 3 + c] = top + (bottom - top) * dy;
                }
            }
        }
        return dst;
    }
}
