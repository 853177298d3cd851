package gallery.vision.ingress.jobs;

import gallery.vision.ingress.web.body.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Asynchronous jobs: {@code POST /jobs} takes a raw JPEG like the synchronous routes and answers {@code 202} with
 * the job's {@code Location}; {@code GET /jobs/{id}} reports it, with {@code Retry-After} until it is finished.
 * Errors (bad input, unknown analysis, unknown job) are {@link gallery.vision.common.ApiError}s, rendered as
 * everywhere else.
 */
@RestController
public class JobsController {

    private final RequestBodies bodies;
    private final JobService jobs;
    private final JsonMapper json;
    private final String retryAfter;

    public JobsController(RequestBodies bodies, JobService jobs, JsonMapper json, JobProperties properties) {
        this.bodies = bodies;
        this.jobs = jobs;
        this.json = json;
        this.retryAfter = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    }

    @PostMapping(path = "/jobs", consumes = MediaType.IMAGE_JPEG_VALUE)
    public ResponseEntity<byte[]> submit(@RequestParam(name = "analyses", required = false) String analyses,
                                         HttpServletRequest request) {
        var kinds = RequestedAnalyses.parse(analyses);
        JobReport report = jobs.submit(kinds, bodies.read(request));
        return answer(ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/jobs/" + report.id())), report);
    }

    @GetMapping("/jobs/{id}")
    public ResponseEntity<byte[]> report(@PathVariable("id") String id) {
        return answer(ResponseEntity.ok(), jobs.report(id));
    }

    private ResponseEntity<byte[]> answer(ResponseEntity.BodyBuilder response, JobReport report) {
        if (!report.status().finished()) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(report));
    }
}
