package gallery.vision.cli.plan;

import java.util.List;

/**
 * What a source found.
 *
 * @param candidates   images that can be analysed
 * @param notIndexable labels of items that cannot (e.g. a video, or an entry without a preview of at most 800 px),
 *                     each with the reason
 */
public record Scan(List<Candidate> candidates, List<String> notIndexable) {

    public Scan {
        candidates = List.copyOf(candidates);
        notIndexable = List.copyOf(notIndexable);
    }
}
