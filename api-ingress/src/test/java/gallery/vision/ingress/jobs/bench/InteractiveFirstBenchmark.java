package gallery.vision.ingress.jobs.bench;

import gallery.vision.common.testing.JpegComments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain benchmark (not a test) of issue 9's "interactive work first" on a running service, either mode: the p50 of
 * sequential {@code POST /faces} requests on an idle service, then again while {@code BULK} asynchronous jobs (all
 * three analyses each, submitted four at a time) wait. Every request and every job carries distinct bytes (a JPEG comment segment), so no
 * stored answer short-cuts anything. At the end it checks that the last job was still waiting, i.e. that the
 * synchronous requests really ran with the backlog in place. Usage:
 * <pre>
 * java -cp api-ingress/target/test-classes gallery.vision.ingress.jobs.bench.InteractiveFirstBenchmark \
 *   http://127.0.0.1:3000 RUNS BULK face-photo.jpg bulk-photo.jpg
 * </pre>
 */
public final class InteractiveFirstBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
    private static final int WARM_UP = 5;
    private static final int SUBMITTERS = 4;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final long nonce = System.nanoTime();
    private int serial;

    private InteractiveFirstBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), Files.readAllBytes(Path.of(args[3])),
                Files.readAllBytes(Path.of(args[4]))).forEach(System.out::println);
    }

    /** Runs the benchmark against the service at {@code base}; returns the report's lines. */
    public static List<String> run(String base, int runs, int bulk, byte[] face, byte[] bulkPhoto) throws Exception {
        InteractiveFirstBenchmark bench = new InteractiveFirstBenchmark(base);
        double[] idle = bench.faces(face, runs);
        long submitStart = System.nanoTime();
        String lastJob = bench.submitAll(bulkPhoto, bulk);
        double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
        double[] loaded = bench.faces(face, runs);
        String lastStatus = bench.status(lastJob);
        return List.of(
                String.format("idle:      p50 %.1f ms, p90 %.1f ms, min %.1f, max %.1f (%d runs)",
                        idle[runs / 2], idle[(int) (runs * 0.9)], idle[0], idle[runs - 1], runs),
                String.format("%d bulk:  p50 %.1f ms, p90 %.1f ms, min %.1f, max %.1f (%d runs)", bulk,
                        loaded[runs / 2], loaded[(int) (runs * 0.9)], loaded[0], loaded[runs - 1], runs),
                String.format("ratio of p50s: %.2f; %d jobs submitted in %.1f s (%d in flight); last job still %s",
                        loaded[runs / 2] / idle[runs / 2], bulk, submitSeconds, SUBMITTERS, lastStatus));
    }

    /** Submits {@code count} jobs of distinct bytes, a few at a time; returns the last one's id. */
    private String submitAll(byte[] jpeg, int count) throws Exception {
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] body = distinct(jpeg);
                ids.add(submitters.submit(() -> submit(body)));
            }
            String last = null;
            for (Future<String> id : ids) {
                last = id.get();
            }
            return last;
        } finally {
            submitters.shutdown();
        }
    }

    /** Sorted round-trip times of sequential {@code POST /faces} requests, after a warm-up. */
    private double[] faces(byte[] jpeg, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int r = -WARM_UP; r < runs; r++) {
            HttpRequest request = post("/faces", distinct(jpeg));
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            if (r >= 0) {
                ms[r] = elapsed;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private String submit(byte[] body) throws Exception {
        HttpResponse<String> response = client.send(post("/jobs", body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return find(ID, response.body());
    }

    private String status(String job) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/jobs/" + job)).GET().build();
        return find(STATUS, client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpRequest post(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }

    /** The JPEG with a COM segment right after SOI: same pixels, bytes (and sha1) of their own. */
    private synchronized byte[] distinct(byte[] jpeg) {
        return JpegComments.withComment(jpeg, "bench " + nonce + " " + (serial++));
    }
}
