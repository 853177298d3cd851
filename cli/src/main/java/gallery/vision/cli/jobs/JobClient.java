package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.ServerModels;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The service's job API over the JDK's blocking {@link HttpURLConnection} ({@code GET /models}, {@code POST /jobs},
 * {@code GET /jobs/{id}}), which reuses idle connections (HTTP keep-alive) and costs a short-lived tool far less CPU
 * than {@code java.net.http.HttpClient}: no selector thread, no asynchronous pipeline, no TLS set-up for an
 * {@code http} server (BENCHMARKS.md, "Bulk re-indexing throughput"). Every failure is a {@link ServerException} that
 * names the request and says whether it may be retried. Thread-safe: one connection per call.
 */
public final class JobClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** One answer: status, body text, {@code Retry-After}. */
    private record Response(int status, String body, Optional<Duration> retryAfter) {
    }

    private final URI server;

    /** @param server base URL, e.g. {@code http://localhost:3000} (a trailing slash is ignored) */
    public JobClient(URI server) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public URI server() {
        return server;
    }

    /** The installed analyses with their model and version. */
    public ServerModels models() throws ServerException {
        Response response = send("GET", "/models", null, REQUEST_TIMEOUT, "GET /models");
        if (response.status() == 404) {
            throw new ServerException(404, "GET " + resolve("/models") + " answered 404: this server has no job API"
                    + " (the tool needs Gallery Vision with GET /models and POST /jobs)", Optional.empty());
        }
        expect(response, "GET /models", 200);
        ServerModels models;
        try {
            models = JobJson.models(response.body());
        } catch (JacksonException e) {
            models = null;
        }
        if (models == null) {
            throw notAnObject(response, "GET /models");
        }
        return models;
    }

    /** Submits one image for the given analyses. */
    public JobState submit(byte[] jpeg, Set<Analysis> analyses) throws ServerException {
        Response response = send("POST", "/jobs?analyses=" + Analysis.names(analyses), jpeg, REQUEST_TIMEOUT,
                "POST /jobs");
        expect(response, "POST /jobs", 202, 200, 201);
        return state(response, "POST /jobs");
    }

    /** The job's current state; a 404 (unknown or forgotten job) is a non-retryable {@link ServerException}. */
    public JobState poll(String id) throws ServerException {
        return poll(id, Duration.ZERO);
    }

    /**
     * The job's state once it is finished or {@code wait} is over ({@code GET /jobs/{id}?wait=}, a long poll); a
     * server without long polling answers at once. A 404 is a non-retryable {@link ServerException}.
     */
    public JobState poll(String id, Duration wait) throws ServerException {
        String what = "GET /jobs/" + id;
        String query = wait.isZero() ? "" : "?wait=" + wait.toMillis() + "ms";
        Response response = send("GET", "/jobs/" + id + query, null, REQUEST_TIMEOUT.plus(wait), what);
        expect(response, what, 200);
        return state(response, what);
    }

    private URI resolve(String pathAndQuery) {
        return URI.create(server + pathAndQuery);
    }

    /** Sends one request; the body is read to its end, which hands the connection back for reuse. */
    private Response send(String method, String pathAndQuery, byte[] jpeg, Duration timeout, String what)
            throws ServerException {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) resolve(pathAndQuery).toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            if (jpeg != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "image/jpeg");
                connection.setFixedLengthStreamingMode(jpeg.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(jpeg);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = "";
            if (in != null) {
                try (in) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, body, retryAfter(connection.getHeaderField("Retry-After")));
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ServerException(0, what + " interrupted", Optional.empty());
            }
            throw new ServerException(0, what + " to " + server + " failed: " + describe(e), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ServerException(0, what + " to " + server + " failed: " + e.getMessage(), Optional.empty());
        }
    }

    private static void expect(Response response, String what, int... accepted) throws ServerException {
        for (int status : accepted) {
            if (response.status() == status) {
                return;
            }
        }
        throw new ServerException(response.status(),
                what + " answered " + response.status() + errorMessage(response.body()), response.retryAfter());
    }

    private static JobState state(Response response, String what) throws ServerException {
        JobState state;
        try {
            state = JobJson.parse(response.body(), response.retryAfter());
        } catch (JacksonException e) {
            state = null;
        }
        if (state == null) {
            throw notAnObject(response, what);
        }
        return state;
    }

    private static ServerException notAnObject(Response response, String what) {
        return new ServerException(response.status(), what + " answered " + response.status()
                + " with a body that is not a JSON object", Optional.empty());
    }

    private static String errorMessage(String body) {
        try {
            String error = JobJson.error(body);
            return error == null ? "" : ": " + error;
        } catch (JacksonException e) {
            return "";
        }
    }

    /** {@code Retry-After} in seconds (the form the service sends); absent, an HTTP date or garbage is empty. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused or host unreachable (is the server running?)";
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
