package gallery.vision.worker.metrics;

import com.rabbitmq.client.Channel;
import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import gallery.vision.common.Sha1;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.TestJpegs;
import gallery.vision.common.jobs.JobMessages;
import gallery.vision.common.metrics.MetricNames;
import gallery.vision.common.storage.FileBlobStore;
import gallery.vision.common.storage.StorageKeys;
import gallery.vision.worker.amqp.JobListener;
import gallery.vision.worker.amqp.Replies;
import gallery.vision.worker.analysis.AnalyzerRegistry;
import gallery.vision.worker.analysis.InstalledAnalyzer;
import gallery.vision.worker.catalog.ModelAnnouncer;
import gallery.vision.worker.job.JobHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The worker's job counters, with the real {@link JobListener}, job handler, file store and decoder in-process: each
 * documented outcome of a delivery lands in its {@code gallery_vision_worker_jobs_total} series, a redelivery is
 * counted, and the analysis is timed as {@code gallery_vision_inference_seconds}. The broker is stood in for by a mock
 * channel (the ack/nack calls are what is asserted), the analyzer by a plain fake: no model output is asserted.
 * The same listener against the real broker: {@code gallery.vision.it.DistributedModeTest}.
 */
class JobListenerMetricsTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Channel channel = mock(Channel.class);
    private FileBlobStore store;
    private JobListener listener;

    @BeforeEach
    void listener() {
        store = new FileBlobStore(dir);
        JsonMapper json = JsonMapper.builder().build();
        InstalledAnalyzer fake = InferenceTimers.timed(new InstalledAnalyzer(AnalysisKind.EMBEDDINGS,
                new ModelRef("fake", "1"), image -> List.of(image.width())), registry);
        AnalyzerRegistry analyzers = new AnalyzerRegistry(List.of(fake));
        JobHandler handler = new JobHandler(analyzers, store, json, Clock.systemUTC());
        listener = new JobListener(handler, store, new JpegDecoder(1_000_000), new Replies(null),
                new ModelAnnouncer(analyzers, store, json), new WorkerJobMetrics(registry, MetricNames.INTERACTIVE));
    }

    private double jobs(WorkerJobOutcome outcome) {
        return registry.get(MetricNames.WORKER_JOBS).tag(MetricNames.LANE, MetricNames.INTERACTIVE)
                .tag(MetricNames.OUTCOME, outcome.tag()).counter().count();
    }

    private double redeliveries() {
        return registry.get(MetricNames.WORKER_REDELIVERIES).tag(MetricNames.LANE, MetricNames.INTERACTIVE).counter().count();
    }

    private String storedImage() {
        byte[] jpeg = TestJpegs.baseline(40, 24);
        String sha1 = Sha1.hex(jpeg);
        store.put(StorageKeys.imageKey(sha1), jpeg);
        return sha1;
    }

    @Test
    void countsAnsweredJobAndTimesItsInference() throws Exception {
        listener.onMessage(JobMessages.job(AnalysisKind.EMBEDDINGS, storedImage()), channel);

        verify(channel).basicAck(anyLong(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.ANSWERED)).isEqualTo(1);
        assertThat(redeliveries()).isZero();
        assertThat(registry.get(MetricNames.INFERENCE).tag(MetricNames.ANALYSIS, "embeddings")
                .tag(MetricNames.NETWORK, "fake").timer().count()).isEqualTo(1);
    }

    @Test
    void countsRedeliveredJobForMissingModelAsRedeliveryAndRepliedError() throws Exception {
        Message job = JobMessages.job(AnalysisKind.FACES, storedImage());
        job.getMessageProperties().setRedelivered(true);

        listener.onMessage(job, channel);

        verify(channel).basicAck(anyLong(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.REPLIED_ERROR)).isEqualTo(1);
        assertThat(jobs(WorkerJobOutcome.ANSWERED)).isZero();
        assertThat(redeliveries()).isEqualTo(1);
    }

    @Test
    void countsJobWhoseImageIsGoneAsRequeued() throws Exception {
        listener.onMessage(JobMessages.job(AnalysisKind.EMBEDDINGS, Sha1.hex(new byte[] {42})), channel);

        verify(channel).basicNack(anyLong(), anyBoolean(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.REQUEUED)).isEqualTo(1);
    }

    @Test
    void repliesBadInputInACarriedImageAsAnErrorInsteadOfRequeueingIt() throws Exception {
        byte[] damaged = TestJpegs.truncated(TestJpegs.baseline(60, 40), 0.9);

        listener.onMessage(JobMessages.jobWithImage(AnalysisKind.EMBEDDINGS, Sha1.hex(damaged), damaged), channel);

        verify(channel).basicAck(anyLong(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.REPLIED_ERROR)).isEqualTo(1);
        assertThat(jobs(WorkerJobOutcome.REQUEUED)).isZero();
    }

    @Test
    void requeuesAJobWhoseImageFromTheStoreDoesNotDecode() throws Exception {
        byte[] damaged = TestJpegs.truncated(TestJpegs.baseline(60, 40), 0.9);
        String sha1 = Sha1.hex(damaged);
        store.put(StorageKeys.imageKey(sha1), damaged);

        listener.onMessage(JobMessages.job(AnalysisKind.EMBEDDINGS, sha1), channel);

        verify(channel).basicNack(anyLong(), anyBoolean(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.REQUEUED)).isEqualTo(1);
    }

    @Test
    void countsMessageThatIsNoJobAsRejected() throws Exception {
        listener.onMessage(new Message("hello".getBytes(), new MessageProperties()), channel);

        verify(channel).basicReject(anyLong(), anyBoolean());
        assertThat(jobs(WorkerJobOutcome.REJECTED)).isEqualTo(1);
        assertThat(jobs(WorkerJobOutcome.ANSWERED) + jobs(WorkerJobOutcome.REQUEUED)
                + jobs(WorkerJobOutcome.REPLIED_ERROR)).isZero();
    }
}
