package gallery.vision.ingress.limits;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.HeldEmbeddingsAnalyzer;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 clients that send their headers and then trickle their body (more than Tomcat's 200 request threads could wait
 * on) do not block a normal request: bodies are read without holding a thread.
 */
@EmbeddedIngressTest(properties = "BODY_READ_TIMEOUT=120s")
@Import(HeldEmbeddingsAnalyzer.class)
class SlowClientsHttpTest {

    private static final int SLOW_CLIENTS = 200;

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;
    @Autowired
    BlockingTestAnalyzer analyzer;

    private final List<Socket> slow = new ArrayList<>();

    @AfterEach
    void closeSlowClients() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
    }

    @Test
    void answersANormalRequestWhile200ClientsTrickleTheirBodies() throws IOException {
        analyzer.release();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            slow.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /embeddings HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
            out.flush();
        }
        for (Socket socket : slow) {
            socket.getOutputStream().write(0xFF);
            socket.getOutputStream().flush();
        }

        CompletableFuture<HttpResponse<String>> normal = new Http(port).postJpegAsync("/embeddings", TestJpegs.baseline(64, 48));

        await().atMost(Duration.ofSeconds(10)).until(normal::isDone);
        assertThat(normal.join().statusCode()).isEqualTo(200);
        assertThat(slow).allMatch(socket -> !socket.isClosed());
    }
}
