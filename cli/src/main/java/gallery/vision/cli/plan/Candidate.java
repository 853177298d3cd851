package gallery.vision.cli.plan;

import java.nio.file.Path;

/**
 * One image a source offers for analysis.
 *
 * @param label    how reports name it (entry id or relative path)
 * @param image    the JPEG to post
 * @param existing the answers already stored for it
 */
public record Candidate(String label, Path image, ExistingAnswers existing) {
}
