package gallery.vision.worker.djl;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * ONNX Runtime settings shared by every model of this process.
 *
 * @param intraOpThreads {@code ONNX_INTRA_OP_THREADS}: threads one network run may use (each session has its own
 *                       pool; sessions run one after another within a request). 2 suits a 2-core machine.
 */
@Validated
@ConfigurationProperties("gallery.onnx")
public record OnnxRuntimeProperties(
        @Min(value = 1, message = "ONNX_INTRA_OP_THREADS must be between 1 and 64")
        @Max(value = 64, message = "ONNX_INTRA_OP_THREADS must be between 1 and 64")
        int intraOpThreads) {
}
