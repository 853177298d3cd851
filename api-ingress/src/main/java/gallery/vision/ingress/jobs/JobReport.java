package gallery.vision.ingress.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.util.RawValue;

import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code POST /jobs} and {@code GET /jobs/{id}}. Each result is the stored answer's bytes as they
 * are, so it is exactly what the synchronous route answers for the same image.
 *
 * @param id         the job id
 * @param status     {@link JobStatus}
 * @param srcSha1sum sha1 hex of the posted image
 * @param analyses   the analyses asked for
 * @param created    when the job was accepted (ISO-8601 UTC with milliseconds)
 * @param results    per finished analysis, the synchronous route's answer
 * @param errors     per failed analysis, its status and message as the synchronous route would have answered
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "status", "srcSha1sum", "analyses", "created", "results", "errors"})
public record JobReport(String id, JobStatus status, String srcSha1sum, List<String> analyses, String created,
                        Map<String, RawValue> results, Map<String, Failure> errors) {

    /** A failed analysis: the HTTP status and {@code error} message the synchronous route would have answered. */
    public record Failure(int status, String error) {
    }
}
