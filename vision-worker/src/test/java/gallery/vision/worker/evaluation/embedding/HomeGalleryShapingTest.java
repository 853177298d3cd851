package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeGalleryShapingTest {

    /** Two features, two directions: y1 = 2 (x1 - 1), y2 = (x1 - 1) - 0.5 x2. */
    private static final List<String> LINES = List.of("# comment", "layout\thalves", "1.0\t2\t1", "0.0\t0\t-0.5");
    private static final HomeGalleryShaping HALVES = HomeGalleryShaping.parse("test", LINES);
    private static final HomeGalleryShaping THRICE = HomeGalleryShaping.parse("test",
            LINES.stream().map(l -> l.replace("halves", "thrice")).toList());

    @Test
    void centresProjectsAndSplitsIntoPositiveThenNegativeParts() {
        // x = (2, 4): y1 = 2 * 1 = 2, y2 = 1 - 2 = -1
        assertThat(HALVES.apply(new float[] {2, 4})).containsExactly(2f, 0f, 0f, 1f);
        assertThat(HALVES.apply(new float[] {1, 0})).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void thriceWritesEachValueThreeTimesSoHomeGallerysEveryThirdValueSeesEachOnce() {
        float[] out = THRICE.apply(new float[] {2, 4});

        assertThat(out).containsExactly(2f, 2f, 2f, 0f, 0f, 0f, 0f, 0f, 0f, 1f, 1f, 1f);
        float[] everyThird = new float[out.length / 3];
        for (int i = 0; i < everyThird.length; i++) {
            everyThird[i] = out[3 * i];
        }
        assertThat(everyThird).containsExactly(HALVES.apply(new float[] {2, 4}));
    }

    @Test
    void answersOnlyNonNegativeValuesAndEachDirectionRisesInItsPositiveHalf() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            float[] out = HALVES.apply(new float[] {random.nextFloat() * 6 - 3, random.nextFloat() * 6 - 3});
            for (float v : out) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
            assertThat(out[0] == 0 || out[2] == 0).as("one of the two halves is zero").isTrue();
        }
        float previous = Float.NEGATIVE_INFINITY;
        for (float x = -3; x <= 3; x += 0.25f) {
            float[] out = HALVES.apply(new float[] {x, 0});
            float signed = out[0] - out[2];
            assertThat(signed).isGreaterThan(previous);
            previous = signed;
        }
    }

    @Test
    void rejectsMalformedParametersAndWrongLengths() {
        assertThatThrownBy(() -> HomeGalleryShaping.parse("t", List.of("1.0\t0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layout");
        assertThatThrownBy(() -> HomeGalleryShaping.parse("t", List.of("layout\thalves", "1.0\t0.5\t1", "1.0\t2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same on every line");
        assertThatThrownBy(() -> HomeGalleryShaping.parse("t", List.of("layout\tsideways", "1.0\t0.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HALVES.apply(new float[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
