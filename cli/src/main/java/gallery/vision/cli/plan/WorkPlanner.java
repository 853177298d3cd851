package gallery.vision.cli.plan;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.analysis.ServerModels;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for one image, which of the requested analyses to compute under a {@link Mode}. Pure and thread-safe.
 *
 * @param mode      the run's mode
 * @param requested the analyses asked for (all installed on the server)
 * @param server    the server's current models
 */
public record WorkPlanner(Mode mode, Set<Analysis> requested, ServerModels server) {

    public WorkPlanner {
        requested = Set.copyOf(requested);
    }

    /** The analyses to compute for an image with these stored answers; empty when it is up to date. */
    public Set<Analysis> plan(ExistingAnswers existing) {
        EnumSet<Analysis> todo = EnumSet.noneOf(Analysis.class);
        for (Analysis analysis : requested) {
            if (needed(analysis, existing)) {
                todo.add(analysis);
            }
        }
        return todo;
    }

    private boolean needed(Analysis analysis, ExistingAnswers existing) {
        return switch (mode) {
            case ALL -> true;
            case MISSING -> !existing.has(analysis);
            case STALE -> !existing.has(analysis) || isStale(existing.stamp(analysis), analysis);
        };
    }

    private boolean isStale(Optional<AnswerStamp> stored, Analysis analysis) {
        AnswerStamp current = server.stamp(analysis)
                .orElseThrow(() -> new IllegalStateException(analysis.apiName() + " is not installed on the server"));
        return stored.map(stamp -> !stamp.sameModelAs(current)).orElse(true);
    }
}
