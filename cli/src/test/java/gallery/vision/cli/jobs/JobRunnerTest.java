package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.support.FakeJobServer;
import gallery.vision.cli.support.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static gallery.vision.cli.analysis.Analysis.EMBEDDINGS;
import static gallery.vision.cli.analysis.Analysis.FACES;
import static gallery.vision.cli.analysis.Analysis.OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800));

    private FakeJobServer server;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final Map<Analysis, String> stored = Collections.synchronizedMap(new EnumMap<>(Analysis.class));
    private final byte[] jpeg = TestStorage.jpeg(16, 16);
    private final String sha1 = FakeJobServer.sha1(jpeg);

    @BeforeEach
    void start() throws Exception {
        server = new FakeJobServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<Analysis, String> run(int retries, Analysis... analyses) throws InterruptedException {
        JobRunner runner = new JobRunner(new JobClient(server.uri()), retries, FAST, sleeps::add);
        return runner.run(jpeg, EnumSet.of(analyses[0], analyses), (sha, answers) -> {
            assertThat(sha).isEqualTo(sha1);
            stored.putAll(answers);
        });
    }

    @Test
    void pollsUntilDoneAndHandsOverTheAnswersVerbatim() throws Exception {
        server.pollsBeforeDone(3);

        assertThat(run(3, EMBEDDINGS, OBJECTS, FACES)).isEmpty();

        assertThat(stored).containsOnlyKeys(EMBEDDINGS, OBJECTS, FACES);
        assertThat(stored.get(FACES)).isEqualTo(server.answer("faces", sha1));
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void waitsWithLongPollsWithoutSleepingWhenTheServerHoldsThem() throws Exception {
        server.pollsBeforeDone(2);
        server.holdLongPolls(Duration.ofMillis(1200));

        assertThat(run(3, FACES)).isEmpty();

        assertThat(stored).containsOnlyKeys(FACES);
        assertThat(server.pollQueries()).hasSize(3).allMatch(query -> query.startsWith("wait="));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void pollsAfterRetryAfterWhenTheServerIgnoresTheWait() throws Exception {
        server.pollsBeforeDone(3);

        assertThat(run(3, FACES)).isEmpty();

        assertThat(stored).containsOnlyKeys(FACES);
        assertThat(server.pollQueries()).hasSize(4).allMatch(query -> query.startsWith("wait="));
        // Every unfinished answer came at once: the next poll waited for Retry-After first.
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void retriesA503AfterTheServersRetryAfter() throws Exception {
        server.failSubmissions(503, 7, 2);

        assertThat(run(3, FACES)).isEmpty();

        assertThat(stored).containsOnlyKeys(FACES);
        assertThat(sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(7)) >= 0)).hasSize(2);
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void retriesA504WithGrowingBackoff() throws Exception {
        server.failSubmissions(504, 0, 3);

        assertThat(run(3, FACES)).isEmpty();

        List<Duration> backoffs = sleeps.stream().filter(d -> d.toMillis() >= 100).toList();
        assertThat(backoffs).hasSize(3);
        assertThat(backoffs.get(2)).isGreaterThan(backoffs.get(0));
    }

    @Test
    void givesUpAfterTheLastRetryNamingTheError() throws Exception {
        server.failSubmissions(503, 0, 10);

        Map<Analysis, String> failed = run(2, OBJECTS);

        assertThat(failed).containsOnlyKeys(OBJECTS);
        assertThat(failed.get(OBJECTS)).contains("503").contains("busy").contains("gave up after 2 retries");
        assertThat(stored).isEmpty();
    }

    @Test
    void aRejectedImageFailsAtOnce() throws Exception {
        JobRunner runner = new JobRunner(new JobClient(server.uri()), 5, FAST, sleeps::add);

        Map<Analysis, String> failed = runner.run("not a jpeg".getBytes(), EnumSet.of(FACES), (s, a) -> stored.putAll(a));

        assertThat(failed.get(FACES)).contains("400").contains("Not a JPEG image");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void asksAgainOnlyForTheAnalysisThatFailedTransiently() throws Exception {
        server.failAnalysis("objects", 503, 1);

        assertThat(run(3, EMBEDDINGS, OBJECTS)).isEmpty();

        assertThat(stored).containsOnlyKeys(EMBEDDINGS, OBJECTS);
        assertThat(server.posts()).extracting(FakeJobServer.Post::analyses)
                .containsExactly(List.of("embeddings", "objects"), List.of("objects"));
    }

    @Test
    void keepsAnswersThatArrivedWhenAnotherAnalysisFailsForGood() throws Exception {
        server.failAnalysis("faces", 422, 1);

        Map<Analysis, String> failed = run(3, EMBEDDINGS, FACES);

        assertThat(stored).containsOnlyKeys(EMBEDDINGS);
        assertThat(failed).containsOnlyKeys(FACES);
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void resubmitsAJobTheServerForgot() throws Exception {
        server.forgetNextJob();

        assertThat(run(3, FACES)).isEmpty();

        assertThat(server.posts()).hasSize(2);
        assertThat(stored).containsOnlyKeys(FACES);
    }
}
