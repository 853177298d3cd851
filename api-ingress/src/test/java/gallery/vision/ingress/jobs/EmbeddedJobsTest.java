package gallery.vision.ingress.jobs;

import gallery.vision.common.image.TestJpegs;
import gallery.vision.ingress.ApiIngressApplication;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.ingress.dispatch.InProcessDispatcher;
import gallery.vision.ingress.support.BlockingTestAnalyzer;
import gallery.vision.ingress.support.HeldEmbeddingsAnalyzer;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.support.NoModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static gallery.vision.ingress.support.JsonErrors.assertJsonError;
import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Embedded mode's bulk lane with a held test analyzer for {@code /embeddings} (no real model, so the other analyses
 * are "not installed"): no analysis twice, interactive work first, a restart resumes jobs, finished jobs expire.
 * Each test starts its own service, some two after another on the same {@code DATA_DIR}.
 */
class EmbeddedJobsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private Path dataDir;

    @AfterEach
    void stopServices() {
        services.forEach(service -> service.getBean(BlockingTestAnalyzer.class).release());
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void analyzesAnImageSubmittedTwiceOnlyOnce() throws IOException {
        ConfigurableApplicationContext service = start();
        Http http = http(service);
        BlockingTestAnalyzer analyzer = service.getBean(BlockingTestAnalyzer.class);
        byte[] jpeg = TestJpegs.baseline(40, 30);

        String first = json(http.postJpeg("/jobs?analyses=embeddings", jpeg)).get("id").asString();
        await().atMost(PATIENCE).until(() -> analyzer.calls() == 1);
        String second = json(http.postJpeg("/jobs?analyses=embeddings", jpeg)).get("id").asString();
        analyzer.release();

        JsonNode firstDone = awaitFinished(http, first);
        JsonNode secondDone = awaitFinished(http, second);
        JsonNode third = json(http.postJpeg("/jobs?analyses=embeddings", jpeg));
        assertThat(firstDone.get("status").asString()).isEqualTo("done");
        assertThat(secondDone.get("results")).isEqualTo(firstDone.get("results"));
        assertThat(third.get("status").asString()).isEqualTo("done");
        assertThat(analyzer.calls()).isEqualTo(1);
    }

    @Test
    void runsAJobOnEveryBulkThreadAndServesASynchronousRequestBeforeTheJobsThatWait() throws IOException {
        ConfigurableApplicationContext service = start("BULK_THREADS=2");
        Http http = http(service);
        BlockingTestAnalyzer analyzer = service.getBean(BlockingTestAnalyzer.class);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(json(http.postJpeg("/jobs?analyses=embeddings", TestJpegs.baseline(30 + i, 30))).get("id").asString());
        }
        // Both bulk threads hold a job; three wait in the lane.
        await().atMost(PATIENCE).until(() -> analyzer.calls() == 2);

        CompletableFuture<HttpResponse<String>> interactive = http.postJpegAsync("/embeddings", TestJpegs.baseline(50, 30));

        // The synchronous request reaches the analyzer while the waiting jobs stay queued.
        await().atMost(PATIENCE).until(() -> analyzer.calls() == 3);
        for (String waiting : jobs.subList(2, 5)) {
            assertThat(json(http.get("/jobs/" + waiting)).get("status").asString()).isEqualTo("queued");
        }
        analyzer.release();
        assertThat(interactive.join().statusCode()).isEqualTo(200);
        jobs.forEach(id -> assertThat(awaitFinished(http, id).get("status").asString()).isEqualTo("done"));
    }

    @Test
    void aSynchronousRequestForAnImageWhoseBulkJobIsRunningGetsThatJobsAnswerWithoutAnalyzingAgain() throws Exception {
        ConfigurableApplicationContext service = start();
        Http http = http(service);
        BlockingTestAnalyzer analyzer = service.getBean(BlockingTestAnalyzer.class);
        AnalysisService requests = service.getBean(AnalysisService.class);
        InProcessDispatcher analysisThreads = service.getBean(InProcessDispatcher.class);
        byte[] jpeg = TestJpegs.baseline(46, 30);
        String id = json(http.postJpeg("/jobs?analyses=embeddings", jpeg)).get("id").asString();
        await().atMost(PATIENCE).until(() -> analyzer.calls() == 1);

        CompletableFuture<HttpResponse<String>> interactive = http.postJpegAsync("/embeddings", jpeg);
        // The request is on the interactive analysis thread; a second analysis would reach the analyzer at once.
        await().atMost(PATIENCE).until(() -> requests.inFlight() == 1 && analysisThreads.queued() == 0);
        Thread.sleep(300);
        assertThat(analyzer.calls()).isEqualTo(1);
        analyzer.release();

        HttpResponse<String> answer = interactive.join();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer)).isEqualTo(awaitFinished(http, id).get("results").get("embeddings"));
        assertThat(analyzer.calls()).isEqualTo(1);
    }

    @Test
    void reportsTheFailureOfAnAnalysisAsTheSynchronousRouteWouldHaveAnsweredIt() throws IOException {
        ConfigurableApplicationContext service = start();
        Http http = http(service);
        service.getBean(BlockingTestAnalyzer.class).release();
        byte[] jpeg = TestJpegs.baseline(44, 30);

        JsonNode job = awaitFinished(http, json(http.postJpeg("/jobs?analyses=embeddings,faces", jpeg)).get("id").asString());

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("results").propertyNames()).containsExactly("embeddings");
        HttpResponse<String> sync = http.postJpeg("/faces", jpeg);
        assertThat(job.get("errors").get("faces").get("status").asInt()).isEqualTo(sync.statusCode()).isEqualTo(503);
        assertThat(job.get("errors").get("faces").get("error")).isEqualTo(json(sync).get("error"));
    }

    @Test
    void finishesAJobAfterARestartThatInterruptedIt() throws IOException {
        ConfigurableApplicationContext first = start();
        BlockingTestAnalyzer held = first.getBean(BlockingTestAnalyzer.class);
        byte[] jpeg = TestJpegs.progressive(48, 32);
        String id = json(http(first).postJpeg("/jobs?analyses=embeddings", jpeg)).get("id").asString();
        String waiting = json(http(first).postJpeg("/jobs?analyses=embeddings", TestJpegs.progressive(49, 32))).get("id").asString();
        await().atMost(PATIENCE).until(() -> held.calls() == 1);

        services.remove(first);
        first.close();
        ConfigurableApplicationContext second = start();
        second.getBean(BlockingTestAnalyzer.class).release();

        assertThat(awaitFinished(http(second), id).get("status").asString()).isEqualTo("done");
        assertThat(awaitFinished(http(second), waiting).get("status").asString()).isEqualTo("done");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(imagesLeft()).isEmpty());
    }

    @Test
    void forgetsAFinishedJobAfterItsTtlButKeepsItsAnswer() throws IOException {
        ConfigurableApplicationContext service = start("JOB_TTL=1s", "JOB_SWEEP_INTERVAL=200ms");
        Http http = http(service);
        BlockingTestAnalyzer analyzer = service.getBean(BlockingTestAnalyzer.class);
        analyzer.release();
        byte[] jpeg = TestJpegs.grayscale(40, 40);
        String id = json(http.postJpeg("/jobs?analyses=embeddings", jpeg)).get("id").asString();
        JsonNode done = awaitFinished(http, id);

        await().atMost(PATIENCE).until(() -> http.get("/jobs/" + id).statusCode() == 404);

        assertJsonError(http.get("/jobs/" + id), 404, "no such job");
        assertThat(json(http.postJpeg("/embeddings", jpeg))).isEqualTo(done.get("results").get("embeddings"));
        assertThat(analyzer.calls()).isEqualTo(1);
    }

    private ConfigurableApplicationContext start(String... settings) throws IOException {
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("gallery-vision-jobs");
        }
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "DATA_DIR=" + dataDir, "MODEL_DIR=" + NoModels.directory(), "WORKER_THREADS=1", "BULK_THREADS=1",
                "spring.main.banner-mode=off", "logging.level.root=WARN"));
        properties.addAll(List.of(settings));
        ConfigurableApplicationContext service = new SpringApplicationBuilder(ApiIngressApplication.class,
                HeldEmbeddingsAnalyzer.class).properties(properties.toArray(String[]::new)).run();
        services.add(service);
        return service;
    }

    private List<Path> imagesLeft() throws IOException {
        Path images = dataDir.resolve("images");
        if (!Files.isDirectory(images)) {
            return List.of();
        }
        try (var files = Files.walk(images)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Http http(ConfigurableApplicationContext service) {
        return new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    static JsonNode awaitFinished(Http http, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = http.get("/jobs/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last[0] = json(response);
            return !last[0].get("status").asString().matches("queued|running");
        });
        return last[0];
    }
}
