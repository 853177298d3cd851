package gallery.vision.ingress.dispatch.amqp;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.common.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncedModelsTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void readsTheModelAWorkerAnnounced() {
        FileBlobStore store = new FileBlobStore(dir);
        announce(store, new ModelRef("face-api", "1.0"));

        assertThat(new AnnouncedModels(store, JSON, clock, TTL).current(AnalysisKind.FACES))
                .contains(new ModelRef("face-api", "1.0"));
    }

    @Test
    void remembersAnAnnouncementUntilItsTimeToLiveHasPassed() {
        FileBlobStore store = new FileBlobStore(dir);
        announce(store, new ModelRef("face-api", "1.0"));
        AnnouncedModels models = new AnnouncedModels(store, JSON, clock, TTL);
        models.current(AnalysisKind.FACES);

        announce(store, new ModelRef("face-api", "2.0"));
        assertThat(models.current(AnalysisKind.FACES)).contains(new ModelRef("face-api", "1.0"));

        clock.advance(TTL.plusSeconds(1));
        assertThat(models.current(AnalysisKind.FACES)).contains(new ModelRef("face-api", "2.0"));
    }

    @Test
    void seesTheFirstAnnouncementAtOnceAfterFindingNone() {
        FileBlobStore store = new FileBlobStore(dir);
        AnnouncedModels models = new AnnouncedModels(store, JSON, clock, TTL);
        assertThat(models.current(AnalysisKind.OBJECTS)).isEmpty();

        store.put(StorageKeys.modelKey(AnalysisKind.OBJECTS), JSON.writeValueAsBytes(new ModelRef("cocossd", "2.2")));

        assertThat(models.current(AnalysisKind.OBJECTS)).contains(new ModelRef("cocossd", "2.2"));
    }

    private static void announce(FileBlobStore store, ModelRef model) {
        store.put(StorageKeys.modelKey(AnalysisKind.FACES), JSON.writeValueAsBytes(model));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
