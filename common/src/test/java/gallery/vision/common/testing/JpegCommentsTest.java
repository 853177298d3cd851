package gallery.vision.common.testing;

import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.image.TestJpegs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JpegCommentsTest {

    private final JpegDecoder decoder = new JpegDecoder(50_000_000);

    @Test
    void changesTheBytesButNotThePixels() {
        byte[] jpeg = TestJpegs.baseline(64, 48);

        byte[] commented = JpegComments.withComment(jpeg, "bench 1");

        assertThat(Sha1.hex(commented)).isNotEqualTo(Sha1.hex(jpeg));
        assertThat(Sha1.hex(JpegComments.withComment(jpeg, "bench 2"))).isNotEqualTo(Sha1.hex(commented));
        RgbImage original = decoder.decode(jpeg);
        RgbImage decoded = decoder.decode(commented);
        assertThat(decoded.width()).isEqualTo(original.width());
        assertThat(decoded.height()).isEqualTo(original.height());
        assertThat(decoded.rgb()).isEqualTo(original.rgb());
    }
}
