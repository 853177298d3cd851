package gallery.vision.ingress.web;

import gallery.vision.common.AnalysisKind;
import gallery.vision.ingress.analysis.AnalysisService;
import gallery.vision.ingress.web.body.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * The seed's three analysis routes: a raw JPEG body in, the answer's JSON out. The answer's future is returned as it
 * is; a failure, synchronous or not, reaches {@link ApiExceptionHandler} like any other.
 */
@RestController
public class AnalysisController {

    private final RequestBodies bodies;
    private final AnalysisService analysis;

    public AnalysisController(RequestBodies bodies, AnalysisService analysis) {
        this.bodies = bodies;
        this.analysis = analysis;
    }

    @PostMapping(path = "/embeddings", consumes = MediaType.IMAGE_JPEG_VALUE)
    public CompletableFuture<ResponseEntity<byte[]>> embeddings(HttpServletRequest request) {
        return analyze(AnalysisKind.EMBEDDINGS, request);
    }

    @PostMapping(path = "/objects", consumes = MediaType.IMAGE_JPEG_VALUE)
    public CompletableFuture<ResponseEntity<byte[]>> objects(HttpServletRequest request) {
        return analyze(AnalysisKind.OBJECTS, request);
    }

    @PostMapping(path = "/faces", consumes = MediaType.IMAGE_JPEG_VALUE)
    public CompletableFuture<ResponseEntity<byte[]>> faces(HttpServletRequest request) {
        return analyze(AnalysisKind.FACES, request);
    }

    private CompletableFuture<ResponseEntity<byte[]>> analyze(AnalysisKind kind, HttpServletRequest request) {
        byte[] jpeg = bodies.read(request);
        return analysis.analyze(kind, jpeg)
                .thenApply(answer -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer));
    }
}
