package gallery.vision.common.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3PropertiesTest {

    @Test
    void toStringNeverShowsTheSecretKey() {
        S3Properties s3 = new S3Properties("http://127.0.0.1:9000", "gallery", "s3-secret-never-printed",
                "gallery-vision", "us-east-1");

        assertThat(s3.toString()).doesNotContain("s3-secret-never-printed").contains("gallery-vision", "gallery");
    }
}
