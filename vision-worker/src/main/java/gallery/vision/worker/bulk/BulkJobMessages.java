package gallery.vision.worker.bulk;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.Routing;
import gallery.vision.common.Sha1;
import gallery.vision.common.jobs.BulkJobs;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The wire format of bulk jobs ({@link BulkJobs}), for both sides. Stateless, so thread-safe. */
public final class BulkJobMessages {

    private static final byte[] EMPTY = new byte[0];

    private BulkJobMessages() {
    }

    /** What a worker is asked to do: every analysis of one image. */
    public record BulkJob(String sha1, List<AnalysisKind> kinds) {
    }

    public static Message job(String sha1, List<AnalysisKind> kinds) {
        return MessageBuilder.withBody(EMPTY)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader(Routing.HEADER_SHA1, sha1)
                .setHeader(BulkJobs.HEADER_ANALYSES, kinds.stream().map(AnalysisKind::path).collect(Collectors.joining(",")))
                .build();
    }

    /** Reads a bulk job; throws {@link IllegalArgumentException} for a message that is not one. */
    public static BulkJob read(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Object sha1 = properties.getHeader(Routing.HEADER_SHA1);
        Object analyses = properties.getHeader(BulkJobs.HEADER_ANALYSES);
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
}
