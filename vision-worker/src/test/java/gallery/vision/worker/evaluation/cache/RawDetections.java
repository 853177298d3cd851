package gallery.vision.worker.evaluation.cache;

import gallery.vision.worker.evaluation.detection.Box;
import gallery.vision.worker.evaluation.detection.Detection;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The detector's raw answers per photo, cached once so that calibration fitting and evaluation need no network run:
 * every detection the service would list (coco-ssd shape, raw score >= 0.1 after suppression), with its raw score and
 * box in pixels of the image the detector was given ({@code width} x {@code height}, the 800 px preview).
 *
 * @param model   the detector's manifest name
 * @param version its manifest version
 * @param photos  one entry per photo of photos.tsv
 */
public record RawDetections(String model, String version, List<PhotoDetections> photos) {

    /** One photo's detections. */
    public record PhotoDetections(String id, int width, int height, List<RawDetection> detections) {
    }

    /**
     * One detection: class, raw network score, {@code [x, y, width, height]} in pixels of the preview, and the best raw
     * score of another class it suppressed ({@code DetectedObject#rivalScore}; 0 in caches made before it was
     * recorded).
     */
    public record RawDetection(String className, double rawScore, double[] bbox, double rival) {

        public Detection withScore(double score) {
            return new Detection(className, score, Box.of(bbox));
        }
    }

    public static RawDetections read(Path file) {
        return JsonMapper.builder().build().readValue(file.toFile(), RawDetections.class);
    }

    public void write(Path file) {
        JsonMapper.builder().build().writeValue(file.toFile(), this);
    }

    public Map<String, PhotoDetections> byId() {
        return photos.stream().collect(Collectors.toMap(PhotoDetections::id, Function.identity()));
    }
}
