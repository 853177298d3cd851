package gallery.vision.worker.evaluation.networks;

import gallery.vision.worker.image.PixelScaling;
import gallery.vision.worker.objects.CocoClasses;
import gallery.vision.worker.objects.DetectorModel;
import gallery.vision.worker.objects.ScoredBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * human-models' {@code nanodet} (COCO, NCHW 416x416 input, values 0..1), decoded as human 3.3's
 * {@code object/nanodet.ts} decodes it: three heads (13x13, 26x26, 52x52 cells) each give 80 class scores and
 * 4 x 11 box-distance bins per cell; a cell's class with a score above the floor becomes a box around the cell's
 * centre whose four distances are the index of the highest bin (no softmax) times {@code 2.5 / (32 * k)} of the
 * image, {@code k} = 1, 2, 4 per head, clamped to the image. Like human, class 61 ({@code toilet}) is skipped.
 * An evaluation candidate only (docs/model-choice.md), not shipped. Stateless, thread-safe.
 */
public final class NanoDetModel implements DetectorModel {

    public static final String NAME = "nanodet";
    private static final int INPUT = 416;
    private static final int BINS = 11;
    private static final float SCALE_BOX = 2.5f;
    private static final int SKIPPED_CLASS = 61;
    /** Per head: grid side, score output, box output. */
    private static final List<Head> HEADS = List.of(new Head(13, 1, "Identity_2", "Identity_5"),
            new Head(26, 2, "Identity_1", "Identity_4"), new Head(52, 4, "Identity", "Identity_3"));

    private record Head(int grid, int k, String scores, String boxes) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String inputName() {
        return "input_1";
    }

    @Override
    public int inputSize() {
        return INPUT;
    }

    @Override
    public PixelScaling scaling() {
        return PixelScaling.UNIT;
    }

    @Override
    public long[] inputShape() {
        return new long[] {1, 3, INPUT, INPUT};
    }

    @Override
    public float[] toInputLayout(float[] hwc) {
        return ChannelsFirst.of(hwc, INPUT, INPUT, 3);
    }

    @Override
    public List<String> outputNames() {
        return HEADS.stream().flatMap(h -> java.util.stream.Stream.of(h.scores(), h.boxes())).toList();
    }

    @Override
    public List<ScoredBox> decode(Map<String, float[]> outputs, float minScore) {
        List<ScoredBox> boxes = new ArrayList<>();
        for (Head head : HEADS) {
            float[] scores = outputs.get(head.scores());
            float[] bins = outputs.get(head.boxes());
            float unit = SCALE_BOX / head.k() * head.grid() / head.k() / INPUT;
            for (int i = 0; i < head.grid() * head.grid(); i++) {
                float cx = (0.5f + i % head.grid()) / head.grid();
                float cy = (0.5f + i / head.grid()) / head.grid();
                for (int c = 0; c < CocoClasses.COUNT; c++) {
                    float score = scores[i * CocoClasses.COUNT + c];
                    if (score > minScore && c != SKIPPED_CLASS) {
                        boxes.add(new ScoredBox(clamp(cx - unit * argMax(bins, i, 0)),
                                clamp(cy - unit * argMax(bins, i, 1)), clamp(cx + unit * argMax(bins, i, 2)),
                                clamp(cy + unit * argMax(bins, i, 3)), score, c));
                    }
                }
            }
        }
        return boxes;
    }

    private static int argMax(float[] bins, int cell, int side) {
        int base = cell * 4 * BINS + side * BINS;
        int best = 0;
        for (int b = 1; b < BINS; b++) {
            if (bins[base + b] > bins[base + best]) {
                best = b;
            }
        }
        return best;
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
