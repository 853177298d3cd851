package gallery.vision.worker.evaluation.transform;

import gallery.vision.common.image.RgbImage;

/**
 * Shrinks an image by area averaging: each output pixel is the mean of the source area it covers, with fractional
 * weights at the edges. Separable (rows, then columns), in doubles, rounded once at the end. Thread-safe.
 */
public final class AreaResize {

    private AreaResize() {
    }

    /** Scales so that the longer side is at most {@code maxSide}; returns the image itself when it already fits. */
    public static RgbImage fitWithin(RgbImage image, int maxSide) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        return resize(image, width, height);
    }

    /** Resizes to {@code width} x {@code height}, each at most the source's. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        if (width > image.width() || height > image.height() || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("area resize only shrinks: " + image.width() + "x" + image.height()
                    + " -> " + width + "x" + height);
        }
        int sourceWidth = image.width();
        int sourceHeight = image.height();
        // Rows: sourceWidth -> width, one source row at a time (a full-size copy in doubles would be large).
        double[] rows = new double[width * sourceHeight * 3];
        double[] line = new double[sourceWidth * 3];
        for (int y = 0; y < sourceHeight; y++) {
            for (int i = 0; i < line.length; i++) {
                line[i] = image.rgb()[y * sourceWidth * 3 + i] & 0xff;
            }
            resampleLine(line, 0, 3, sourceWidth, rows, y * width * 3, 3, width);
        }
        // Columns: sourceHeight -> height; within a column the step is one row.
        double[] out = new double[width * height * 3];
        for (int x = 0; x < width; x++) {
            resampleLine(rows, x * 3, width * 3, sourceHeight, out, x * 3, width * 3, height);
        }
        byte[] rgb = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            rgb[i] = (byte) Math.min(255, Math.max(0, Math.round(out[i])));
        }
        return new RgbImage(width, height, rgb);
    }

    /** Area-averages one line of {@code inCount} RGB pixels into {@code outCount} pixels. */
    private static void resampleLine(double[] in, int inOffset, int inStep, int inCount,
                                     double[] out, int outOffset, int outStep, int outCount) {
        double scale = (double) inCount / outCount;
        for (int o = 0; o < outCount; o++) {
            double from = o * scale;
            double to = (o + 1) * scale;
            int first = (int) Math.floor(from);
            int last = Math.min(inCount - 1, (int) Math.ceil(to) - 1);
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int i = first; i <= last; i++) {
                    double weight = Math.min(to, i + 1) - Math.max(from, i);
                    sum += in[inOffset + i * inStep + c] * weight;
                }
                out[outOffset + o * outStep + c] = sum / (to - from);
            }
        }
    }
}
