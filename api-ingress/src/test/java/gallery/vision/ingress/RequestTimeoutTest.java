package gallery.vision.ingress;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.Http;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;

/** A job that takes longer than REQUEST_TIMEOUT answers 504 with a JSON error, not a hang. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "DATA_DIR=${java.io.tmpdir}/gallery-vision-test/${random.uuid}",
        "REQUEST_TIMEOUT=1s",
        "MODEL_DIR=${java.io.tmpdir}/gallery-vision-test/no-models"})
class RequestTimeoutTest {

    @TestConfiguration
    static class HeldAnalyzer {
        @Bean
        BlockingTestAnalyzer blockingTestAnalyzer() {
            return new BlockingTestAnalyzer();
        }

        @Bean
        InstalledAnalyzer heldObjects(BlockingTestAnalyzer analyzer) {
            return new InstalledAnalyzer(AnalysisKind.OBJECTS, new ModelRef("test-double", "1"), analyzer);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    BlockingTestAnalyzer analyzer;

    @AfterEach
    void release() {
        analyzer.release();
    }

    @Test
    void returns504WhenNoAnswerWithinRequestTimeout() {
        assertJsonError(new Http(port).postJpeg("/objects", TestJpegs.baseline(30, 30)), 504, "no answer within");
    }
}
