package gallery.vision.ingress.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients cannot do: declare a body far larger than is ever sent, or
 * stream a chunked body that never ends. A writer thread keeps sending while the test reads the answer, so an answer
 * arriving before the body is complete proves the server did not wait for (or buffer) the rest.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends headers declaring {@code declaredLength} bytes, then only {@code sentBytes}, and reads the status line. */
    public static String statusAfterPartialBody(int port, String path, long declaredLength, int sentBytes) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nContent-Length: "
                + declaredLength + "\r\n\r\n";
        return exchange(port, head, out -> out.write(new byte[sentBytes]));
    }

    /** Streams {@code sentBytes} as chunks of a body with no declared length and no end, and reads the status line. */
    public static String statusAfterChunkedBody(int port, String path, int sentBytes) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        return exchange(port, head, out -> {
            byte[] chunk = new byte[8192];
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < sentBytes; sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static String exchange(int port, String head, BodyWriter body) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            writer.submit(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server may close the connection once it has answered; that is the point.
                }
                return null;
            });
            return readHead(socket.getInputStream());
        } finally {
            writer.shutdownNow();
        }
    }

    /** Reads the status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
