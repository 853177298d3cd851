package gallery.vision.cli.run;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.jobs.JobRunner;
import gallery.vision.cli.plan.Candidate;
import gallery.vision.cli.plan.Scan;
import gallery.vision.cli.plan.WorkPlanner;
import gallery.vision.cli.progress.Counters;
import gallery.vision.cli.progress.Progress;
import gallery.vision.cli.write.AnswerSink;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One re-indexing run: plans each scanned image, then works through those with something to do on
 * {@code concurrency} threads, each with at most one job in flight, storing answers as they arrive.
 * Not reusable: one instance per run.
 */
public final class ReindexRun {

    private final WorkPlanner planner;
    private final JobRunner runner;
    private final AnswerSink sink;
    private final int concurrency;

    public ReindexRun(WorkPlanner planner, JobRunner runner, AnswerSink sink, int concurrency) {
        this.planner = planner;
        this.runner = runner;
        this.sink = sink;
        this.concurrency = concurrency;
    }

    /**
     * @param scan     what the source offers
     * @param progress makes the progress display for the counters of the planned work
     */
    public RunSummary run(Scan scan, Function<Counters, Progress> progress) throws InterruptedException {
        long start = System.nanoTime();
        List<Work> work = new ArrayList<>();
        for (Candidate candidate : scan.candidates()) {
            Set<Analysis> todo = planner.plan(candidate.existing());
            if (!todo.isEmpty()) {
                work.add(new Work(candidate, todo));
            }
        }
        long skipped = scan.candidates().size() - work.size();
        Counters counters = new Counters(work.size(), System.nanoTime());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), daemonThreads());
        try (Progress display = progress.apply(counters)) {
            List<Future<?>> running = new ArrayList<>();
            for (Work item : work) {
                running.add(pool.submit(() -> {
                    List<String> failed = process(item);
                    failures.addAll(failed);
                    display.advance(!failed.isEmpty());
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a reindex task failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> sorted = new ArrayList<>(failures);
        Collections.sort(sorted);
        return new RunSummary(counters.done(), skipped, counters.failed(), scan.notIndexable(), sorted,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> process(Work item) throws InterruptedException {
        Candidate candidate = item.candidate();
        byte[] jpeg;
        try {
            jpeg = Files.readAllBytes(candidate.image());
        } catch (IOException e) {
            return List.of(candidate.label() + ": cannot read " + candidate.image() + ": " + e.getMessage());
        }
        Map<Analysis, String> failed = runner.run(jpeg, item.todo(),
                (sha1, answers) -> sink.store(candidate, sha1, answers));
        List<String> lines = new ArrayList<>();
        failed.forEach((analysis, error) -> lines.add(candidate.label() + ": " + analysis.apiName() + ": " + error));
        return lines;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, "reindex-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Work(Candidate candidate, Set<Analysis> todo) {
    }
}
