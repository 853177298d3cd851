package gallery.vision.common.image;

import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per bug of the input path found by the fuzzing work (docs/fuzzing.md says how each was found), on its
 * committed input in {@code JpegInputFuzzTestInputs/}, with the service's default pixel limit. The fuzz tests replay
 * the same inputs.
 */
class JpegDecoderFindingsTest {

    private static final long DEFAULT_MAX_PIXELS = 50_000_000;

    private final JpegDecoder decoder = new JpegDecoder(DEFAULT_MAX_PIXELS, JpegDecoding.JPEG_JS);

    /** 255 components of 15x15 sampling in a 1x65535 frame asked for about 4 GB of coefficient storage. */
    @Test
    void refusesFrameWithManyComponentsBeforeStoringCoefficients() throws IOException {
        byte[] jpeg = input("frame-with-255-components.jpg");

        assertUndecodable(jpeg, "unsupported colour mode (255 components)");
        assertThatThrownBy(() -> decoder.readSize(jpeg)).isInstanceOf(ApiException.class);
    }

    /** Each scan visits every block whatever its size: tiny scans over a large frame made decoding unbounded. */
    @Test
    void refusesMoreScansThanTheLimit() throws IOException {
        assertUndecodable(input("scan-flood-501-scans.jpg"), "more than " + JpegJsParser.MAX_SCANS + " scans");
    }

    @Test
    void decodesAFileWithAsManyScansAsTheLimit() {
        RgbImage image = decoder.decode(dcRefinementScans(JpegJsParser.MAX_SCANS));

        assertThat(image.width()).isEqualTo(8);
        assertThat(image.height()).isEqualTo(8);
    }

    private void assertUndecodable(byte[] jpeg, String reason) {
        assertThatThrownBy(() -> decoder.decode(jpeg)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isEqualTo(ApiError.UNDECODABLE_IMAGE);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    /** An 8x8 progressive gray frame followed by {@code count} one-byte DC refinement scans (as the flood input). */
    private static byte[] dcRefinementScans(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0});
        for (int i = 0; i < count; i++) {
            out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0x10, 0});
        }
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static byte[] input(String name) throws IOException {
        try (InputStream in = JpegDecoderFindingsTest.class.getResourceAsStream("JpegInputFuzzTestInputs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
