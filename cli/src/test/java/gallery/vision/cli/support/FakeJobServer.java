package gallery.vision.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for the job API contract (issue 9) on a loopback port, for unit tests of the client side:
 * {@code GET /models}, {@code POST /jobs}, {@code GET /jobs/{id}}. Answers are made up from the posted bytes' sha1 and
 * carry numbers in forms a re-serialiser would change ({@code 0.10}, {@code 2e-7}), so that tests can check answers
 * are stored verbatim. The real server is exercised by the end-to-end test. Thread-safe.
 */
public final class FakeJobServer implements AutoCloseable {

    /** One accepted submission. */
    public record Post(String sha1, List<String> analyses) {
    }

    private record Job(String sha1, List<String> analyses, Map<String, Integer> errors, int[] pollsLeft) {
    }

    private final HttpServer server;
    private final Map<String, String[]> models = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private final Deque<int[]> submitFailures = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> analysisFailures = new ConcurrentHashMap<>();
    private volatile int pollsBeforeDone = 1;
    private volatile boolean forgetNextJob;
    private final List<String> pollQueries = Collections.synchronizedList(new ArrayList<>());
    private volatile long holdMillis;

    public FakeJobServer() throws IOException {
        models.put("embeddings", new String[] {"fake-embedder", "e1"});
        models.put("objects", new String[] {"fake-detector", "o1"});
        models.put("faces", new String[] {"face-api", "f1"});
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/models", this::models);
        server.createContext("/jobs", this::jobs);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Installs or replaces an analysis' model and version; {@code null} model uninstalls it. */
    public synchronized FakeJobServer model(String analysis, String model, String version) {
        if (model == null) {
            models.remove(analysis);
        } else {
            models.put(analysis, new String[] {model, version});
        }
        return this;
    }

    /** The next submissions answer these statuses (with {@code Retry-After: retryAfterSeconds}) instead of 202. */
    public synchronized FakeJobServer failSubmissions(int status, int retryAfterSeconds, int times) {
        for (int i = 0; i < times; i++) {
            submitFailures.add(new int[] {status, retryAfterSeconds});
        }
        return this;
    }

    /** The next jobs that include {@code analysis} report it failed with this status. */
    public FakeJobServer failAnalysis(String analysis, int status, int times) {
        Deque<Integer> queue = analysisFailures.computeIfAbsent(analysis, a -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(status);
            }
        }
        return this;
    }

    /** How many polls see {@code running} before {@code done}. */
    public FakeJobServer pollsBeforeDone(int polls) {
        pollsBeforeDone = polls;
        return this;
    }

    /** The next job is forgotten right after it is accepted (its GET answers 404). */
    public FakeJobServer forgetNextJob() {
        forgetNextJob = true;
        return this;
    }

    /** The query string of every {@code GET /jobs/{id}} ({@code ""} when none). */
    public List<String> pollQueries() {
        return List.copyOf(pollQueries);
    }

    /** Holds an unfinished job's answer to a poll with {@code wait} this long, like a server with long polling. */
    public void holdLongPolls(java.time.Duration hold) {
        holdMillis = hold.toMillis();
    }

    public List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** The answer this server gives for an image with this sha1. */
    public synchronized String answer(String analysis, String sha1) {
        String[] stamp = models.get(analysis);
        return "{\"srcSha1sum\":\"" + sha1 + "\",\"model\":\"" + stamp[0] + "\",\"version\":\"" + stamp[1]
                + "\",\"created\":\"2026-11-29T12:00:00.000Z\",\"data\":[0.10,2e-7,-0.0,1E+2]}";
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void models(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder("{");
        models.forEach((analysis, stamp) -> body.append(body.length() > 1 ? "," : "").append('"').append(analysis)
                .append("\":{\"model\":\"").append(stamp[0]).append("\",\"version\":\"").append(stamp[1]).append("\"}"));
        send(exchange, 200, body.append('}').toString(), null);
    }

    private void jobs(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            submit(exchange);
        } else {
            poll(exchange, exchange.getRequestURI().getPath().substring("/jobs/".length()));
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int[] failure;
        synchronized (this) {
            failure = submitFailures.poll();
        }
        if (failure != null) {
            send(exchange, failure[0], "{\"error\":\"busy\"}", String.valueOf(failure[1]));
            return;
        }
        if (body.length < 2 || (body[0] & 0xff) != 0xff || (body[1] & 0xff) != 0xd8) {
            send(exchange, 400, "{\"error\":\"Not a JPEG image\"}", null);
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        List<String> analyses = List.of(query.substring(query.indexOf('=') + 1).split(","));
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (String analysis : analyses) {
            Deque<Integer> queue = analysisFailures.get(analysis);
            if (queue != null) {
                synchronized (queue) {
                    Integer status = queue.poll();
                    if (status != null) {
                        errors.put(analysis, status);
                    }
                }
            }
        }
        String id = UUID.randomUUID().toString();
        String sha1 = sha1(body);
        posts.add(new Post(sha1, analyses));
        if (!forgetNextJob) {
            jobs.put(id, new Job(sha1, analyses, errors, new int[] {pollsBeforeDone}));
        }
        forgetNextJob = false;
        exchange.getResponseHeaders().add("Location", "/jobs/" + id);
        send(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"queued\",\"srcSha1sum\":\"" + sha1 + "\"}", "0");
    }

    private void poll(HttpExchange exchange, String id) throws IOException {
        Job job = jobs.get(id);
        if (job == null) {
            send(exchange, 404, "{\"error\":\"Unknown job\"}", null);
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        pollQueries.add(query == null ? "" : query);
        boolean unfinished;
        synchronized (job) {
            unfinished = job.pollsLeft()[0]-- > 0;
        }
        if (unfinished && holdMillis > 0 && query != null && query.startsWith("wait=")) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (unfinished) {
            send(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"running\",\"srcSha1sum\":\"" + job.sha1()
                    + "\",\"results\":{},\"errors\":{}}", "0");
            return;
        }
        StringBuilder results = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (String analysis : job.analyses()) {
            Integer status = job.errors().get(analysis);
            if (status == null) {
                results.append(results.length() > 0 ? ", " : "").append('"').append(analysis).append("\": ")
                        .append(answer(analysis, job.sha1()));
            } else {
                errors.append(errors.length() > 0 ? "," : "").append('"').append(analysis)
                        .append("\":{\"status\":").append(status).append(",\"error\":\"failed ").append(status).append("\"}");
            }
        }
        String status = results.length() > 0 ? "done" : "failed";
        send(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"srcSha1sum\":\"" + job.sha1()
                + "\",\"results\":{" + results + "},\"errors\":{" + errors + "}}", null);
    }

    private static void send(HttpExchange exchange, int status, String json, String retryAfter) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
