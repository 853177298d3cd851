package gallery.vision.cli.run;

import gallery.vision.cli.GalleryVisionCli;
import gallery.vision.cli.support.FakeJobServer;
import gallery.vision.cli.support.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code reindex} command end to end against the scripted job API (client behaviour; the real server: e2e). */
class ReindexCommandTest {

    @TempDir
    Path storage;

    private FakeJobServer server;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        server = new FakeJobServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int reindex(String... extra) {
        List<String> args = new ArrayList<>(List.of("reindex", "--server", server.uri().toString(), "--progress", "plain",
                "--concurrency", "3", "--retries", "2"));
        if (Stream.of(extra).noneMatch(a -> a.equals("--photos"))) {
            args.addAll(List.of("--storage", storage.toString()));
        }
        args.addAll(List.of(extra));
        return execute(args.toArray(String[]::new));
    }

    private int execute(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine cli = GalleryVisionCli.commandLine();
        cli.setOut(new PrintWriter(outText));
        cli.setErr(new PrintWriter(errText));
        int status = cli.execute(args);
        out = outText.toString();
        err = errText.toString();
        return status;
    }

    private String sha1(Path file) throws Exception {
        return FakeJobServer.sha1(Files.readAllBytes(file));
    }

    @Test
    void writesEveryMissingAnswerWhereHomeGalleryReadsIt() throws Exception {
        String a = TestStorage.entryId();
        String b = TestStorage.entryId();
        Path previewA = TestStorage.imageEntry(storage, a);
        Path previewB = TestStorage.imageEntry(storage, b);
        Path objectsB = TestStorage.write(storage, b, "objects.json", "{\"model\":\"from the original\"}".getBytes());
        String video = TestStorage.entryId();
        TestStorage.write(storage, video, "video-poster.jpg", TestStorage.jpeg(8, 8));
        TestStorage.write(storage, video, "image-preview-320.jpg", TestStorage.jpeg(8, 8));
        String bigOnly = TestStorage.entryId();
        TestStorage.write(storage, bigOnly, "image-preview-1280.jpg", TestStorage.jpeg(8, 8));

        assertThat(reindex()).as(out + err).isZero();

        for (String analysis : List.of("embeddings", "objects", "faces")) {
            String suffix = analysis.equals("embeddings") ? "similarity-embeddings.json" : analysis + ".json";
            assertThat(TestStorage.file(storage, a, suffix)).hasContent(server.answer(analysis, sha1(previewA)));
        }
        assertThat(TestStorage.file(storage, b, "faces.json")).hasContent(server.answer("faces", sha1(previewB)));
        assertThat(objectsB).hasContent("{\"model\":\"from the original\"}");
        assertThat(server.posts()).extracting(FakeJobServer.Post::sha1)
                .containsExactlyInAnyOrder(sha1(previewA), sha1(previewB));
        String sha1B = sha1(previewB);
        assertThat(server.posts()).filteredOn(p -> p.sha1().equals(sha1B))
                .extracting(FakeJobServer.Post::analyses).containsExactly(List.of("embeddings", "faces"));
        assertThat(TestStorage.file(storage, video, "faces.json")).doesNotExist();
        assertThat(out).contains("done 2, skipped 0", "failed 0", "not sent 2");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aSecondRunPostsNothingThatIsDone() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestStorage.imageEntry(storage, TestStorage.entryId());
        }
        assertThat(reindex()).isZero();
        int posts = server.posts().size();

        assertThat(reindex()).isZero();

        assertThat(server.posts()).hasSize(posts);
        assertThat(out).contains("done 0, skipped 5");
    }

    @Test
    void staleRewritesExactlyTheAnswersOfAnOlderModel() throws Exception {
        String id = TestStorage.entryId();
        Path preview = TestStorage.imageEntry(storage, id);
        assertThat(reindex()).isZero();
        Path objects = TestStorage.file(storage, id, "objects.json");
        long objectsModified = Files.getLastModifiedTime(objects).toMillis();
        server.model("faces", "face-api", "f2");

        assertThat(reindex("--mode", "stale")).as(out + err).isZero();

        assertThat(server.posts().get(server.posts().size() - 1).analyses()).containsExactly("faces");
        assertThat(TestStorage.file(storage, id, "faces.json")).hasContent(server.answer("faces", sha1(preview)));
        assertThat(Files.getLastModifiedTime(objects).toMillis()).isEqualTo(objectsModified);
        assertThat(server.posts()).hasSize(2);
    }

    @Test
    void allRecomputesEverythingRequested() throws Exception {
        TestStorage.imageEntry(storage, TestStorage.entryId());
        assertThat(reindex()).isZero();

        assertThat(reindex("--mode", "all", "--analyses", "objects")).isZero();

        assertThat(server.posts()).hasSize(2);
        assertThat(server.posts().get(1).analyses()).containsExactly("objects");
    }

    @Test
    void exitsNonZeroListingWhatFailedAndTheNextRunRetriesOnlyThat() throws Exception {
        String id = TestStorage.entryId();
        TestStorage.imageEntry(storage, id);
        server.failAnalysis("faces", 422, 1);

        assertThat(reindex()).isEqualTo(1);
        assertThat(out).contains("failed 1", "failed: " + id + ": faces: 422");
        assertThat(TestStorage.file(storage, id, "objects.json")).exists();

        assertThat(reindex()).isZero();
        assertThat(server.posts().get(1).analyses()).containsExactly("faces");
    }

    @Test
    void refusesAnAnalysisTheServerHasNotInstalled() throws Exception {
        TestStorage.imageEntry(storage, TestStorage.entryId());
        server.model("faces", null, null);

        assertThat(reindex("--analyses", "objects,faces")).isEqualTo(1);

        assertThat(err).contains("not installed on the server: faces", "installed: embeddings,objects");
        assertThat(server.posts()).isEmpty();
    }

    @Test
    void defaultsToTheAnalysesTheServerHasInstalled() throws Exception {
        TestStorage.imageEntry(storage, TestStorage.entryId());
        server.model("faces", null, null);

        assertThat(reindex()).isZero();

        assertThat(server.posts().get(0).analyses()).containsExactly("embeddings", "objects");
    }

    @Test
    void anUnreachableServerIsAClearErrorWithoutTouchingTheStorage() throws Exception {
        TestStorage.imageEntry(storage, TestStorage.entryId());
        server.close();

        assertThat(reindex()).isEqualTo(1);

        assertThat(err).contains("cannot use " + server.uri(), "connection refused");
    }

    @Test
    void aDirectoryWithoutEntriesIsAnError() {
        assertThat(reindex()).isEqualTo(1);

        assertThat(err).contains("no Home Gallery entries under " + storage);
    }

    @Test
    void anUnknownAnalysisIsAUsageError() {
        assertThat(reindex("--analyses", "faces,cats")).isEqualTo(2);

        assertThat(err).contains("unknown analysis 'cats'");
    }

    @Test
    void photosFormWritesOneLinePerPhotoAndResumes() throws Exception {
        Path photos = Files.createDirectories(storage.resolve("photos/2024"));
        Path first = Files.write(photos.resolve("a.jpg"), TestStorage.jpeg(16, 16));
        Path second = Files.write(photos.resolve("b.JPEG"), TestStorage.jpeg(16, 16));
        Files.writeString(photos.resolve("notes.txt"), "not a photo");
        Path results = storage.resolve("results.ndjson");

        assertThat(reindex("--photos", storage.resolve("photos").toString(), "--out", results.toString(),
                "--analyses", "faces")).as(out + err).isZero();

        List<String> lines = Files.readAllLines(results);
        assertThat(lines).containsExactlyInAnyOrder(
                "{\"path\":\"2024/a.jpg\",\"sha1\":\"" + sha1(first) + "\",\"answers\":{\"faces\":"
                        + server.answer("faces", sha1(first)) + "}}",
                "{\"path\":\"2024/b.JPEG\",\"sha1\":\"" + sha1(second) + "\",\"answers\":{\"faces\":"
                        + server.answer("faces", sha1(second)) + "}}");

        // a killed run leaves a torn last line: that photo is done again, the other is not posted again
        String whole = lines.get(0) + "\n";
        Files.writeString(results, whole + lines.get(1).substring(0, 30));
        assertThat(reindex("--photos", storage.resolve("photos").toString(), "--out", results.toString(),
                "--analyses", "faces")).isZero();

        assertThat(server.posts()).hasSize(3);
        assertThat(Files.readAllLines(results)).containsExactlyInAnyOrderElementsOf(lines);
    }

    private List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
