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
    void claimsADecodersWorkingBuffersAndKeepsOnlyTheRgbPixelsOnceDecoded() {
        PixelBudget budget = new PixelBudget(1_000_000, Duration.ZERO);
        PixelLease lease = budget.claim(new DecodeFootprint(new ImageSize(100, 100), 75_000));

        assertThat(budget.inUse()).isEqualTo(25_001);
        lease.keep(100 * 100);
        assertThat(budget.inUse()).isEqualTo(10_000);
        lease.close();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void budgetedDecoderHoldsOnlyTheDecodedImagesPixelsAfterDecoding() {
        PixelBudget budget = new PixelBudget(1_000_000, Duration.ZERO);
        ImageSource source = new BudgetedDecoder(new JpegDecoder(1_000_000), budget).decode(TestJpegs.baseline(64, 64));

        assertThat(budget.inUse()).isEqualTo(64 * 64);
        source.release();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void refusesAnImageWhoseDecoderBuffersDoNotFitAlthoughItsPixelsWould() {
        PixelBudget budget = new PixelBudget(20_000, Duration.ofMillis(20));
        PixelLease held = budget.claim(new ImageSize(125, 100));
        BudgetedDecoder decoder = new BudgetedDecoder(new JpegDecoder(1_000_000), budget);

        // 64x64 = 4096 pixels would fit in the 7500 left, but the jpeg-js-compatible decoder needs 2.5 times that
        assertThatThrownBy(() -> decoder.decode(TestJpegs.baseline(64, 64)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.DECODE_BUSY));
        assertThat(budget.inUse()).isEqualTo(12_500);
        held.close();
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
