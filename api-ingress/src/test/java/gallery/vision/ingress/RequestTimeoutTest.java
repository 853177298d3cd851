package gallery.vision.ingress;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.HeldEmbeddingsAnalyzer;
import gallery.vision.ingress.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import gallery.vision.ingress.support.NoModels;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;

/** A job that takes longer than REQUEST_TIMEOUT answers 504 with a JSON error, not a hang. */
@EmbeddedIngressTest(properties = "REQUEST_TIMEOUT=1s")
@Import(HeldEmbeddingsAnalyzer.class)
class RequestTimeoutTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
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
        assertJsonError(new Http(port).postJpeg("/embeddings", TestJpegs.baseline(30, 30)), 504, "no answer within");
    }
}
