package gallery.vision.cli.e2e;

import gallery.vision.cli.GalleryVisionCli;
import gallery.vision.cli.support.CliChild;
import gallery.vision.cli.support.TestStorage;
import gallery.vision.ingress.ApiIngressApplication;
import gallery.vision.worker.djl.DjlPrivacy;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * {@code reindex} against the real ingress in embedded mode with the models the build converted, started in-process
 * on a random loopback port with its own {@code DATA_DIR}: every answer file must be byte for byte what the
 * synchronous route answers for the same preview (apart from {@code created}), and a second run must post nothing;
 * a run killed with SIGKILL (a child JVM) and started again completes without posting what was done; and
 * {@code --mode stale} rewrites exactly the answers whose {@code model}/{@code version} differ from {@code GET /models}.
 * Posts are counted server-side from the job records the ingress keeps in its {@code DATA_DIR}.
 */
class ReindexAgainstRealServerTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SUFFIXES = List.of("similarity-embeddings.json", "objects.json", "faces.json");

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext ingress;
    private static URI server;

    @BeforeAll
    static void startIngress() {
        DjlPrivacy.ensure();
        ingress = new SpringApplication(ApiIngressApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--DATA_DIR=" + data.resolve("ingress"),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        server = URI.create("http://127.0.0.1:" + ingress.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopIngress() {
        if (ingress != null) {
            ingress.close();
        }
    }

    @Test
    void reindexWritesTheSynchronousAnswersAndASecondRunPostsNothing(@TempDir Path storage) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = TestStorage.entryId();
            TestStorage.imageEntry(storage, id);
            ids.add(id);
        }

        StringWriter out = new StringWriter();
        assertThat(reindex(storage, out)).as(out.toString()).isZero();

        for (String id : ids) {
            byte[] preview = Files.readAllBytes(TestStorage.file(storage, id, "image-preview-800.jpg"));
            for (String analysis : List.of("embeddings", "objects", "faces")) {
                String suffix = analysis.equals("embeddings") ? "similarity-embeddings.json" : analysis + ".json";
                JsonNode stored = JSON.readTree(Files.readString(TestStorage.file(storage, id, suffix)));
                JsonNode sync = JSON.readTree(post("/" + analysis, preview));
                assertThat(withoutCreated(stored)).isEqualTo(withoutCreated(sync));
            }
        }

        StringWriter again = new StringWriter();
        assertThat(reindex(storage, again)).isZero();
        assertThat(again.toString()).contains("done 0, skipped 3");
    }

    @Test
    void aRunKilledWithSigkillAndStartedAgainCompletesWithoutPostingWhatWasDoneTwice(@TempDir Path storage)
            throws Exception {
        Map<String, String> sha1ById = new HashMap<>();
        for (int i = 0; i < 16; i++) {
            String id = TestStorage.entryId();
            TestStorage.imageEntry(storage, id);
            sha1ById.put(id, sha1(Files.readAllBytes(TestStorage.file(storage, id, "image-preview-800.jpg"))));
        }
        Process child = CliChild.start("reindex", "--server", server.toString(), "--storage", storage.toString(),
                "--progress", "plain", "--concurrency", "2");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (complete(storage, sha1ById).size() < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        child.destroyForcibly().waitFor();
        awaitNoRequestInProgress();
        Set<String> doneBeforeKill = complete(storage, sha1ById);
        assertThat(doneBeforeKill).as("images finished before the kill").isNotEmpty()
                .hasSizeLessThan(sha1ById.size());
        List<String> postedBeforeKill = postedSha1s(Set.copyOf(sha1ById.values()));
        assertThat(postedBeforeKill).containsAll(doneBeforeKill).doesNotHaveDuplicates();

        StringWriter out = new StringWriter();
        assertThat(reindex(storage, out, "missing")).as(out.toString()).isZero();

        List<String> postedAfterRestart = postedSha1s(Set.copyOf(sha1ById.values()));
        List<String> postedAgain = new ArrayList<>(postedAfterRestart);
        postedBeforeKill.forEach(postedAgain::remove);
        assertThat(postedAgain).doesNotContainAnyElementsOf(doneBeforeKill).doesNotHaveDuplicates();
        assertThat(complete(storage, sha1ById)).containsExactlyInAnyOrderElementsOf(sha1ById.values());
        for (String id : sha1ById.keySet()) {
            for (String suffix : SUFFIXES) {
                assertThatCode(() -> JSON.readTree(Files.readString(TestStorage.file(storage, id, suffix))))
                        .as("%s of %s is whole JSON", suffix, id).doesNotThrowAnyException();
            }
        }
        try (Stream<Path> files = Files.walk(storage)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void staleModeRewritesExactlyTheAnswersOfAnOlderModelOrVersion(@TempDir Path storage) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = TestStorage.entryId();
            TestStorage.imageEntry(storage, id);
            ids.add(id);
        }
        StringWriter first = new StringWriter();
        assertThat(reindex(storage, first, "missing")).as(first.toString()).isZero();

        // as the original server wrote faces (no version), and objects of an older revision of our model
        Path facesWithoutVersion = TestStorage.file(storage, ids.get(0), "faces.json");
        restamp(facesWithoutVersion, null);
        Path olderObjects = TestStorage.file(storage, ids.get(1), "objects.json");
        restamp(olderObjects, "0-older");
        Set<Path> stale = Set.of(facesWithoutVersion, olderObjects);

        Map<Path, byte[]> bytesBefore = new HashMap<>();
        Map<Path, FileTime> mtimeBefore = new HashMap<>();
        for (String id : ids) {
            for (String suffix : SUFFIXES) {
                Path file = TestStorage.file(storage, id, suffix);
                bytesBefore.put(file, Files.readAllBytes(file));
                mtimeBefore.put(file, Files.getLastModifiedTime(file));
            }
        }
        Thread.sleep(20);

        StringWriter out = new StringWriter();
        assertThat(reindex(storage, out, "stale")).as(out.toString()).isZero();

        for (Path file : bytesBefore.keySet()) {
            if (stale.contains(file)) {
                assertThat(Files.readAllBytes(file)).as("%s rewritten", file).isNotEqualTo(bytesBefore.get(file));
                assertThat(JSON.readTree(Files.readString(file)).path("version").isString()).isTrue();
            } else {
                assertThat(Files.readAllBytes(file)).as("%s untouched", file).isEqualTo(bytesBefore.get(file));
                assertThat(Files.getLastModifiedTime(file)).as("%s untouched", file).isEqualTo(mtimeBefore.get(file));
            }
        }
        StringWriter again = new StringWriter();
        assertThat(reindex(storage, again, "stale")).isZero();
        assertThat(again.toString()).contains("done 0, skipped 4");
    }

    /** Replaces an answer's {@code version} (null removes it), as an answer of another model revision would carry. */
    private static void restamp(Path answer, String version) throws Exception {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode)
                JSON.readTree(Files.readString(answer));
        if (version == null) {
            node.remove("version");
        } else {
            node.put("version", version);
        }
        Files.writeString(answer, JSON.writeValueAsString(node));
    }

    /**
     * Waits until the ingress has had no HTTP request in progress for half a second: a POST the killed run had sent
     * in full may still be landing, and its job record must be counted as posted before the kill, not after.
     */
    private static void awaitNoRequestInProgress() {
        MeterRegistry meters = ingress.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).during(Duration.ofMillis(500))
                .until(() -> meters.find("http.server.requests.active").longTaskTimers().stream()
                        .mapToInt(LongTaskTimer::activeTasks).sum() == 0);
        assertThat(meters.find("http.server.requests.active").longTaskTimer())
                .as("the ingress counts requests in progress").isNotNull();
    }

    /** The sha1s of the images whose three answer files all exist. */
    private static Set<String> complete(Path storage, Map<String, String> sha1ById) {
        Set<String> done = new HashSet<>();
        sha1ById.forEach((id, sha1) -> {
            if (SUFFIXES.stream().allMatch(s -> Files.exists(TestStorage.file(storage, id, s)))) {
                done.add(sha1);
            }
        });
        return done;
    }

    /** The image sha1 of every job the server accepted for one of these images (one element per job). */
    private static List<String> postedSha1s(Set<String> ofImages) throws Exception {
        List<String> sha1s = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve("ingress"))) {
            for (Path record : files.filter(f -> f.toString().contains("jobs/records/")
                    && f.getFileName().toString().endsWith(".json")).toList()) {
                String sha1 = JSON.readTree(Files.readString(record)).path("sha1").asString();
                if (ofImages.contains(sha1)) {
                    sha1s.add(sha1);
                }
            }
        }
        return sha1s;
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private static int reindex(Path storage, StringWriter out) {
        return reindex(storage, out, "missing");
    }

    private static int reindex(Path storage, StringWriter out, String mode) {
        CommandLine cli = GalleryVisionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute("reindex", "--server", server.toString(), "--storage", storage.toString(),
                "--progress", "plain", "--concurrency", "2", "--mode", mode);
    }

    private static String post(String path, byte[] jpeg) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode withoutCreated(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("created");
        return copy;
    }
}
