package gallery.vision.common.image;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JPEG decoder with its {@code MAX_PIXELS} limit, alike wherever images are decoded: the ingress validating an
 * upload, a worker (or embedded mode's analysis core) decoding a job's image.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageProperties.class)
public class ImageConfiguration {

    @Bean
    JpegDecoder jpegDecoder(ImageProperties image) {
        return new JpegDecoder(image.maxPixels(), image.jpegDecoding());
    }
}
