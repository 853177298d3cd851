package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.ServerModels;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service's job API over the JDK's HTTP client: {@code GET /models}, {@code POST /jobs}, {@code GET /jobs/{id}}.
 * Every failure is a {@link ServerException} that names the request and says whether it may be retried.
 * Thread-safe (one shared {@link HttpClient}).
 */
public final class JobClient {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI server;
    private final HttpClient http;

    /** @param server base URL, e.g. {@code http://localhost:3000} (a trailing slash is ignored) */
    public JobClient(URI server) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public URI server() {
        return server;
    }

    /** The installed analyses with their model and version. */
    public ServerModels models() throws ServerException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve("/models")).GET(), "GET /models");
        if (response.statusCode() == 404) {
            throw new ServerException(404, "GET " + resolve("/models") + " answered 404: this server has no job API"
                    + " (the tool needs Gallery Vision with GET /models and POST /jobs)", Optional.empty());
        }
        expect(response, "GET /models", 200);
        return ServerModels.of(json(response, "GET /models"));
    }

    /** Submits one image for the given analyses. */
    public JobState submit(byte[] jpeg, Set<Analysis> analyses) throws ServerException {
        URI uri = resolve("/jobs?analyses=" + Analysis.names(analyses));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg));
        HttpResponse<String> response = send(request, "POST /jobs");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve("/jobs/" + id + query)).GET();
        HttpResponse<String> response = send(request, what, REQUEST_TIMEOUT.plus(wait));
        expect(response, what, 200);
        return state(response, what);
    }

    private URI resolve(String pathAndQuery) {
        return URI.create(server + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) throws ServerException {
        return send(request, what, REQUEST_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what, Duration timeout)
            throws ServerException {
        try {
            return http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerException(0, what + " to " + server + " failed: " + describe(e), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, what + " interrupted", Optional.empty());
        }
    }

    private static void expect(HttpResponse<String> response, String what, int... accepted) throws ServerException {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new ServerException(response.statusCode(),
                what + " answered " + response.statusCode() + errorMessage(response.body()), retryAfter(response));
    }

    private static JobState state(HttpResponse<String> response, String what) throws ServerException {
        JsonNode body = json(response, what);
        Map<Analysis, String> results = new EnumMap<>(Analysis.class);
        RawJson.members(response.body(), "results").forEach((name, raw) -> known(name).ifPresent(a -> results.put(a, raw)));
        Map<Analysis, JobState.AnalysisError> errors = new EnumMap<>(Analysis.class);
        body.path("errors").properties().forEach(error -> known(error.getKey()).ifPresent(a -> errors.put(a,
                new JobState.AnalysisError(error.getValue().path("status").asInt(0),
                        error.getValue().path("error").asString("")))));
        return new JobState(body.path("id").asString(""), body.path("status").asString(""),
                body.path("srcSha1sum").asString(""), results, errors, retryAfter(response));
    }

    private static Optional<Analysis> known(String name) {
        try {
            return Optional.of(Analysis.ofApiName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JsonNode json(HttpResponse<String> response, String what) throws ServerException {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new ServerException(response.statusCode(), what + " answered " + response.statusCode()
                + " with a body that is not a JSON object", Optional.empty());
    }

    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isString() ? ": " + error.asString() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    /** {@code Retry-After} in seconds (the form the service sends); an HTTP date or garbage is ignored. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
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
