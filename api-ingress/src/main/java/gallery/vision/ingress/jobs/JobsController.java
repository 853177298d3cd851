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
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asynchronous jobs: {@code POST /jobs} takes a raw JPEG like the synchronous routes and answers {@code 202} with
 * the job's {@code Location}; {@code GET /jobs/{id}} reports it, with {@code Retry-After} until it is finished.
 * {@code GET /jobs/{id}?wait=20s} is a long poll: the request is held, without a thread, until the job is finished
 * or the wait (at most {@code JOB_WAIT_MAX}) is over, then answered the same way ({@link JobWaits}).
 * Errors (bad input, unknown analysis, unknown job) are {@link gallery.vision.common.ApiError}s, rendered as
 * everywhere else.
 */
@RestController
public class JobsController {

    private static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final RequestBodies bodies;
    private final JobService jobs;
    private final JsonMapper json;
    private final JobWaits waits;
    private final String retryAfter;
    private final Duration waitMax;

    public JobsController(RequestBodies bodies, JobService jobs, JobWaits waits, JsonMapper json,
                          JobProperties properties) {
        this.bodies = bodies;
        this.jobs = jobs;
        this.waits = waits;
        this.json = json;
        this.retryAfter = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        this.waitMax = properties.waitMax();
    }

    @PostMapping(path = "/jobs", consumes = MediaType.IMAGE_JPEG_VALUE)
    public ResponseEntity<byte[]> submit(@RequestParam(name = "analyses", required = false) String analyses,
                                         HttpServletRequest request) {
        var kinds = RequestedAnalyses.parse(analyses);
        JobReport report = jobs.submit(kinds, bodies.read(request));
        return answer(ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/jobs/" + report.id())), report);
    }

    /** A {@link ResponseEntity} when answered at once, a {@link DeferredResult} while the job is waited for. */
    @GetMapping("/jobs/{id}")
    public Object report(@PathVariable("id") String id, @RequestParam(name = "wait", required = false) String wait) {
        Duration waiting = JobWait.parse(wait, waitMax);
        CompletableFuture<JobReport> report = waits.await(id, waiting);
        if (report.isDone() && !report.isCompletedExceptionally()) {
            return answer(ResponseEntity.ok(), report.join());
        }
        // JobWaits answers at the end of the wait itself; the servlet container's timeout is only a backstop.
        DeferredResult<ResponseEntity<byte[]>> result = new DeferredResult<>(waiting.plus(BACKSTOP).toMillis());
        report.whenComplete((finished, error) -> {
            if (error != null) {
                result.setErrorResult(error instanceof CompletionException ? error.getCause() : error);
            } else {
                result.setResult(answer(ResponseEntity.ok(), finished));
            }
        });
        return result;
    }

    private ResponseEntity<byte[]> answer(ResponseEntity.BodyBuilder response, JobReport report) {
        if (!report.status().finished()) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(report));
    }
}
