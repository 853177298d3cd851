package gallery.vision.worker.evaluation.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueHistogramTest {

    @Test
    void countsValuesBelowInsideAndAboveTheEncoderRange() {
        ValueHistogram histogram = new ValueHistogram(2); // bins [0, 1.4375) and [1.4375, 2.875)

        histogram.add(new float[] {-1, 0, 1.5f, 2.875f, 3, 1.4f});

        List<Long> counts = histogram.bins().stream().map(ValueHistogram.Bin::count).toList();
        assertThat(counts).containsExactly(1L, 2L, 1L, 2L);
        assertThat(histogram.total()).isEqualTo(6);
        assertThat(histogram.min()).isEqualTo(-1);
        assertThat(histogram.max()).isEqualTo(3);
    }

    @Test
    void countsTheCodesOfTheKeptValues() {
        ValueHistogram histogram = new ValueHistogram(4);

        histogram.add(new float[] {-1, 9, 9, 2.875f, 9, 9, 1.0f});

        assertThat(histogram.codeCounts()).containsExactly(1, 0, 1, 1);
    }
}
