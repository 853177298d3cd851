package gallery.vision.models.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaddingTest {

    @Test
    void samePadsAsymmetricallyWithTheExtraCellAfterForStride2OnEvenInput() {
        assertThat(Padding.SAME.along(512, 3, 2)).isEqualTo(new Padding.Axis(0, 1, 256));
    }

    @Test
    void samePadsSymmetricallyForStride1() {
        assertThat(Padding.SAME.along(32, 3, 1)).isEqualTo(new Padding.Axis(1, 1, 32));
    }

    @Test
    void sameOutputIsCeilOfInputOverStride() {
        assertThat(Padding.SAME.along(7, 3, 2)).isEqualTo(new Padding.Axis(1, 1, 4));
        assertThat(Padding.SAME.along(56, 1, 2)).isEqualTo(new Padding.Axis(0, 0, 28));
    }

    @Test
    void validDoesNotPadAndFloorsTheOutput() {
        assertThat(Padding.VALID.along(150, 7, 2)).isEqualTo(new Padding.Axis(0, 0, 72));
        assertThat(Padding.VALID.along(8, 3, 2)).isEqualTo(new Padding.Axis(0, 0, 3));
    }

    @Test
    void validRejectsAWindowLargerThanTheInput() {
        assertThatThrownBy(() -> Padding.VALID.along(2, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
