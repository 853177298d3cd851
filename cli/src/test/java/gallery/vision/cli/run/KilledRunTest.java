package gallery.vision.cli.run;

import gallery.vision.cli.GalleryVisionCli;
import gallery.vision.cli.support.CliChild;
import gallery.vision.cli.support.FakeJobServer;
import gallery.vision.cli.support.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL in the middle (a child JVM running the tool, killed by {@code destroyForcibly}) and started
 * again finishes with every answer file whole, no temporary file left, and no image posted again whose answers were
 * all stored before the kill.
 */
class KilledRunTest {

    private static final List<String> SUFFIXES = List.of("similarity-embeddings.json", "objects.json", "faces.json");

    @TempDir
    Path storage;

    private FakeJobServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeJobServer().pollsBeforeDone(2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRunKilledMidwayAndStartedAgainCompletesWithoutRepostingWhatWasDone() throws Exception {
        Map<String, Path> previews = new TreeMap<>();
        for (int i = 0; i < 80; i++) {
            String id = TestStorage.entryId();
            previews.put(id, TestStorage.imageEntry(storage, id));
        }
        Process child = CliChild.start("reindex", "--server", server.uri().toString(), "--storage", storage.toString(),
                "--progress", "plain", "--concurrency", "2");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (server.posts().size() < 10 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor();
        assertThat(server.posts().size()).as("the run was killed midway").isBetween(10, 79);

        Set<String> doneBeforeKill = new HashSet<>();
        for (Map.Entry<String, Path> entry : previews.entrySet()) {
            if (SUFFIXES.stream().allMatch(s -> Files.exists(TestStorage.file(storage, entry.getKey(), s)))) {
                doneBeforeKill.add(FakeJobServer.sha1(Files.readAllBytes(entry.getValue())));
            }
        }
        assertThat(doneBeforeKill).as("images finished before the kill").isNotEmpty();
        int postsBeforeRestart = server.posts().size();

        assertThat(GalleryVisionCli.commandLine().execute("reindex", "--server", server.uri().toString(),
                "--storage", storage.toString(), "--progress", "plain", "--concurrency", "3")).isZero();

        List<String> repostedAfterRestart = new ArrayList<>();
        server.posts().subList(postsBeforeRestart, server.posts().size())
                .forEach(post -> repostedAfterRestart.add(post.sha1()));
        assertThat(repostedAfterRestart).doesNotContainAnyElementsOf(doneBeforeKill);
        for (Map.Entry<String, Path> entry : previews.entrySet()) {
            String sha1 = FakeJobServer.sha1(Files.readAllBytes(entry.getValue()));
            assertThat(TestStorage.file(storage, entry.getKey(), "faces.json")).hasContent(server.answer("faces", sha1));
            assertThat(TestStorage.file(storage, entry.getKey(), "objects.json")).hasContent(server.answer("objects", sha1));
            assertThat(TestStorage.file(storage, entry.getKey(), "similarity-embeddings.json"))
                    .hasContent(server.answer("embeddings", sha1));
        }
        try (Stream<Path> files = Files.walk(storage)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).isEmpty();
        }
    }
}
