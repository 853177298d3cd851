package gallery.vision.cli;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.ServerModels;
import gallery.vision.cli.jobs.Backoff;
import gallery.vision.cli.jobs.JobClient;
import gallery.vision.cli.jobs.JobRunner;
import gallery.vision.cli.jobs.ServerException;
import gallery.vision.cli.photos.NdjsonResults;
import gallery.vision.cli.photos.PhotoSource;
import gallery.vision.cli.plan.Mode;
import gallery.vision.cli.plan.Scan;
import gallery.vision.cli.plan.WorkPlanner;
import gallery.vision.cli.progress.Counters;
import gallery.vision.cli.progress.PlainProgress;
import gallery.vision.cli.progress.Progress;
import gallery.vision.cli.progress.TerminalProgress;
import gallery.vision.cli.run.ReindexRun;
import gallery.vision.cli.run.RunSummary;
import gallery.vision.cli.storage.StorageSource;
import gallery.vision.cli.write.AnswerSink;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code reindex}: computes the answers a Home Gallery storage directory (or a folder of JPEGs) lacks through the
 * server's job API. Exit status 0 when everything requested is stored, 1 when something failed (listed at the end),
 * 2 for a usage error.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Computes embeddings, objects and faces for a whole gallery through the server's job API.",
                "%nWith --storage, DIR is a Home Gallery storage directory: for every image entry the largest preview"
                        + " of at most 800 px is sent and the answers are written where Home Gallery reads them"
                        + " (<entry>-similarity-embeddings.json, -objects.json, -faces.json).",
                "With --photos, every JPEG under DIR is sent and one JSON line per photo is appended to --out.",
                "%nFiles are written atomically; an interrupted run continues where it stopped when started again."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:everything requested is stored", "1:some answers failed (listed), or the server is unusable",
                "2:invalid arguments"})
final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "Gallery Vision server, e.g. http://localhost:3000")
    URI server;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--storage", paramLabel = "DIR", description = "Home Gallery storage directory")
        Path storage;

        @ArgGroup(exclusive = false)
        PhotoFolder photos;
    }

    static final class PhotoFolder {
        @Option(names = "--photos", required = true, paramLabel = "DIR", description = "folder of JPEGs (recursive)")
        Path dir;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "results file, one JSON line per photo")
        Path out;
    }

    @Option(names = "--mode", defaultValue = "missing", paramLabel = "MODE",
            description = "missing (default): only absent answers; stale: also answers of another model or version"
                    + " than GET /models reports; all: every requested answer")
    Mode mode;

    @Option(names = "--analyses", split = ",", paramLabel = "LIST", converter = AnalysisConverter.class,
            description = "comma-separated subset of embeddings,objects,faces (default: all the server has installed)")
    List<Analysis> analyses;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "jobs in flight at most (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--retries", defaultValue = "8", paramLabel = "N",
            description = "retries of a 503, 504 or unreachable server per image, with backoff (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "WHEN",
            description = "auto (default): a live bar on a terminal, else a line every 5 s; bar; plain")
    ProgressStyle progress;

    enum ProgressStyle { AUTO, BAR, PLAIN }

    static final class AnalysisConverter implements picocli.CommandLine.ITypeConverter<Analysis> {
        @Override
        public Analysis convert(String value) {
            return Analysis.ofApiName(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        JobClient client = new JobClient(server);
        ServerModels models;
        try {
            models = client.models();
        } catch (ServerException e) {
            err.println("reindex: cannot use " + client.server() + ": " + e.getMessage());
            return 1;
        }
        Set<Analysis> requested = requested(models, err);
        if (requested == null) {
            return 1;
        }
        WorkPlanner planner = new WorkPlanner(mode, requested, models);
        JobRunner runner = new JobRunner(client, retries, Backoff.DEFAULT, duration -> Thread.sleep(duration.toMillis()));
        RunSummary summary;
        if (target.storage != null) {
            StorageSource storage = new StorageSource(target.storage);
            Scan scan = storage.scan();
            if (scan.candidates().isEmpty() && scan.notIndexable().isEmpty()) {
                err.println("reindex: no Home Gallery entries under " + target.storage
                        + " (expected ab/cd/<rest of the entry id>-image-preview-<size>.jpg)");
                return 1;
            }
            summary = run(planner, runner, storage, scan);
        } else {
            try (NdjsonResults results = NdjsonResults.open(target.photos.out, target.photos.dir)) {
                summary = run(planner, runner, results, new PhotoSource(target.photos.dir, results).scan());
            }
        }
        report(summary, requested, out);
        return summary.success() ? 0 : 1;
    }

    private RunSummary run(WorkPlanner planner, JobRunner runner, AnswerSink sink, Scan scan) throws InterruptedException {
        return new ReindexRun(planner, runner, sink, concurrency).run(scan, progressDisplay());
    }

    private void validate() {
        if (concurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
        }
        if (retries < 0) {
            throw new ParameterException(spec.commandLine(), "--retries must not be negative");
        }
        if (server.getScheme() == null || !server.getScheme().matches("https?") || server.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--server must be an http(s) URL, e.g. http://localhost:3000");
        }
        Path dir = target.storage != null ? target.storage : target.photos.dir;
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), dir + " is not a directory");
        }
        if (target.photos != null && Files.isDirectory(target.photos.out)) {
            throw new ParameterException(spec.commandLine(), "--out " + target.photos.out + " is a directory");
        }
    }

    /** The analyses to run, or null (after saying why) when one asked for is not installed. */
    private Set<Analysis> requested(ServerModels models, PrintWriter err) {
        if (analyses == null || analyses.isEmpty()) {
            if (models.analyses().isEmpty()) {
                err.println("reindex: the server at " + server + " has no analysis installed (GET /models is empty)");
                return null;
            }
            return EnumSet.copyOf(models.analyses());
        }
        Set<Analysis> wanted = EnumSet.copyOf(analyses);
        Set<Analysis> missing = EnumSet.copyOf(wanted);
        missing.removeAll(models.analyses());
        if (!missing.isEmpty()) {
            err.println("reindex: not installed on the server: " + Analysis.names(missing)
                    + " (installed: " + (models.analyses().isEmpty() ? "none" : Analysis.names(models.analyses())) + ")");
            return null;
        }
        return wanted;
    }

    private Function<Counters, Progress> progressDisplay() {
        boolean bar = progress == ProgressStyle.BAR || progress == ProgressStyle.AUTO && System.console() != null;
        if (bar) {
            return TerminalProgress::new;
        }
        return counters -> new PlainProgress(counters, System.err, Duration.ofSeconds(5));
    }

    private void report(RunSummary summary, Set<Analysis> requested, PrintWriter out) {
        out.printf("reindex %s (%s, mode %s): done %d, skipped %d (up to date), failed %d, not sent %d (videos, no small preview), time %s%n",
                target.storage != null ? target.storage : target.photos.dir, Analysis.names(requested),
                mode.name().toLowerCase(java.util.Locale.ROOT), summary.done(), summary.skipped(),
                summary.failed(), summary.notIndexable().size(),
                gallery.vision.cli.progress.Durations.format(summary.time()));
        List<String> failures = summary.failures();
        int shown = Math.min(failures.size(), 50);
        for (int i = 0; i < shown; i++) {
            out.println("  failed: " + failures.get(i));
        }
        if (failures.size() > shown) {
            out.println("  ... and " + (failures.size() - shown) + " more failures");
        }
        if (!failures.isEmpty()) {
            out.println("Run the same command again to retry what failed; what is done is not sent again.");
        }
        out.flush();
    }
}
