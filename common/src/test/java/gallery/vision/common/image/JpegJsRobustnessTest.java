package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Damaged files reach the jpeg-js-compatible decoder's callers only as 400 errors, never as other exceptions. */
class JpegJsRobustnessTest {

    private static final List<String> FILES = List.of("ycc420-q75-64x48", "ycc420-prog-q85-150x100",
            "ycc420-rst7-q80-203x101", "gray-prog-q75-90x61", "ycck-q75-48x32", "ycc422-q60-64x64");

    private final JpegDecoder decoder = new JpegDecoder(50_000_000, JpegDecoding.JPEG_JS);

    @Test
    void rejectsEveryTruncationWith400() throws IOException {
        for (String name : FILES) {
            byte[] jpeg = corpus(name);
            for (int length = 3; length < jpeg.length; length += Math.max(1, jpeg.length / 40)) {
                byte[] cut = Arrays.copyOf(jpeg, length);
                assertThatThrownBy(() -> decoder.decode(cut)).as("%s cut to %d bytes", name, length)
                        .isInstanceOfSatisfying(ApiException.class,
                                e -> assertThat(e.error()).isEqualTo(ApiError.UNDECODABLE_IMAGE));
            }
            byte[] withoutEoi = Arrays.copyOf(jpeg, jpeg.length - 2);
            assertThatThrownBy(() -> decoder.decode(withoutEoi)).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void answersCorruptedBytesWithAnImageOrA400() throws IOException {
        SplittableRandom random = new SplittableRandom(20261129);
        for (String name : FILES) {
            byte[] jpeg = corpus(name);
            RgbImage intact = decoder.decode(jpeg);
            for (int variant = 0; variant < 150; variant++) {
                byte[] damaged = jpeg.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    damaged[2 + random.nextInt(damaged.length - 2)] = (byte) random.nextInt(256);
                }
                Throwable thrown = catchThrowable(() -> {
                    RgbImage image = decoder.decode(damaged);
                    assertThat(image.rgb()).hasSize(image.width() * image.height() * 3);
                });
                if (thrown != null) {
                    assertThat(thrown).as("%s variant %d", name, variant).isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.error().status()).isIn(400, 413));
                }
            }
            assertThat(decoder.decode(jpeg).rgb()).isEqualTo(intact.rgb());
        }
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = JpegJsRobustnessTest.class.getResourceAsStream("/jpegjs/corpus/" + name + ".jpg")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
