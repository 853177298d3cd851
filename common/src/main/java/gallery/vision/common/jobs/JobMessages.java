package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.Sha1;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wire format of jobs and replies, in one place for both sides. A job is a persistent message with the analysis
 * and the image's sha1 in headers; its body is the JPEG itself when ingress sent the image along (a small one), or
 * empty when the image is only in S3 under {@link gallery.vision.common.storage.StorageKeys#imageKey}. Either way
 * a redelivered job still carries or references its image. A reply
 * carries the answer's JSON as its body, or, for a failed job, the {@link ApiError} name and message in headers.
 * Stateless, so thread-safe.
 */
public final class JobMessages {

    private static final byte[] EMPTY = new byte[0];
    private static final String IMAGE_JPEG = "image/jpeg";

    private JobMessages() {
    }

    /**
     * What a worker is asked to do.
     *
     * @param jpeg the image, when the job carries it; null when the worker fetches it from the store
     */
    public record Job(AnalysisKind kind, String sha1, byte[] jpeg) {

        /** Whether the image travels with the job. */
        public boolean carriesImage() {
            return jpeg != null;
        }
    }

    /** A bulk job: every analysis of one image, answered into the store, not replied. */
    public record BulkJob(String sha1, List<AnalysisKind> kinds) {
    }

    /** A job whose image the worker fetches from the store. */
    public static Message job(AnalysisKind kind, String sha1) {
        return job(kind, sha1, EMPTY);
    }

    /** A job that carries its image: the worker fetches nothing. The array is sent as it is, not copied. */
    public static Message jobWithImage(AnalysisKind kind, String sha1, byte[] jpeg) {
        if (jpeg.length == 0) {
            throw new IllegalArgumentException("a job cannot carry an empty image");
        }
        return job(kind, sha1, jpeg);
    }

    private static Message job(AnalysisKind kind, String sha1, byte[] body) {
        return MessageBuilder.withBody(body)
                .setContentType(body.length == 0 ? null : IMAGE_JPEG)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader(JobRouting.HEADER_ANALYSIS, kind.path())
                .setHeader(JobRouting.HEADER_SHA1, sha1)
                .build();
    }

    /** Reads a job; throws {@link IllegalArgumentException} for a message that is not one. */
    public static Job readJob(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Object path = properties.getHeader(JobRouting.HEADER_ANALYSIS);
        Object sha1 = properties.getHeader(JobRouting.HEADER_SHA1);
        AnalysisKind kind = AnalysisKind.fromPath(String.valueOf(path))
                .orElseThrow(() -> new IllegalArgumentException("job names no known analysis: " + path));
        if (!(sha1 instanceof String hex) || !Sha1.isValid(hex)) {
            throw new IllegalArgumentException("job carries no valid sha1");
        }
        byte[] body = message.getBody();
        return new Job(kind, hex, body == null || body.length == 0 ? null : body);
    }

    /** A bulk job for a {@link JobRouting#bulkQueue}: persistent, no reply-to. */
    public static Message bulkJob(String sha1, List<AnalysisKind> kinds) {
        return MessageBuilder.withBody(EMPTY)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader(JobRouting.HEADER_SHA1, sha1)
                .setHeader(JobRouting.HEADER_ANALYSES, kinds.stream().map(AnalysisKind::path).collect(Collectors.joining(",")))
                .build();
    }

    /** Reads a bulk job; throws {@link IllegalArgumentException} for a message that is not one. */
    public static BulkJob readBulkJob(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Object sha1 = properties.getHeader(JobRouting.HEADER_SHA1);
        Object analyses = properties.getHeader(JobRouting.HEADER_ANALYSES);
        if (!(sha1 instanceof String hex) || !Sha1.isValid(hex)) {
            throw new IllegalArgumentException("bulk job carries no valid sha1");
        }
        List<AnalysisKind> kinds = new ArrayList<>();
        for (String path : String.valueOf(analyses).split(",")) {
            kinds.add(AnalysisKind.fromPath(path)
                    .orElseThrow(() -> new IllegalArgumentException("bulk job names no known analysis: " + path)));
        }
        return new BulkJob(hex, kinds);
    }

    public static Message answer(byte[] json) {
        return MessageBuilder.withBody(json).setContentType(MessageProperties.CONTENT_TYPE_JSON).build();
    }

    public static Message failure(ApiException failure) {
        return MessageBuilder.withBody(EMPTY)
                .setHeader(JobRouting.HEADER_ERROR, failure.error().name())
                .setHeader(JobRouting.HEADER_ERROR_MESSAGE, failure.getMessage())
                .build();
    }

    /** The answer's JSON from a reply, or the {@link ApiException} the worker reported. */
    public static byte[] readReply(Message reply) {
        MessageProperties properties = reply.getMessageProperties();
        Object error = properties.getHeader(JobRouting.HEADER_ERROR);
        if (error == null) {
            return reply.getBody();
        }
        ApiError apiError;
        try {
            apiError = ApiError.valueOf(error.toString());
        } catch (IllegalArgumentException e) {
            apiError = ApiError.INTERNAL;
        }
        Object message = properties.getHeader(JobRouting.HEADER_ERROR_MESSAGE);
        throw new ApiException(apiError, message == null ? apiError.message() : message.toString());
    }
}
