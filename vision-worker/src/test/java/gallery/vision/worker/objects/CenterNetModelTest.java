package gallery.vision.worker.objects;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CenterNetModelTest {

    private static final int GRID = 128;

    private static float[] heat() {
        return new float[GRID * GRID * 80];
    }

    private static void set(float[] heat, int x, int y, int cls, float v) {
        heat[(y * GRID + x) * 80 + cls] = v;
    }

    @Test
    void decodesAPeakIntoABoxAroundCellTimesStride() {
        float[] heat = heat();
        float[] wh = new float[GRID * GRID * 4];
        set(heat, 10, 20, 16, 0.7f);
        int cell = 20 * GRID + 10;
        wh[cell * 4] = 8;       // left
        wh[cell * 4 + 1] = 16;  // top
        wh[cell * 4 + 2] = 24;  // right
        wh[cell * 4 + 3] = 32;  // bottom

        List<ScoredBox> boxes = new CenterNetModel().decode(
                Map.of("tower_0/keypoints", heat, "tower_0/wh", wh), 0.1f);

        assertThat(boxes).hasSize(1);
        ScoredBox b = boxes.get(0);
        assertThat(b.classIndex()).isEqualTo(16);
        assertThat(b.score()).isEqualTo(0.7f);
        assertThat(b.left()).isCloseTo((40 - 8) / 512f, within(1e-6f));
        assertThat(b.top()).isCloseTo((80 - 16) / 512f, within(1e-6f));
        assertThat(b.right()).isCloseTo((40 + 24) / 512f, within(1e-6f));
        assertThat(b.bottom()).isCloseTo((80 + 32) / 512f, within(1e-6f));
    }

    @Test
    void keepsOnlyCellsThatAreTheMaximumOfTheir3x3Neighbourhood() {
        float[] heat = heat();
        set(heat, 50, 50, 0, 0.9f);
        set(heat, 51, 50, 0, 0.8f);   // next to a higher cell of the same class: not a peak
        set(heat, 52, 50, 3, 0.8f);   // other class: its own peak
        set(heat, 53, 50, 0, 0.05f);  // a peak below the floor

        List<ScoredBox> boxes = new CenterNetModel().decode(
                Map.of("tower_0/keypoints", heat, "tower_0/wh", new float[GRID * GRID * 4]), 0.1f);

        assertThat(boxes).extracting(ScoredBox::classIndex).containsExactly(0, 3);
    }

    @Test
    void unmirroredOutputsDecodeToTheMirrorImageOfTheMirroredInputsBox() {
        float[] heat = heat();
        float[] wh = new float[GRID * GRID * 4];
        set(heat, 10, 20, 16, 0.7f);
        int cell = 20 * GRID + 10;
        wh[cell * 4] = 8;
        wh[cell * 4 + 1] = 16;
        wh[cell * 4 + 2] = 24;
        wh[cell * 4 + 3] = 32;
        CenterNetModel model = new CenterNetModel();

        List<ScoredBox> boxes = model.decode(model.unmirror(Map.of("tower_0/keypoints", heat, "tower_0/wh", wh)),
                0.1f);

        // in the mirrored input the box spans x 32..64 (cell 10 at 40, 8 left, 24 right): here 512-64 .. 512-32
        assertThat(boxes).hasSize(1);
        ScoredBox b = boxes.get(0);
        assertThat(b.score()).isEqualTo(0.7f);
        assertThat(b.left()).isCloseTo(448 / 512f, within(1e-6f));
        assertThat(b.right()).isCloseTo(480 / 512f, within(1e-6f));
        assertThat(b.top()).isCloseTo((80 - 16) / 512f, within(1e-6f));
        assertThat(b.bottom()).isCloseTo((80 + 32) / 512f, within(1e-6f));
    }

    @Test
    void unmirroringTwiceGivesTheOutputsBack() {
        float[] heat = heat();
        float[] wh = new float[GRID * GRID * 4];
        for (int i = 0; i < wh.length; i++) {
            wh[i] = i % 97;
        }
        set(heat, 3, 7, 2, 0.4f);
        CenterNetModel model = new CenterNetModel();

        Map<String, float[]> twice = model.unmirror(model.unmirror(Map.of("tower_0/keypoints", heat,
                "tower_0/wh", wh)));

        // isEqualTo compares arrays with Arrays.equals (containsExactly is far too slow for 1.3 million values)
        assertThat(twice.get("tower_0/keypoints")).isEqualTo(heat);
        assertThat(twice.get("tower_0/wh")).isEqualTo(wh);
    }
}
