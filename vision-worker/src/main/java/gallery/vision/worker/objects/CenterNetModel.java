package gallery.vision.worker.objects;

import gallery.vision.worker.image.PixelScaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * human-models' {@code centernet} (MobileNet v3 CenterNet, COCO, 512x512 input, pixel values 0..255 as human feeds
 * it). The ONNX graph is cut before the in-graph decoding, which this class does instead, as the TensorFlow graph's
 * {@code tower_0/detections} computes it: a class heat-map cell ({@code keypoints}, 128x128x80, sigmoid) is a peak
 * when it equals the 3x3 max around it (SAME padding); the 100 highest peaks are kept; a peak at cell (x, y) of class
 * c gives the box {@code [4x - l, 4y - t, 4x + r, 4y + b]} in input pixels, where {@code l, t, r, b} are the
 * {@code wh} output at that cell (already scaled by 16 in the graph). Score = the peak value.
 * Stateless, thread-safe.
 */
public final class CenterNetModel implements DetectorModel {

    public static final String NAME = "centernet-mobilenet-v3";
    static final String KEYPOINTS = "tower_0/keypoints";
    static final String SIZES = "tower_0/wh";
    private static final int INPUT = 512;
    private static final int GRID = 128;
    private static final int STRIDE = INPUT / GRID;
    private static final int TOP_K = 100;
    private static final int CLASSES = CocoClasses.COUNT;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String inputName() {
        return "tower_0/images";
    }

    @Override
    public int inputSize() {
        return INPUT;
    }

    @Override
    public PixelScaling scaling() {
        return PixelScaling.RAW;
    }

    @Override
    public List<String> outputNames() {
        return List.of(KEYPOINTS, SIZES);
    }

    @Override
    public List<ScoredBox> decode(Map<String, float[]> outputs, float minScore) {
        float[] heat = outputs.get(KEYPOINTS);
        float[] wh = outputs.get(SIZES);
        List<int[]> peaks = new ArrayList<>();
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                for (int c = 0; c < CLASSES; c++) {
                    float v = heat[(y * GRID + x) * CLASSES + c];
                    if (v >= minScore && v > 0 && isPeak(heat, x, y, c, v)) {
                        peaks.add(new int[] {x, y, c});
                    }
                }
            }
        }
        peaks.sort(Comparator.comparingDouble((int[] p) -> -heat[(p[1] * GRID + p[0]) * CLASSES + p[2]]));
        List<ScoredBox> boxes = new ArrayList<>(Math.min(TOP_K, peaks.size()));
        for (int[] p : peaks.subList(0, Math.min(TOP_K, peaks.size()))) {
            int cell = p[1] * GRID + p[0];
            float cx = p[0] * STRIDE;
            float cy = p[1] * STRIDE;
            boxes.add(new ScoredBox((cx - wh[cell * 4]) / INPUT, (cy - wh[cell * 4 + 1]) / INPUT,
                    (cx + wh[cell * 4 + 2]) / INPUT, (cy + wh[cell * 4 + 3]) / INPUT,
                    heat[cell * CLASSES + p[2]], p[2]));
        }
        return boxes;
    }

    @Override
    public Map<String, float[]> unmirror(Map<String, float[]> mirrored) {
        float[] heat = mirrored.get(KEYPOINTS);
        float[] wh = mirrored.get(SIZES);
        float[] heatOut = new float[heat.length];
        float[] whOut = new float[wh.length];
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                int cell = y * GRID + x;
                int from = y * GRID + (GRID - 1 - x);
                System.arraycopy(heat, from * CLASSES, heatOut, cell * CLASSES, CLASSES);
                // the mirrored cell's point 4x' lands on 4x + STRIDE here: left and right swap and move by a stride
                whOut[cell * 4] = wh[from * 4 + 2] - STRIDE;
                whOut[cell * 4 + 1] = wh[from * 4 + 1];
                whOut[cell * 4 + 2] = wh[from * 4] + STRIDE;
                whOut[cell * 4 + 3] = wh[from * 4 + 3];
            }
        }
        return Map.of(KEYPOINTS, heatOut, SIZES, whOut);
    }

    private static boolean isPeak(float[] heat, int x, int y, int c, float v) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < GRID && ny < GRID && heat[(ny * GRID + nx) * CLASSES + c] > v) {
                    return false;
                }
            }
        }
        return true;
    }
}
