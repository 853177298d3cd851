package gallery.vision.common.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON document an analysis answers with, field for field as the original server writes it. Fields an analysis
 * does not report (the size, for embeddings) are null and left out. Every answer names its model and version; the
 * original server's faces answer had no {@code version}, ours adds it (Home Gallery ignores fields it does not know).
 *
 * @param srcSha1sum sha1 hex of the posted JPEG
 * @param model      name of the network that computed {@code data}
 * @param version    its version
 * @param created    ISO-8601 UTC instant with milliseconds, e.g. {@code 2021-02-28T07:15:11.522Z}
 * @param width      decoded image width, where the analysis reports the size
 * @param height     decoded image height, likewise
 * @param data       the analysis result proper
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"srcSha1sum", "model", "version", "created", "width", "height", "data"})
public record Answer(String srcSha1sum, String model, String version, String created, Integer width, Integer height,
                     Object data) {
}
