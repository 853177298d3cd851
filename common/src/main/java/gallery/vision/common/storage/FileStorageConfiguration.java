package gallery.vision.common.storage;

import gallery.vision.common.DeploymentProfiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;

/**
 * Embedded mode's storage housekeeping: stored images under {@code DATA_DIR} expire after {@code IMAGE_TTL} and
 * temporary files of a killed run are removed. Needs the {@link FileBlobStore} bean (the analysis core provides it).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DeploymentProfiles.EMBEDDED)
@EnableConfigurationProperties(ImageExpiryProperties.class)
public class FileStorageConfiguration {

    @Bean
    FileStoreSweeper fileStoreSweeper(FileBlobStore store, ImageExpiryProperties images) {
        return new FileStoreSweeper(store, images.ttl(), Clock.systemUTC()).start(images.sweepInterval());
    }
}
