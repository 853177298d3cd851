package gallery.vision.common.storage;

import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket's image expiry rule against a real S3 server, S3Proxy, which implements no lifecycle API (it answers
 * {@code 501 NotImplemented} to {@code ?lifecycle}): the rule is sent as S3 (and MinIO) expects it, the refusal is
 * logged as a clear warning that says what happens instead, the store works on, and the bucket is not taken to hold
 * the rule (so that {@code IMAGE_EXPIRY=auto} sweeps: {@link S3ImageSweepTest}). That the rule is kept and enforced
 * is the server's part: MinIO and AWS S3 implement it, and no such server runs in this build
 * ({@link S3ImageExpiryRulesTest} checks the document sent and its reading back against a fake).
 */
@ExtendWith(OutputCaptureExtension.class)
class S3ImageExpiryTest {

    private static S3ProxyServer s3;
    private final List<String> lifecycleRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Test
    void sendsTheImageRuleAndStaysUsableWhenTheServerHasNoLifecycleApi(CapturedOutput output) {
        S3ImageExpiry expiry = new S3ImageExpiry(expiry("7d"));
        S3BlobStore store = new S3BlobStore(recordingClient(), "expiry-test", expiry);

        store.prepare();

        assertThat(lifecycleRequests).anySatisfy(request -> assertThat(request)
                .startsWith("PUT /expiry-test?lifecycle")
                .contains("<ID>" + S3ImageExpiry.RULE_ID + "</ID>", "<Status>Enabled</Status>",
                        "<Prefix>images/</Prefix>", "<Expiration><Days>7</Days></Expiration>"));
        assertThat(output).contains("the S3 server refused the image expiry rule (NotImplemented)",
                "the ingress deletes stored images in bucket expiry-test older than IMAGE_TTL by sweeping images/");
        assertThat(expiry.bucketHoldsRule()).isFalse();
        store.put("images/ab/cd/x.jpg", new byte[]{1, 2, 3});
        assertThat(store.get("images/ab/cd/x.jpg")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
    }

    @Test
    void warnsThatImagesWillNotExpireWhenOnlyTheRuleIsWantedAndTheServerRefusesIt(CapturedOutput output) {
        S3ImageExpiry expiry = new S3ImageExpiry(expiry("7d", ImageExpiryMode.LIFECYCLE));

        new S3BlobStore(recordingClient(), "expiry-rule-only", expiry).prepare();

        assertThat(output).contains("stored images in bucket expiry-rule-only will NOT expire (IMAGE_EXPIRY=lifecycle)");
        assertThat(expiry.bucketHoldsRule()).isFalse();
    }

    @Test
    void neitherReadsNorWritesTheBucketsLifecycleWhenOnlyTheSweepIsWanted() {
        S3BlobStore store = new S3BlobStore(recordingClient(), "expiry-sweep-only",
                new S3ImageExpiry(expiry("7d", ImageExpiryMode.SWEEP)));

        store.prepare();
        store.put("images/ab/cd/z.jpg", new byte[]{5});

        assertThat(lifecycleRequests).isEmpty();
    }

    @Test
    void roundsATtlThatIsNoWholeNumberOfDaysUpInTheRule() {
        S3BlobStore store = new S3BlobStore(recordingClient(), "expiry-rounding", new S3ImageExpiry(expiry("36h")));

        store.prepare();

        assertThat(lifecycleRequests).anySatisfy(request -> assertThat(request)
                .startsWith("PUT /expiry-rounding?lifecycle").contains("<Days>2</Days>"));
    }

    @Test
    void setsTheRuleOnFirstUseWhenTheServerWasDownAtStart(CapturedOutput output) throws IOException {
        try (S3ProxyServer late = S3ProxyServer.start()) {
            late.stop();
            S3BlobStore store = new S3BlobStore(recordingClient(late), "expiry-late", new S3ImageExpiry(expiry("7d")));
            org.assertj.core.api.Assertions.assertThatThrownBy(store::prepare)
                    .hasMessageContaining("object storage");
            assertThat(lifecycleRequests).isEmpty();

            late.startProcess();
            store.put("images/ab/cd/y.jpg", new byte[]{4});

            assertThat(lifecycleRequests).anySatisfy(request -> assertThat(request).startsWith("PUT /expiry-late?lifecycle"));
            assertThat(store.exists("images/ab/cd/y.jpg")).isTrue();
        }
    }

    private MinioClient recordingClient() {
        return recordingClient(s3);
    }

    /** A client like the service's, that also notes every request to a bucket's lifecycle configuration. */
    private MinioClient recordingClient(S3ProxyServer server) {
        var http = HttpUtils.newDefaultHttpClient(2_000, 10_000, 10_000).newBuilder()
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    if (request.url().queryParameterNames().contains("lifecycle")) {
                        lifecycleRequests.add(describe(request));
                    }
                    return chain.proceed(request);
                }).build();
        return MinioClient.builder().endpoint(server.endpoint())
                .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).region("us-east-1").httpClient(http).build();
    }

    private static String describe(Request request) throws IOException {
        Buffer body = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(body);
        }
        return request.method() + " " + request.url().encodedPath() + "?" + request.url().encodedQuery() + " "
                + body.readString(StandardCharsets.UTF_8);
    }

    static ImageExpiryProperties expiry(String ttl) {
        return expiry(ttl, ImageExpiryMode.AUTO);
    }

    static ImageExpiryProperties expiry(String ttl, ImageExpiryMode mode) {
        return new ImageExpiryProperties(org.springframework.boot.convert.DurationStyle.detectAndParse(ttl),
                Duration.ofHours(1), mode.setting());
    }
}
