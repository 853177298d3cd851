package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CosineTest {

    @Test
    void isOneForParallelAndZeroForOrthogonalVectors() {
        assertThat(Cosine.similarity(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(1, within(1e-12));
        assertThat(Cosine.similarity(new float[] {1, 0}, new float[] {0, 3})).isZero();
        assertThat(Cosine.similarity(new float[] {1, 1}, new float[] {1, 0})).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void isZeroWhenAVectorIsAllZeros() {
        assertThat(Cosine.similarity(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void rejectsVectorsOfDifferentLengths() {
        assertThatThrownBy(() -> Cosine.similarity(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
