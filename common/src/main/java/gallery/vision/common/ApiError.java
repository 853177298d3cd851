package gallery.vision.common;

/**
 * Every error a client can see, with its HTTP status and message template, in one place. Ingress renders these as
 * {@code {"error": "<message>"}}; workers send the constant's name back with a failed job.
 */
public enum ApiError {
    UNSUPPORTED_MEDIA_TYPE(415, "Content-Type must be image/jpeg"),
    BODY_TOO_LARGE(413, "request body exceeds the limit of %d bytes"),
    TOO_MANY_PIXELS(413, "image of %dx%d pixels exceeds the limit of %d pixels"),
    EMPTY_BODY(400, "request body is empty"),
    NOT_A_JPEG(400, "request body is not a JPEG image"),
    UNDECODABLE_IMAGE(400, "JPEG image cannot be decoded: %s"),
    NOT_FOUND(404, "no such route: %s %s"),
    METHOD_NOT_ALLOWED(405, "method %s is not allowed on %s"),
    BAD_REQUEST(400, "bad request: %s"),
    UNKNOWN_ANALYSIS(400, "unknown analysis '%s'; known analyses: embeddings, objects, faces"),
    JOB_NOT_FOUND(404, "no such job: %s"),
    MISSING_TOKEN(401, "an access token is required: send Authorization: Bearer <token>"),
    INVALID_TOKEN(401, "the access token is not valid"),
    IMAGE_REJECTED(422, "image could not be analyzed: %s"),
    RATE_LIMITED(429, "too many requests with this access token (limit: %s per second), retry later"),
    MODEL_NOT_INSTALLED(503, "model for %s is not installed"),
    /** Distributed mode: no worker consumes the analysis' job queue right now (none running has its model). */
    NO_WORKER(503, "no running worker has the model for %s, retry later"),
    QUEUE_FULL(503, "too many images are waiting for analysis, retry later"),
    BACKEND_UNAVAILABLE(503, "%s is unavailable, retry later"),
    DECODE_BUSY(503, "too many large images are being decoded, retry later"),
    BODY_READ_TIMEOUT(408, "request body was not received within %s"),
    TIMEOUT(504, "no answer within %s"),
    INTERNAL(500, "internal error");

    private final int status;
    private final String template;

    ApiError(int status, String template) {
        this.status = status;
        this.template = template;
    }

    public int status() {
        return status;
    }

    /** Whether the client should be told to retry later ({@code Retry-After}). */
    public boolean retryable() {
        return status == 503;
    }

    public String message(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }

    public ApiException exception(Object... args) {
        return new ApiException(this, message(args));
    }
}
