package gallery.vision.ingress.limits;

import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A body still trickling in when {@code BODY_READ_TIMEOUT} has passed is cut off with a 408 JSON error. */
@EmbeddedIngressTest(properties = "BODY_READ_TIMEOUT=2s")
class BodyReadTimeoutHttpTest {

    @DynamicPropertySource
    static void installNoModels(DynamicPropertyRegistry registry) {
        registry.add("MODEL_DIR", NoModels::directory);
    }

    @LocalServerPort
    int port;

    @Test
    void returns408AndClosesTheConnectionWhenTheBodyTricklesPastTheDeadline() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /faces HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        out.write(0xFF);
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (Exception closedByServer) {
                    // The server cut the body off: the point of the test.
                }
            });
            trickle.setDaemon(true);
            trickle.start();

            String answer = readAll(socket.getInputStream());

            trickle.interrupt();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer.toLowerCase()).contains("connection: close").contains("content-type: application/json");
            assertThat(answer).contains("{\"error\":\"request body was not received within");
        }
    }

    /** Everything the server sends until it closes the connection. */
    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.US_ASCII);
    }
}
