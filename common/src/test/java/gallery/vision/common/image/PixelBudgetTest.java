package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PixelBudgetTest {

    @Test
    void capsAClaimLargerThanTheWholeBudgetAtTheBudget() {
        PixelBudget budget = new PixelBudget(1000, Duration.ZERO);

        try (PixelLease lease = budget.claim(new ImageSize(100, 100))) {
            assertThat(budget.inUse()).isEqualTo(1000);
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void refusesWithDecodeBusyWhenTheClaimDoesNotFitWithinTheWait() {
        PixelBudget budget = new PixelBudget(1000, Duration.ofMillis(50));
        PixelLease held = budget.claim(new ImageSize(30, 30));

        assertThatThrownBy(() -> budget.claim(new ImageSize(10, 20)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.DECODE_BUSY));
        assertThat(budget.claim(new ImageSize(10, 10))).isNotNull();
        held.close();
    }

    @Test
    void givesAClaimBackOnceHoweverOftenItIsClosed() {
        PixelBudget budget = new PixelBudget(1000, Duration.ZERO);
        PixelLease first = budget.claim(new ImageSize(20, 20));
        PixelLease second = budget.claim(new ImageSize(20, 20));

        first.close();
        first.close();

        assertThat(budget.inUse()).isEqualTo(400);
        second.close();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void releasingAnImageSourceDropsItsPixelsAndGivesItsClaimBack() {
        PixelBudget budget = new PixelBudget(1000, Duration.ZERO);
        ImageSource source = ImageSource.decoded(new byte[] {1}, new RgbImage(2, 2, new byte[12]),
                budget.claim(new ImageSize(2, 2)));

        source.release();

        assertThat(budget.inUse()).isZero();
        assertThat(source.jpeg()).containsExactly(1);
        assertThatThrownBy(source::pixels).isInstanceOf(IllegalStateException.class);
    }
}
