package gallery.vision.common.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle document the service sends, how its rule joins the rules a bucket already has, and how it is read
 * back. S3Proxy has no lifecycle API and no server that has one runs in this build (no MinIO server was found as a
 * Maven or npm package), so this is a plain fake on loopback: it keeps the lifecycle document it was last sent and
 * returns it, as S3 does, nothing more (or, told to, accepts a document and forgets it). Whether a server enforces the
 * rule is not tested here.
 */
@ExtendWith(OutputCaptureExtension.class)
class S3ImageExpiryRulesTest {

    private static final String OTHER_RULE = "<Rule><ID>operators-own</ID><Status>Enabled</Status>"
            + "<Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>30</Days></Expiration></Rule>";

    private HttpServer server;
    private volatile String document;
    private volatile boolean keepsDocuments = true;
    private final List<String> puts = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

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
    void sendsARuleThatExpiresTheImagePrefixAndNothingElse() throws Exception {
        new S3ImageExpiry(S3ImageExpiryTest.expiry("7d")).apply(client(), "bucket");

        assertThat(puts).hasSize(1);
        Element root = parse(puts.get(0));
        assertThat(root.getLocalName()).isEqualTo("LifecycleConfiguration");
        NodeList rules = root.getElementsByTagNameNS("*", "Rule");
        assertThat(rules.getLength()).isEqualTo(1);
        assertThat(leaves((Element) rules.item(0), "")).containsExactlyInAnyOrder(
                "ID=" + S3ImageExpiry.RULE_ID,
                "Status=Enabled",
                "Filter/Prefix=images/",
                "Expiration/Days=7",
                "NoncurrentVersionExpiration/NoncurrentDays=1");
    }

    @Test
    void readsItsRuleBackAndReportsThatTheBucketHoldsIt(CapturedOutput output) {
        S3ImageExpiry expiry = new S3ImageExpiry(S3ImageExpiryTest.expiry("7d"));

        assertThat(expiry.apply(client(), "bucket")).isTrue();

        assertThat(requests).containsExactly("GET", "PUT", "GET");
        assertThat(expiry.bucketHoldsRule()).isTrue();
        assertThat(output).contains("bucket bucket enforces image expiry: lifecycle rule " + S3ImageExpiry.RULE_ID
                + " set and read back, images/ expires after 7 days");
    }

    @Test
    void reportsThatTheBucketDoesNotHoldTheRuleWhenTheServerAcceptsItButDoesNotReturnIt(CapturedOutput output) {
        keepsDocuments = false;
        S3ImageExpiry expiry = new S3ImageExpiry(S3ImageExpiryTest.expiry("7d"));

        assertThat(expiry.apply(client(), "bucket")).isFalse();

        assertThat(puts).hasSize(1);
        assertThat(expiry.bucketHoldsRule()).isFalse();
        assertThat(output).contains("bucket bucket accepted the image expiry rule but does not return it",
                "the ingress deletes stored images in bucket bucket older than IMAGE_TTL by sweeping");
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
        if (lifecycle) {
            requests.add(method);
        }
        if (lifecycle && method.equals("PUT")) {
            String sent = new String(body, StandardCharsets.UTF_8);
            puts.add(sent);
            if (keepsDocuments) {
                document = sent;
            }
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

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    /** Every element below {@code element} that holds text, as {@code path=text}. */
    private static List<String> leaves(Element element, String path) {
        List<String> leaves = new ArrayList<>();
        boolean hasChildElements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                hasChildElements = true;
                leaves.addAll(leaves(childElement, path + childElement.getLocalName() + "/"));
            }
        }
        if (!hasChildElements && !path.isEmpty()) {
            leaves.add(path.substring(0, path.length() - 1) + "=" + element.getTextContent().trim());
        }
        return leaves;
    }

    private MinioClient client() {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials("key", "secret").region("us-east-1").build();
    }
}
