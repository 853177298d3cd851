package gallery.vision.ingress.web;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.ingress.access.OpenRoutes;
import org.springframework.http.MediaType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@link ApiError}s a route can answer, by the kind of route: the table the API description
 * ({@code openapi/gallery-vision.yaml}) follows and its coverage test checks. The switch is exhaustive, so a new
 * {@code ApiError} does not compile until it is placed here. Stateless, thread-safe.
 */
public final class RouteErrors {

    /** Where an error can happen. */
    public enum Scope {
        /** Any route: a request the container cannot read, a bug. */
        EVERY_ROUTE,
        /** Routes behind the access tokens ({@link OpenRoutes}). */
        PROTECTED_ROUTE,
        /** Routes that take a JPEG body: it is read, checked, decoded and stored. */
        JPEG_BODY,
        /** The synchronous analysis routes ({@code /faces}, ...): they wait for the analysis' answer. */
        ANALYSIS_ROUTE,
        /** {@code POST /jobs}: names the analyses to run. */
        JOB_SUBMISSION,
        /** {@code GET /jobs/{id}}: names a job. */
        JOB_LOOKUP,
        /** Requests that match no route: an unknown path, or a method the path does not take. */
        NO_ROUTE
    }

    /** A route as the documentation sees it: method, path pattern ({@code /jobs/{id}}) and the body types it takes. */
    public record Route(String method, String path, Set<MediaType> consumes) {

        boolean takesJpeg() {
            return consumes.contains(MediaType.IMAGE_JPEG);
        }

        boolean analyzes() {
            return takesJpeg() && AnalysisKind.fromPath(path.substring(1)).isPresent();
        }

        boolean is(String method, String path) {
            return this.method.equals(method) && this.path.equals(path);
        }
    }

    private RouteErrors() {
    }

    public static Scope scope(ApiError error) {
        return switch (error) {
            case BAD_REQUEST, INTERNAL -> Scope.EVERY_ROUTE;
            case MISSING_TOKEN, INVALID_TOKEN, RATE_LIMITED -> Scope.PROTECTED_ROUTE;
            case UNSUPPORTED_MEDIA_TYPE, BODY_TOO_LARGE, TOO_MANY_PIXELS, EMPTY_BODY, NOT_A_JPEG, UNDECODABLE_IMAGE,
                 BODY_READ_TIMEOUT, DECODE_BUSY, BACKEND_UNAVAILABLE -> Scope.JPEG_BODY;
            case IMAGE_REJECTED, MODEL_NOT_INSTALLED, NO_WORKER, QUEUE_FULL, TIMEOUT -> Scope.ANALYSIS_ROUTE;
            case UNKNOWN_ANALYSIS -> Scope.JOB_SUBMISSION;
            case JOB_NOT_FOUND -> Scope.JOB_LOOKUP;
            case NOT_FOUND, METHOD_NOT_ALLOWED -> Scope.NO_ROUTE;
        };
    }

    /** The errors {@code route} can answer. */
    public static Set<ApiError> of(Route route) {
        return Arrays.stream(ApiError.values()).filter(error -> switch (scope(error)) {
            case EVERY_ROUTE -> true;
            case PROTECTED_ROUTE -> !OpenRoutes.isOpen(route.path());
            case JPEG_BODY -> route.takesJpeg();
            case ANALYSIS_ROUTE -> route.analyzes();
            case JOB_SUBMISSION -> route.is("POST", "/jobs");
            case JOB_LOOKUP -> route.is("GET", "/jobs/{id}");
            case NO_ROUTE -> false;
        }).collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiError.class)));
    }

    /** The errors answered to requests that match no route. */
    public static Set<ApiError> unrouted() {
        return Arrays.stream(ApiError.values()).filter(error -> scope(error) == Scope.NO_ROUTE)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiError.class)));
    }
}
