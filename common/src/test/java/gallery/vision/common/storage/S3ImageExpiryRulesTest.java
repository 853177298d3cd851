package gallery.vision.common.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the expiry rule joins the rules a bucket already has. S3Proxy has no lifecycle API and no server that has one
 * runs in this build, so this is a plain fake on loopback: it keeps the lifecycle document it was last sent and
 * returns it, as S3 does, nothing more. Whether a server enforces the rule is not tested here.
 */
class S3ImageExpiryRulesTest {

    private static final String OTHER_RULE = "<Rule><ID>operators-own</ID><Status>Enabled</Status>"
            + "<Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>30</Days></Expiration></Rule>";

    private HttpServer server;
    private volatile String document;
    private final List<String> puts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void addsItsRuleAndKeepsTheRulesOfOthers() {
        document = "<LifecycleConfiguration>" + OTHER_RULE + "</LifecycleConfiguration>";

        assertThat(new S3ImageExpiry(S3ImageExpiryTest.expiry("7d")).apply(client(), "bucket")).isTrue();

        assertThat(puts).singleElement().satisfies(put -> assertThat(put)
                .contains("<ID>operators-own</ID>", "<Prefix>logs/</Prefix>", "<Days>30</Days>")
                .contains("<ID>" + S3ImageExpiry.RULE_ID + "</ID>", "<Prefix>images/</Prefix>", "<Days>7</Days>",
                        "<NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration>"));
    }

    @Test
    void sendsNothingWhenItsRuleIsInPlace() {
        new S3ImageExpiry(S3ImageExpiryTest.expiry("7d")).apply(client(), "bucket");
        puts.clear();

        assertThat(new S3ImageExpiry(S3ImageExpiryTest.expiry("7d")).apply(client(), "bucket")).isTrue();

        assertThat(puts).isEmpty();
    }

    @Test
    void replacesItsRuleWhenTheTtlChanged() {
        document = "<LifecycleConfiguration>" + OTHER_RULE + "</LifecycleConfiguration>";
        new S3ImageExpiry(S3ImageExpiryTest.expiry("7d")).apply(client(), "bucket");

        new S3ImageExpiry(S3ImageExpiryTest.expiry("3d")).apply(client(), "bucket");

        assertThat(puts).hasSize(2);
        assertThat(puts.get(1)).contains("<ID>operators-own</ID>", "<Days>3</Days>").doesNotContain("<Days>7</Days>")
                .containsOnlyOnce("<ID>" + S3ImageExpiry.RULE_ID + "</ID>");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean lifecycle = exchange.getRequestURI().getRawQuery() != null
                && exchange.getRequestURI().getRawQuery().startsWith("lifecycle");
        if (lifecycle && method.equals("PUT")) {
            document = new String(body, StandardCharsets.UTF_8);
            puts.add(document);
            respond(exchange, 200, "");
        } else if (lifecycle && method.equals("GET") && document != null) {
            respond(exchange, 200, document);
        } else if (lifecycle && method.equals("GET")) {
            respond(exchange, 404, "<Error><Code>NoSuchLifecycleConfiguration</Code><Message>none</Message></Error>");
        } else {
            respond(exchange, 501, "<Error><Code>NotImplemented</Code><Message>fake</Message></Error>");
        }
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private MinioClient client() {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials("key", "secret").region("us-east-1").build();
    }
}
