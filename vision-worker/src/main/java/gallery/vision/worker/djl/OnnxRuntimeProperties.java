package gallery.vision.worker.djl;

import jakarta.validation.constraints.Max;
import java.nio.file.Path;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * ONNX Runtime settings shared by every model of this process.
 *
 * @param intraOpThreads {@code ONNX_INTRA_OP_THREADS}: threads one network run may use (each session has its own
 *                       pool; a request runs its networks one after another). Default 1: embedded mode runs one analysis per
 *                       core (interactive threads, bulk lane), and a second thread per run costs 10-30% more CPU for
 *                       the same answer; concurrent analyses x this should not exceed the cores.
 * @param threadSpinning {@code ONNX_THREAD_SPINNING}: whether idle pool threads spin waiting for work. Spinning saves
 *                       a wake-up per operator but burns the CPU that the next network (another session's pool) or
 *                       another request needs; off suits small shared machines.
 * @param cpuArena       {@code ONNX_CPU_ARENA}: whether each session keeps its tensors in a growing arena instead of
 *                       allocating and freeing them with malloc on every run. On (default): 1.1-3x less CPU per run
 *                       (CenterNet 3x, MobileNet v2 2.7x), the same peak under load, but the arena keeps what it
 *                       grew to: 120-270 MiB more resident after load (BENCHMARKS.md, "Arena without memory
 *                       pattern"). Off: the smallest footprint.
 * @param memoryPattern  {@code ONNX_MEMORY_PATTERN}: ONNX Runtime's memory pattern planning (one block per run sized
 *                       from the previous runs' tensors). Off (default): with the arena it held ~100 MiB more per
 *                       large network for no CPU gain, without the arena it made CenterNet 3x slower.
 * @param optimizedModelDir {@code ONNX_OPTIMIZED_MODEL_DIR}: where ONNX Runtime's optimised graphs are saved and
 *                       found again at the next start (per model, runtime version and CPU); empty: never saved
 */
@Validated
@ConfigurationProperties("gallery.onnx")
public record OnnxRuntimeProperties(
        @Min(value = 1, message = "ONNX_INTRA_OP_THREADS must be between 1 and 64")
        @Max(value = 64, message = "ONNX_INTRA_OP_THREADS must be between 1 and 64")
        int intraOpThreads,
        boolean threadSpinning,
        boolean cpuArena,
        boolean memoryPattern,
        Path optimizedModelDir) {

    /** Whether optimised graphs are saved and reused: a directory is set and not empty. */
    public boolean savesOptimizedModels() {
        return optimizedModelDir != null && !optimizedModelDir.toString().isBlank();
    }

    /** The defaults but the thread count: no spinning, the CPU arena without memory patterns, no saved graphs. */
    public static OnnxRuntimeProperties withThreads(int intraOpThreads) {
        return new OnnxRuntimeProperties(intraOpThreads, false, true, false, null);
    }
}
