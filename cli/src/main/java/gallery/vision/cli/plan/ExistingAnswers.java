package gallery.vision.cli.plan;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;

import java.util.Optional;

/** The answers already stored for one image, as its source (storage directory or results file) knows them. */
public interface ExistingAnswers {

    /** True when an answer for this analysis is stored (readable or not). */
    boolean has(Analysis analysis);

    /** Model and version of the stored answer; empty when it is absent or cannot be read as JSON. */
    Optional<AnswerStamp> stamp(Analysis analysis);
}
