package gallery.vision.it;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.jobs.JobRouting;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distributed mode end to end against the real broker and a real S3 server: the ingress and two workers (see
 * {@link DistributedCluster}). Every test posts images of its own, so tests never share a stored answer.
 */
class DistributedModeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int INLINE_LIMIT = 32 * 1024;

    private static DistributedCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        // Workers with the face models only: faces run for real, objects and embeddings show the "no worker" path.
        // Images up to 32 KiB travel inside their jobs (the small test images); larger ones go through the bucket.
        cluster = DistributedCluster.start(2, "--gallery.ingress.request-timeout=30s",
                "--MODEL_DIR=" + ModelSubsets.faces(), "--gallery.distributed.inline-image-limit=" + INLINE_LIMIT);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void releaseHeldAnalyses() {
        cluster.control.release();
    }

    @Test
    void answersWhatTheInstalledAnalyzerComputesForTheImage() {
        byte[] jpeg = UniqueJpegs.unique(200, 150);

        HttpResponse<String> response = cluster.post("/faces", jpeg);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("srcSha1sum").asString()).isEqualTo(Sha1.hex(jpeg));
        assertThat(answer.get("model").asString()).isEqualTo(cluster.workers().get(0).context()
                .getBean(AnalyzerRegistry.class).model(AnalysisKind.FACES).orElseThrow().name());
        assertThat(answer.get("width").asInt()).isEqualTo(200);
        assertThat(answer.get("height").asInt()).isEqualTo(150);
        assertThat(answer.get("data")).isEqualTo(expectedData(jpeg));
    }

    @Test
    void answersAStoredAnswerWithoutAnyJobEvenWhenNoWorkerIsConsuming() {
        byte[] jpeg = UniqueJpegs.unique();
        String first = cluster.post("/faces", jpeg).body();
        int jobs = cluster.control.jobsReceived();
        // The worker replies first and stores the answer right after, before it acknowledges the job.
        String resultKey = StorageKeys.resultKey(AnalysisKind.FACES, cluster.workers().get(0).context()
                .getBean(AnalyzerRegistry.class).model(AnalysisKind.FACES).orElseThrow(), Sha1.hex(jpeg));
        await().atMost(PATIENCE).until(() -> cluster.store().exists(resultKey));

        cluster.workers().forEach(worker -> worker.jobContainer().stop());
        HttpResponse<String> second;
        try {
            second = cluster.post("/faces", jpeg);
        } finally {
            cluster.workers().forEach(worker -> worker.jobContainer().start());
        }

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first);
        assertThat(cluster.control.jobsReceived()).isEqualTo(jobs);
    }

    @Test
    void storesTheImageOnceUnderItsContentAddress() {
        byte[] jpeg = UniqueJpegs.unique();
        String imageKey = StorageKeys.imageKey(Sha1.hex(jpeg));

        assertThat(cluster.post("/faces", jpeg).statusCode()).isEqualTo(200);
        // Sent inside its job, the image is written to the bucket beside the publish: the answer does not wait for it.
        await().atMost(PATIENCE).until(() -> cluster.store().exists(imageKey));
        assertThat(cluster.post("/embeddings", jpeg).statusCode()).isEqualTo(503);

        assertThat(cluster.ingressPuts.get(imageKey)).hasValue(1);
        assertThat(cluster.store().get(imageKey)).hasValue(jpeg);
    }

    @Test
    void analyzesASmallImageFromItsJobWithoutReadingTheBucket() {
        byte[] jpeg = UniqueJpegs.unique();
        assertThat(jpeg.length).isLessThanOrEqualTo(INLINE_LIMIT);
        // A damaged copy in the bucket: a worker that read it would fail, one that uses the job's own bytes answers.
        cluster.store().put(StorageKeys.imageKey(Sha1.hex(jpeg)), "not a JPEG at all".getBytes());

        HttpResponse<String> response = cluster.post("/faces", jpeg);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("data")).isEqualTo(expectedData(jpeg));
    }

    @Test
    void answers400ForASmallImageWhoseScanDataTheWorkerCannotDecodeWithoutRequeueingIt() {
        byte[] whole = UniqueJpegs.unique();
        byte[] damaged = java.util.Arrays.copyOf(whole, whole.length * 9 / 10);
        int jobs = cluster.control.jobsReceived();
        int analyses = cluster.control.analyses();

        // Its header is sound, so the ingress sends it on (it decodes nothing itself); the worker's decode fails.
        HttpResponse<String> response = cluster.post("/faces", damaged);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).startsWith("JPEG image cannot be decoded");
        assertThat(cluster.control.jobsReceived()).as("delivered once, not redelivered").isEqualTo(jobs + 1);
        assertThat(cluster.control.analyses()).isEqualTo(analyses);
        assertThat(parkedSha1s()).doesNotContain(Sha1.hex(damaged));
    }

    @Test
    void answers503NamingTheAnalysisWithoutQueueingAJobWhenNoWorkerHasItsModel() {
        byte[] jpeg = UniqueJpegs.unique();
        int jobs = cluster.control.jobsReceived();

        HttpResponse<String> response = cluster.post("/objects", jpeg);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(response.body()).get("error").asString())
                .isEqualTo("no running worker has the model for objects, retry later");
        assertThat(cluster.control.jobsReceived()).isEqualTo(jobs);
        assertThat(cluster.ingressPuts.get(StorageKeys.imageKey(Sha1.hex(jpeg)))).isNull();
    }

    @Test
    void runsOneJobForConcurrentRequestsOfTheSameImage() {
        byte[] jpeg = UniqueJpegs.unique();
        int jobs = cluster.control.jobsReceived();
        cluster.control.holdNextAnalysis();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 5)
                .mapToObj(i -> cluster.postAsync("/faces", jpeg)).toList();
        await().atMost(PATIENCE).until(() -> cluster.control.holding().size() == 1);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE)
                .until(() -> cluster.ingressBean(gallery.vision.ingress.analysis.AnalysisService.class).inFlight() == 1);
        cluster.control.release();

        List<String> bodies = responses.stream().map(CompletableFuture::join)
                .peek(response -> assertThat(response.statusCode()).isEqualTo(200))
                .map(HttpResponse::body).distinct().toList();
        assertThat(bodies).hasSize(1);
        assertThat(cluster.control.jobsReceived()).isEqualTo(jobs + 1);
    }

    @Test
    void redeliversTheJobOfAWorkerWhoseBrokerConnectionDropsMidJob() {
        byte[] jpeg = UniqueJpegs.unique();
        cluster.control.holdNextAnalysis();
        CompletableFuture<HttpResponse<String>> response = cluster.postAsync("/faces", jpeg);
        await().atMost(PATIENCE).until(() -> cluster.control.holding().size() == 1);
        String victimName = cluster.control.holding().get(0);
        DistributedCluster.Worker victim = cluster.workers().stream()
                .filter(worker -> worker.name().equals(victimName)).findFirst().orElseThrow();
        int survivorJobsBefore = cluster.workers().stream().filter(worker -> worker != victim)
                .mapToInt(worker -> cluster.control.jobsReceivedBy(worker.name())).sum();

        victim.kill();

        HttpResponse<String> answer = response.join();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("data")).isEqualTo(expectedData(jpeg));
        assertThat(cluster.workers().stream().filter(worker -> worker != victim)
                .mapToInt(worker -> cluster.control.jobsReceivedBy(worker.name())).sum())
                .isEqualTo(survivorJobsBefore + 1);
        cluster.control.release();
        cluster.stopWorker(victim);
        cluster.startWorker();
    }

    @Test
    void redeliversTheJobOfAWorkerProcessKilledWithSigkillMidJob() throws Exception {
        byte[] jpeg = UniqueJpegs.unique();
        cluster.workers().forEach(worker -> worker.jobContainer().stop());
        try (WorkerProcess doomed = cluster.startWorkerProcess()) {
            await().atMost(Duration.ofMinutes(3)).until(() -> doomed.state().equals("ready") || !doomed.isAlive());
            assertThat(doomed.isAlive()).as("worker process started").isTrue();
            int jobs = cluster.control.jobsReceived();
            CompletableFuture<HttpResponse<String>> response = cluster.postAsync("/faces", jpeg);
            await().atMost(PATIENCE).until(() -> doomed.state().equals("holding"));

            doomed.kill();
            cluster.workers().forEach(worker -> worker.jobContainer().start());

            HttpResponse<String> answer = response.join();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("data")).isEqualTo(expectedData(jpeg));
            assertThat(cluster.control.jobsReceived()).isEqualTo(jobs + 1);
        } finally {
            cluster.workers().forEach(worker -> worker.jobContainer().start());
        }
    }

    @Test
    void deadLettersAJobThatFailsOnEveryDeliveryAndAnswers422() {
        byte[] jpeg = UniqueJpegs.unique(2000, 1500);
        assertThat(jpeg.length).as("too large to travel inside its job").isGreaterThan(INLINE_LIMIT);
        String sha1 = Sha1.hex(jpeg);
        // The stored image is damaged: the ingress skips the upload (the key is taken), every worker fails to decode.
        cluster.store().put(StorageKeys.imageKey(sha1), "not a JPEG at all".getBytes());

        HttpResponse<String> response = cluster.post("/faces", jpeg);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("error").asString()).startsWith("image could not be analyzed");
        assertThat(parkedSha1s()).contains(sha1);
    }

    /** The sha1s of the jobs parked in the dead-letter queue (consumed: the queue is left empty). */
    private static List<String> parkedSha1s() {
        RabbitTemplate template = new RabbitTemplate(cluster.broker.connections());
        List<String> sha1s = new java.util.ArrayList<>();
        for (Message parked = template.receive(JobRouting.DEAD_LETTER_QUEUE, 5_000); parked != null;
             parked = template.receive(JobRouting.DEAD_LETTER_QUEUE, 500)) {
            sha1s.add(parked.getMessageProperties().getHeader(JobRouting.HEADER_SHA1));
        }
        return sha1s;
    }

    @Test
    void answers503WhileTheBrokerIsDownAndRecoversWhenItIsBack() {
        cluster.control.holdNextAnalysis();
        CompletableFuture<HttpResponse<String>> inFlight = cluster.postAsync("/faces", UniqueJpegs.unique());
        await().atMost(PATIENCE).until(() -> cluster.control.holding().size() == 1);

        cluster.broker.stopApp();
        try {
            HttpResponse<String> lost = inFlight.join();
            assertThat(lost.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(lost.body()).get("error").asString()).contains("message broker is unavailable");
            HttpResponse<String> down = cluster.post("/faces", UniqueJpegs.unique());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(down.body()).get("error").asString()).contains("message broker is unavailable");
        } finally {
            cluster.control.release();
            cluster.broker.startApp();
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.post("/faces", UniqueJpegs.unique()).statusCode() == 200);
    }

    @Test
    void answers503WhileStorageIsDownAndRecoversWhenItIsBack() throws IOException {
        cluster.s3.stop();
        try {
            HttpResponse<String> down = cluster.post("/faces", UniqueJpegs.unique());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(down.body()).get("error").asString()).contains("object storage is unavailable");
            assertThat(cluster.get("/actuator/health").statusCode()).isEqualTo(503);
        } finally {
            cluster.s3.startProcess();
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.post("/faces", UniqueJpegs.unique()).statusCode() == 200);
        assertThat(cluster.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    /** The {@code data} the installed faces analyzer computes for the image, computed here, outside any service. */
    private static JsonNode expectedData(byte[] jpeg) {
        JpegDecoder decoder = cluster.workers().get(0).context().getBean(JpegDecoder.class);
        return JSON.valueToTree(cluster.control.unwatched(AnalysisKind.FACES).analyze(decoder.decode(jpeg)));
    }
}
