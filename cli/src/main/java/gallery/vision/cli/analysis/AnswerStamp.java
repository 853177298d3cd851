package gallery.vision.cli.analysis;

import tools.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * Which model computed an answer: its {@code model} and {@code version} fields (either may be absent, e.g. in answers
 * of the original server or in faces answers written before faces carried a version).
 *
 * @param model   the answer's {@code model}, or null
 * @param version the answer's {@code version}, or null
 */
public record AnswerStamp(String model, String version) {

    /** The stamp of an answer object or of a {@code GET /models} entry; absent or non-string fields are null. */
    public static AnswerStamp of(JsonNode answer) {
        return new AnswerStamp(text(answer.path("model")), text(answer.path("version")));
    }

    /** True when this answer was computed by exactly the given model and version. */
    public boolean sameModelAs(AnswerStamp current) {
        return Objects.equals(model, current.model) && Objects.equals(version, current.version);
    }

    @Override
    public String toString() {
        return model + " " + version;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
