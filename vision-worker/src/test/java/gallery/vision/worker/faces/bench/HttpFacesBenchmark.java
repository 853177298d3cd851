package gallery.vision.worker.faces.bench;

import static gallery.vision.common.testing.JpegComments.withComment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A plain benchmark of {@code POST /faces} on a running ingress (not a test). Each request carries the same pixels
 * but a distinct JPEG comment segment, so its sha1 is new and no stored answer short-cuts the analysis. Sequential
 * requests; prints p50 / p90 / min / max of the round trip. Usage:
 * <pre>
 * java -cp vision-worker/target/test-classes gallery.vision.worker.faces.bench.HttpFacesBenchmark \
 *   http://127.0.0.1:3000/faces RUNS image.jpg...
 * </pre>
 */
public final class HttpFacesBenchmark {

    private HttpFacesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int runs = Integer.parseInt(args[1]);
        HttpClient client = HttpClient.newHttpClient();
        long nonce = System.nanoTime();
        for (int i = 2; i < args.length; i++) {
            byte[] jpeg = Files.readAllBytes(Path.of(args[i]));
            double[] ms = new double[runs];
            int status = 0;
            for (int r = -5; r < runs; r++) {
                byte[] body = withComment(jpeg, "bench " + nonce + " " + i + " " + r);
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double elapsed = (System.nanoTime() - start) / 1e6;
                status = response.statusCode();
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status + ": " + new String(response.body()));
                }
                if (r >= 0) {
                    ms[r] = elapsed;
                }
            }
            Arrays.sort(ms);
            System.out.printf("POST %s %s: p50 %.1f ms, p90 %.1f ms, min %.1f, max %.1f (%d runs, HTTP %d)%n", uri,
                    Path.of(args[i]).getFileName(), ms[runs / 2], ms[(int) (runs * 0.9)], ms[0], ms[runs - 1], runs,
                    status);
        }
    }
}
