package gallery.vision.ingress.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A real HTTP client against the service on its random loopback port. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final List<String> headers;

    public Http(int port) {
        this(port, List.of());
    }

    private Http(int port, List<String> headers) {
        this.port = port;
        this.headers = headers;
    }

    /** A client that sends {@code name: value} with every request besides this one's headers. */
    public Http withHeader(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.addAll(List.of(name, value));
        return new Http(port, List.copyOf(more));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        return send(build(method, path, contentType, body));
    }

    public HttpResponse<String> postJpeg(String path, byte[] body) {
        return send("POST", path, "image/jpeg", body);
    }

    public CompletableFuture<HttpResponse<String>> postJpegAsync(String path, byte[] body) {
        return client.sendAsync(build("POST", path, "image/jpeg", body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest build(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        return headers.isEmpty() ? builder : builder.headers(headers.toArray(String[]::new));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
