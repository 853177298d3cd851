package gallery.vision.ingress.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the Java CPU of the service goes, per stage of a request, from a JFR recording of the ingress taken while
 * {@link SpeedBenchmark} ran ({@code --jvm -XX:StartFlightRecording=filename=F.jfr,settings=profile,dumponexit=true}).
 * Counts {@code jdk.ExecutionSample} events (threads running Java code, one sample per thread every 10 ms with the
 * {@code profile} settings) between two instants, and gives each sample to the stage of the innermost frame that
 * names one. ONNX Runtime's own threads and the JVM's GC and compiler threads run no Java code and are not sampled:
 * their CPU is the process's total (which the benchmark prints) minus what is counted here. A plain main:
 * <pre>
 * java -cp api-ingress/target/test-classes gallery.vision.ingress.bench.StageProfile F.jfr FROM TO
 * </pre>
 */
public final class StageProfile {

    private static final long SAMPLE_PERIOD_MS = 10;

    /** First match wins, innermost frame first. */
    private static final Map<String, Pattern> STAGES = stages();

    private StageProfile() {
    }

    private static Map<String, Pattern> stages() {
        Map<String, Pattern> stages = new LinkedHashMap<>();
        stages.put("sha1", Pattern.compile("\\.Sha1\\.|sun\\.security\\.provider\\.(SHA|Digest)"));
        stages.put("store write", Pattern.compile("BlobStore\\.put|FileChannelImpl\\.force|\\.Files\\.move"));
        stages.put("store lookup", Pattern.compile("BlobStore\\.(get|exists|find)|storedAnswer"));
        stages.put("decode", Pattern.compile("gallery\\.vision\\.common\\.image\\.|javax\\.imageio|twelvemonkeys"));
        stages.put("resize", Pattern.compile("BilinearResize|StretchResize|PixelScaling|FaceExtraction|PixelRegion"));
        stages.put("tensor", Pattern.compile("Tensors\\.input|FaceBatch|NDManager\\.create|OnnxTensor\\.createTensor"
                + "|directFloats|inputTensor"));
        stages.put("network (Java side)", Pattern.compile("ai\\.onnxruntime\\.OrtSession|OrtSymbolBlock\\.forward"));
        stages.put("post-processing", Pattern.compile("NonMaxSuppression|DetectionBoxes|Landmark|FaceAlignment"
                + "|CenterNetModel|GlobalAveragePool|HomeGalleryShaping|FaceAnswers|processOutput|Tensors\\.output"
                + "|toFloatArray|ScoreCalibration|CocoSsdAnswer|AgeGender|ExpressionNet|RecognitionNet"));
        stages.put("JSON", Pattern.compile("tools\\.jackson|com\\.fasterxml\\.jackson"));
        stages.put("DJL predictor", Pattern.compile("ai\\.djl\\."));
        // distributed mode: the broker client (publish, confirms, replies, the worker's consumer)
        stages.put("broker (Spring AMQP, RabbitMQ client)", Pattern.compile("org\\.springframework\\.amqp|com\\.rabbitmq"));
        stages.put("HTTP (Tomcat, body read, answer write)", Pattern.compile("org\\.apache\\.(catalina|coyote|tomcat)"
                + "|gallery\\.vision\\.ingress\\.web|org\\.springframework\\.web|sun\\.nio\\.ch\\.Socket"));
        return stages;
    }

    public static void main(String[] args) throws Exception {
        Instant from = args.length > 1 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.MAX;
        Map<String, Long> counts = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> counts.put(stage, 0L));
        counts.put("other Java", 0L);
        long total = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                total++;
                counts.merge(stage(event.getStackTrace()), 1L, Long::sum);
            }
        }
        System.out.printf("Java execution samples %s to %s: %d (~%d ms of Java CPU)%n", from, to, total,
                total * SAMPLE_PERIOD_MS);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            System.out.printf("| %s | %d | %.1f%% | ~%d ms |%n", entry.getKey(), entry.getValue(),
                    total == 0 ? 0 : 100.0 * entry.getValue() / total, entry.getValue() * SAMPLE_PERIOD_MS);
        }
    }

    private static String stage(RecordedStackTrace trace) {
        if (trace == null) {
            return "other Java";
        }
        List<RecordedFrame> frames = trace.getFrames();
        for (RecordedFrame frame : frames) {
            String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (Map.Entry<String, Pattern> stage : STAGES.entrySet()) {
                if (stage.getValue().matcher(name).find()) {
                    return stage.getKey();
                }
            }
        }
        return "other Java";
    }
}
