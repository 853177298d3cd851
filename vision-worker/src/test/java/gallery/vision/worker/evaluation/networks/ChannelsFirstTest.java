package gallery.vision.worker.evaluation.networks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsFirstTest {

    @Test
    void channelsFirstMakesPlanes() {
        assertThat(ChannelsFirst.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3))
                .containsExactly(1, 4, 2, 5, 3, 6);
    }
}
