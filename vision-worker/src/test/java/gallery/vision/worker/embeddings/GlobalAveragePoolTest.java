package gallery.vision.worker.embeddings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalAveragePoolTest {

    @Test
    void averagesEachChannelOverAllPositions() {
        // 3 positions x 2 channels
        float[] pooled = GlobalAveragePool.of(new float[] {1, 10, 2, 20, 6, 0}, 2);

        assertThat(pooled).containsExactly(3f, 10f);
    }

    @Test
    void leavesAnAlreadyPooledVectorUnchanged() {
        assertThat(GlobalAveragePool.of(new float[] {0.5f, 2f, 0f}, 3)).containsExactly(0.5f, 2f, 0f);
    }

    @Test
    void rejectsValuesThatAreNotWholePositions() {
        assertThatThrownBy(() -> GlobalAveragePool.of(new float[5], 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
