package gallery.vision.cli.e2e;

import gallery.vision.cli.GalleryVisionCli;
import gallery.vision.cli.support.TestStorage;
import gallery.vision.ingress.ApiIngressApplication;
import gallery.vision.worker.djl.DjlPrivacy;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reindex} against the real ingress in embedded mode with the models the build converted, started in-process
 * on a random loopback port with its own {@code DATA_DIR}: every answer file must be byte for byte what the
 * synchronous route answers for the same preview (apart from {@code created}), and a second run must post nothing.
 */
class ReindexAgainstRealServerTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    private static int reindex(Path storage, StringWriter out) {
        CommandLine cli = GalleryVisionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute("reindex", "--server", server.toString(), "--storage", storage.toString(),
                "--progress", "plain", "--concurrency", "2");
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
