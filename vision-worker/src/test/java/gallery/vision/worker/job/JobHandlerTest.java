package gallery.vision.worker.job;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.ModelRef;
import gallery.vision.common.image.ImageSource;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.common.storage.FileBlobStore;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The job handler's own logic, with a plain fake analyzer (pure logic: no model output is asserted as real). */
class JobHandlerTest {

    private static final String SHA1 = "c3328f60fd4fc6c85bfff3fdba9e2f067c135e5f";
    private static final ModelRef MODEL = new ModelRef("fake", "2");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-02-28T07:14:12.858Z"), ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ImageSource IMAGE = ImageSource.decoded(new byte[0], new RgbImage(3, 2, new byte[18]));

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        held.countDown();
        threads.shutdownNow();
    }

    private JobHandler handler(AnalysisKind kind) {
        InstalledAnalyzer fake = new InstalledAnalyzer(kind, MODEL, image -> {
            calls.incrementAndGet();
            return List.of(Map.of("width", image.width()));
        });
        return new JobHandler(new AnalyzerRegistry(List.of(fake)), new FileBlobStore(dir), json, CLOCK);
    }

    @Test
    void writesFacesAnswerWithSizeAndVersion() {
        JsonNode answer = json.readTree(handler(AnalysisKind.FACES).handle(AnalysisKind.FACES, SHA1, IMAGE));

        assertThat(answer.propertyNames()).containsExactly("srcSha1sum", "model", "version", "created", "width", "height", "data");
        assertThat(answer.get("srcSha1sum").asString()).isEqualTo(SHA1);
        assertThat(answer.get("model").asString()).isEqualTo("fake");
        assertThat(answer.get("version").asString()).isEqualTo(MODEL.version());
        assertThat(answer.get("created").asString()).isEqualTo("2021-02-28T07:14:12.858Z");
        assertThat(answer.get("width").asInt()).isEqualTo(3);
        assertThat(answer.get("height").asInt()).isEqualTo(2);
    }

    @Test
    void writesEmbeddingsAnswerWithVersionAndWithoutSize() {
        JsonNode answer = json.readTree(handler(AnalysisKind.EMBEDDINGS).handle(AnalysisKind.EMBEDDINGS, SHA1, IMAGE));

        assertThat(answer.propertyNames()).containsExactly("srcSha1sum", "model", "version", "created", "data");
        assertThat(answer.get("version").asString()).isEqualTo("2");
    }

    @Test
    void storesAnswerAndAnswersFromStoreWithoutLoadingTheImageAgain() {
        JobHandler handler = handler(AnalysisKind.OBJECTS);
        byte[] first = handler.handle(AnalysisKind.OBJECTS, SHA1, IMAGE);

        byte[] second = handler.handle(AnalysisKind.OBJECTS, SHA1, ImageSource.fetched(() -> {
            throw new AssertionError("the image must not be loaded for a stored answer");
        }, new JpegDecoder(1_000)));

        assertThat(second).isEqualTo(first);
        assertThat(calls).hasValue(1);
        assertThat(new FileBlobStore(dir).exists(StorageKeys.resultKey(AnalysisKind.OBJECTS, MODEL, SHA1))).isTrue();
        assertThat(handler.storedAnswer(AnalysisKind.OBJECTS, SHA1)).hasValueSatisfying(v -> assertThat(v).isEqualTo(first));
    }

    @Test
    void refusesAnalysisWhoseModelIsNotInstalled() {
        assertThatThrownBy(() -> handler(AnalysisKind.OBJECTS).handle(AnalysisKind.FACES, SHA1, IMAGE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.MODEL_NOT_INSTALLED))
                .hasMessage("model for faces is not installed");
        assertThat(calls).hasValue(0);
    }

    @Test
    void preparingRefusesAnUninstalledAnalysisAtOnceAndComputingDoesNotReadTheStore() {
        JobHandler handler = handler(AnalysisKind.OBJECTS);
        assertThatThrownBy(() -> handler.prepare(AnalysisKind.FACES, SHA1, IMAGE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.MODEL_NOT_INSTALLED));

        handler.compute(AnalysisKind.OBJECTS, SHA1, IMAGE);
        handler.prepare(AnalysisKind.OBJECTS, SHA1, IMAGE).get();

        assertThat(calls).hasValue(2);
    }

    @Test
    void aComputationAskedForWhileTheSameOneRunsWaitsForItInsteadOfAnalyzingAgain() throws Exception {
        JobHandler handler = heldHandler(AnalysisKind.FACES, false);

        // A bulk job (handle) is analyzing the image when a synchronous request for it (prepare) arrives.
        Future<byte[]> bulk = threads.submit(() -> handler.handle(AnalysisKind.FACES, SHA1, IMAGE));
        await().atMost(PATIENCE).until(() -> calls.get() == 1);
        Future<byte[]> request = submitAndAwaitWaiting(() -> handler.prepare(AnalysisKind.FACES, SHA1, IMAGE).get());
        held.countDown();

        assertThat(request.get(30, TimeUnit.SECONDS)).isEqualTo(bulk.get(30, TimeUnit.SECONDS));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aComputationThatFailsFailsTheCallerThatWaitedForItAndTheNextOneAnalyzesAgain() throws Exception {
        JobHandler handler = heldHandler(AnalysisKind.OBJECTS, true);

        Future<byte[]> first = threads.submit(() -> handler.compute(AnalysisKind.OBJECTS, SHA1, IMAGE));
        await().atMost(PATIENCE).until(() -> calls.get() == 1);
        Future<byte[]> waiter = submitAndAwaitWaiting(() -> handler.handle(AnalysisKind.OBJECTS, SHA1, IMAGE));
        held.countDown();

        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("analyzer broke");
        assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("analyzer broke");
        assertThat(calls).hasValue(1);
        handler.handle(AnalysisKind.OBJECTS, SHA1, IMAGE);
        assertThat(calls).hasValue(2);
    }

    /** A handler whose analyzer holds its first call until {@link #held} is released (and then fails, if asked). */
    private JobHandler heldHandler(AnalysisKind kind, boolean firstCallFails) {
        InstalledAnalyzer slow = new InstalledAnalyzer(kind, MODEL, image -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (firstCallFails) {
                    throw new IllegalStateException("analyzer broke");
                }
            }
            return List.of();
        });
        return new JobHandler(new AnalyzerRegistry(List.of(slow)), new FileBlobStore(dir), json, CLOCK);
    }

    /** Starts the call on another thread and returns once that thread is parked (waiting for a running computation). */
    private Future<byte[]> submitAndAwaitWaiting(Callable<byte[]> call) {
        AtomicReference<Thread> caller = new AtomicReference<>();
        Future<byte[]> result = threads.submit(() -> {
            caller.set(Thread.currentThread());
            return call.call();
        });
        await().atMost(PATIENCE).until(() -> caller.get() != null && caller.get().getState() == Thread.State.WAITING);
        return result;
    }

    @Test
    void registryRefusesTwoAnalyzersForOneAnalysis() {
        InstalledAnalyzer one = new InstalledAnalyzer(AnalysisKind.FACES, MODEL, image -> List.of());
        InstalledAnalyzer two = new InstalledAnalyzer(AnalysisKind.FACES, new ModelRef("other", "1"), image -> List.of());

        assertThatThrownBy(() -> new AnalyzerRegistry(List.of(one, two))).hasMessageContaining("two analyzers for faces");
    }
}
