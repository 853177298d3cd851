package gallery.vision.worker.faces.landmarks;

/**
 * face-api's {@code FaceLandmark68NetBase.postProcess}: the net's 136 outputs (x, y relative to its square input)
 * become positions relative to the unpadded face crop. face-api assumes the padding is split evenly
 * ({@code |w - h| / 2} on the scaled crop), whatever {@code padToSquare} did. Computed in float32 like the tensor
 * ops it replaces. Stateless and thread-safe.
 */
public final class LandmarkDecoder {

    private LandmarkDecoder() {
    }

    /** Relative positions (x0, y0, x1, y1, ...) for one face whose crop was {@code cropWidth x cropHeight}. */
    public static float[] relativePositions(float[] netOutput, int inputSize, int cropWidth, int cropHeight) {
        double scale = (double) inputSize / Math.max(cropHeight, cropWidth);
        double width = cropWidth * scale;
        double height = cropHeight * scale;
        float padX = (float) (width < height ? Math.abs(width - height) / 2 : 0);
        float padY = (float) (height < width ? Math.abs(width - height) / 2 : 0);
        float size = inputSize;
        float[] relative = new float[netOutput.length];
        for (int i = 0; i < netOutput.length; i += 2) {
            relative[i] = (netOutput[i] * size - padX) / (float) width;
            relative[i + 1] = (netOutput[i + 1] * size - padY) / (float) height;
        }
        return relative;
    }
}
