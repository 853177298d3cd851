package gallery.vision.ingress.analysis;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.PixelBudget;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.config.IngressProperties;
import gallery.vision.ingress.dispatch.AnalysisJob;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Single flight and the request deadline, with a dispatcher that only records its jobs (pure logic). */
class AnalysisServiceTest {

    private final List<AnalysisJob> jobs = new ArrayList<>();
    private final List<CompletableFuture<byte[]>> dispatched = new ArrayList<>();

    private AnalysisService service(Duration timeout) {
        IngressProperties ingress = new IngressProperties(DataSize.ofMegabytes(2), timeout, Duration.ofSeconds(5));
        return new AnalysisService(new BudgetedDecoder(new JpegDecoder(1_000_000), new PixelBudget(1_000_000, Duration.ZERO))::decode, (kind, sha1) -> Optional.empty(), job -> {
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            synchronized (this) {
                jobs.add(job);
                dispatched.add(answer);
            }
            return answer;
        }, ingress);
    }

    @Test
    void dispatchesOneJobWithTheDecodedImageForConcurrentRequests() {
        AnalysisService service = service(Duration.ofSeconds(30));
        byte[] jpeg = TestJpegs.baseline(20, 10);

        CompletableFuture<byte[]> first = service.analyze(AnalysisKind.FACES, jpeg);
        CompletableFuture<byte[]> second = service.analyze(AnalysisKind.FACES, jpeg);
        dispatched.get(0).complete(new byte[] {42});

        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).image().jpeg()).isEqualTo(jpeg);
        assertThat(jobs.get(0).image().pixels().width()).isEqualTo(20);
        assertThat(first.join()).containsExactly(42);
        assertThat(second.join()).containsExactly(42);
        assertThat(service.inFlight()).isZero();
    }

    @Test
    void failsWithTimeoutAndLetsTheJobGoWhenTheLastWaitingRequestGivesUp() {
        AnalysisService service = service(Duration.ofMillis(200));

        CompletableFuture<byte[]> request = service.analyze(AnalysisKind.OBJECTS, TestJpegs.baseline(20, 10));

        assertThatThrownBy(request::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.TIMEOUT));
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatched.get(0).isCancelled());
        assertThat(service.inFlight()).isZero();
    }
}
