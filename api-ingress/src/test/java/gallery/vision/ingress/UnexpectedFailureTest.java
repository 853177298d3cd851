package gallery.vision.ingress;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug in an analyzer (an exception that is no {@code ApiException}) answers 500 with a JSON error, and the log
 * shows that exception with its own stack trace, down to the analyzer's frame.
 */
@EmbeddedIngressTest
@Import(UnexpectedFailureTest.FailingObjectsAnalyzer.class)
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest {

    private static final String MESSAGE = "analyzer bug for the test";

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @TestConfiguration
    static class FailingObjectsAnalyzer {

        @Bean
        InstalledAnalyzer failingObjects() {
            return new InstalledAnalyzer(AnalysisKind.OBJECTS, new ModelRef("failing", "1"), UnexpectedFailureTest::explode);
        }
    }

    static Object explode(RgbImage image) {
        throw new IllegalStateException(MESSAGE);
    }

    @LocalServerPort
    int port;

    @Test
    void logsAnAnalyzersUnexpectedExceptionWithItsStackTraceAndAnswers500Json(CapturedOutput output) {
        assertJsonError(new Http(port).postJpeg("/objects", TestJpegs.baseline(32, 24)), 500, "internal error");

        assertThat(output.getAll())
                .contains("java.lang.IllegalStateException: " + MESSAGE)
                .contains("at gallery.vision.ingress.UnexpectedFailureTest.explode(");
    }
}
