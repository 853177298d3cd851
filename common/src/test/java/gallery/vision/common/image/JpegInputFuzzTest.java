package gallery.vision.common.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Coverage-guided fuzzing (Jazzer) of everything a request body reaches before an analyzer: the signature checks
 * and both {@link JpegDecoding}s. Invariant ({@link JpegInputInvariant}): every body ends as a decoded image within
 * the pixel limit or an {@link ApiException} with a 4xx status, never another exception, a 5xx, an
 * OutOfMemoryError or a hang (a per-input limit of
 * 10 s while fuzzing: {@code scripts/fuzz.sh} sets it); our own jpeg-js-compatible decoder must moreover refuse damaged data
 * on purpose ({@link IllegalStateException}, {@link IllegalArgumentException}), not by tripping over it.
 *
 * <p>In the normal build (regression mode) each method runs on the seeds of {@link JpegFuzzSeeds} and on the
 * committed findings in {@code src/test/resources/gallery/vision/common/image/JpegInputFuzzTestInputs/<method>/}.
 * With {@code JAZZER_FUZZ=1} one method fuzzes for {@code jazzer.max_duration}: see {@code docs/fuzzing.md} (CI
 * runs {@code scripts/fuzz.sh}, 30 s per decoder).
 */
class JpegInputFuzzTest {

    /** Small, so every input decodes in milliseconds and an allocation beyond the limit shows up as memory. */
    static final long MAX_PIXELS = 256 * 256;

    private static final JpegDecoder JPEG_JS = new JpegDecoder(MAX_PIXELS, JpegDecoding.JPEG_JS);
    private static final JpegDecoder IMAGEIO = new JpegDecoder(MAX_PIXELS, JpegDecoding.IMAGEIO);

    static Stream<Arguments> seeds() {
        return JpegFuzzSeeds.all().entrySet().stream().map(e -> arguments(named(e.getKey(), e.getValue())));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "30s")
    void jpegJs(byte[] body) {
        JpegInputInvariant.refusesOnPurpose(new JpegJsDecoder(MAX_PIXELS), body);
        JpegInputInvariant.holds(JPEG_JS, body, MAX_PIXELS);
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "30s")
    void imageIo(byte[] body) {
        JpegInputInvariant.holds(IMAGEIO, body, MAX_PIXELS);
    }

    @Test
    void seedsIncludeDecodableImagesForBothDecoders() {
        long decodable = JpegFuzzSeeds.all().values().stream().filter(body -> {
            try {
                JPEG_JS.decode(body);
                IMAGEIO.decode(body);
                return true;
            } catch (ApiException e) {
                return false;
            }
        }).count();
        assertThat(decodable).isGreaterThanOrEqualTo(19);
    }
}
