package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gets the answers for one image through the job API: submits a job, waits for it with long polls (falling back to
 * polling after {@code Retry-After} on a server without them) until it is finished, hands each
 * batch of finished answers to the caller at once (so that an interrupted run keeps them), and asks again for the
 * analyses that failed transiently: 503 (honouring {@code Retry-After}), 504, no answer at all, or a job the server
 * forgot. Gives up after {@code maxRetries} retries; a 4xx for the image itself is final at once. Thread-safe when
 * its {@link JobClient} is: one image per call, one job in flight per call.
 */
public final class JobRunner {

    /** Receives finished answers as they arrive. */
    @FunctionalInterface
    public interface AnswerHandler {
        void accept(String srcSha1sum, Map<Analysis, String> answers) throws Exception;
    }

    /** Waits; a test may pass a fake that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final Duration MAX_POLL = Duration.ofSeconds(10);
    /** How long a long poll asks the server to hold the answer (the server may cut it to its {@code JOB_WAIT_MAX}). */
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** An unfinished answer that took less than this came at once: the server does not hold long polls. */
    private static final Duration HELD = Duration.ofSeconds(1);

    private final JobClient client;
    private final int maxRetries;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public JobRunner(JobClient client, int maxRetries, Backoff backoff, Sleeper sleeper) {
        this.client = client;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * Runs the analyses for one image.
     *
     * @return the analyses that finally failed, each with its last error (empty when all succeeded)
     */
    public Map<Analysis, String> run(byte[] jpeg, Set<Analysis> analyses, AnswerHandler handler)
            throws InterruptedException {
        EnumSet<Analysis> remaining = EnumSet.copyOf(analyses);
        Map<Analysis, String> failed = new EnumMap<>(Analysis.class);
        int retries = 0;
        while (!remaining.isEmpty()) {
            Optional<Duration> retryAfter = Optional.empty();
            Map<Analysis, String> transientErrors = new EnumMap<>(Analysis.class);
            try {
                JobState job = finish(client.submit(jpeg, remaining));
                if (!job.results().isEmpty()) {
                    deliver(handler, job, remaining);
                }
                for (Analysis analysis : EnumSet.copyOf(remaining)) {
                    JobState.AnalysisError error = job.errors().get(analysis);
                    if (error != null && !error.transientFailure()) {
                        failed.put(analysis, error.status() + " " + error.message());
                        remaining.remove(analysis);
                    } else {
                        transientErrors.put(analysis, error != null ? error.status() + " " + error.message()
                                : "job " + job.id() + " " + job.status() + " without an answer");
                    }
                }
                retryAfter = job.retryAfter();
            } catch (ServerException e) {
                if (!e.retryable() && e.status() != 404) {
                    remaining.forEach(a -> failed.put(a, e.getMessage()));
                    return failed;
                }
                remaining.forEach(a -> transientErrors.put(a, e.getMessage()));
                retryAfter = e.retryAfter();
            } catch (HandlerException e) {
                remaining.forEach(a -> failed.put(a, e.getMessage()));
                return failed;
            }
            if (remaining.isEmpty()) {
                break;
            }
            if (++retries > maxRetries) {
                remaining.forEach(a -> failed.put(a, transientErrors.get(a) + " (gave up after " + maxRetries + " retries)"));
                return failed;
            }
            sleeper.sleep(backoff.delay(retries, retryAfter));
        }
        return failed;
    }

    /**
     * Waits until the job is finished with long polls ({@code ?wait=}); when the server answers an unfinished job
     * at once (it ignores {@code wait}), polls after its {@code Retry-After} instead. A poll that fails transiently
     * is repeated with backoff.
     */
    private JobState finish(JobState submitted) throws ServerException, InterruptedException {
        JobState job = submitted;
        int pollFailures = 0;
        boolean held = true;
        while (!job.finished()) {
            if (!held) {
                sleeper.sleep(pollDelay(job.retryAfter()));
            }
            try {
                long start = System.nanoTime();
                job = client.poll(job.id(), WAIT);
                held = System.nanoTime() - start >= HELD.toNanos();
                pollFailures = 0;
            } catch (ServerException e) {
                if (!e.retryable() || ++pollFailures > maxRetries) {
                    throw e;
                }
                sleeper.sleep(backoff.delay(pollFailures, e.retryAfter()));
                held = true;
            }
        }
        return job;
    }

    private static Duration pollDelay(Optional<Duration> retryAfter) {
        Duration delay = retryAfter.orElse(DEFAULT_POLL);
        return delay.compareTo(MAX_POLL) > 0 ? MAX_POLL : delay;
    }

    private static void deliver(AnswerHandler handler, JobState job, Set<Analysis> remaining) throws HandlerException {
        Map<Analysis, String> answers = new EnumMap<>(Analysis.class);
        job.results().forEach((analysis, raw) -> {
            if (remaining.remove(analysis)) {
                answers.put(analysis, raw);
            }
        });
        try {
            handler.accept(job.srcSha1sum(), answers);
        } catch (Exception e) {
            throw new HandlerException("could not store the answers: " + e.getMessage(), e);
        }
    }

    private static final class HandlerException extends Exception {
        HandlerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
