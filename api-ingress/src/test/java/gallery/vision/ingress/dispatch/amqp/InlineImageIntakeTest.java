package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.PixelBudget;
import gallery.vision.common.image.TestJpegs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What distributed mode's ingress checks itself and what it leaves to the worker's one decode (pure logic). */
class InlineImageIntakeTest {

    private static final long MAX_PIXELS = 1_000_000;

    private final JpegDecoder decoder = new JpegDecoder(MAX_PIXELS);
    private final PixelBudget budget = new PixelBudget(10_000_000, Duration.ZERO);
    private final InlineImageIntake intake = new InlineImageIntake(decoder, new BudgetedDecoder(decoder, budget), 4096);

    @Test
    void takesASmallJpegInWithoutDecodingItOrClaimingPixels() {
        byte[] jpeg = TestJpegs.baseline(40, 24);
        assertThat(jpeg.length).isLessThanOrEqualTo(4096);

        ImageSource image = intake.accept(jpeg);

        assertThat(image.jpeg()).isSameAs(jpeg);
        assertThat(budget.inUse()).isZero();
        assertThat(image.pixels().width()).as("decoded only when asked for").isEqualTo(40);
    }

    @Test
    void leavesDamagedScanDataOfASmallJpegToTheWorker() {
        byte[] damaged = TestJpegs.truncated(TestJpegs.baseline(60, 40), 0.9);
        assertThatThrownBy(() -> decoder.decode(damaged)).isInstanceOf(ApiException.class);

        ImageSource image = intake.accept(damaged);

        assertThatThrownBy(image::pixels).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isEqualTo(ApiError.UNDECODABLE_IMAGE));
    }

    @Test
    void refusesWhatTheHeaderGivesAwayAtOnce() {
        assertRefused(TestJpegs.png(20, 10), ApiError.NOT_A_JPEG);
        assertRefused(new byte[0], ApiError.EMPTY_BODY);
        assertRefused(TestJpegs.withDeclaredSize(TestJpegs.baseline(20, 10), 2000, 1000), ApiError.TOO_MANY_PIXELS);
    }

    @Test
    void decodesALargeJpegUnderThePixelBudgetAsBefore() {
        byte[] large = TestJpegs.baseline(400, 300);
        assertThat(large.length).isGreaterThan(4096);

        ImageSource image = intake.accept(large);

        assertThat(budget.inUse()).isEqualTo(400L * 300);
        image.release();
        assertThat(budget.inUse()).isZero();
        assertThatThrownBy(() -> intake.accept(TestJpegs.truncated(large, 0.9))).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.UNDECODABLE_IMAGE));
    }

    private void assertRefused(byte[] body, ApiError error) {
        assertThatThrownBy(() -> intake.accept(body)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
