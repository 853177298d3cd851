package gallery.vision.worker.evaluation.networks;

import gallery.vision.worker.image.StretchResize;

/**
 * Reorders an interleaved image ({@code HWC}, as {@link StretchResize} writes it) to planar {@code CHW}, for networks
 * whose input is NCHW (nanodet). Stateless and thread-safe.
 */
final class ChannelsFirst {

    private ChannelsFirst() {
    }

    /** A new array holding the {@code channels} planes of the {@code width x height} interleaved {@code hwc}. */
    static float[] of(float[] hwc, int width, int height, int channels) {
        int plane = width * height;
        if (hwc.length != plane * channels) {
            throw new IllegalArgumentException("expected " + plane * channels + " values, got " + hwc.length);
        }
        float[] chw = new float[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                chw[c * plane + p] = hwc[p * channels + c];
            }
        }
        return chw;
    }
}
