package gallery.vision.cli.write;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.plan.Candidate;

import java.io.IOException;
import java.util.Map;

/** Stores finished answers for one image. Implementations are thread-safe: jobs finish on several threads. */
public interface AnswerSink {

    /**
     * @param candidate  the image
     * @param srcSha1sum the sha1 of the posted bytes, as the service reports it
     * @param answers    the JSON text of each finished answer, exactly as the service sent it
     */
    void store(Candidate candidate, String srcSha1sum, Map<Analysis, String> answers) throws IOException;
}
