package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The landmarks as the original server writes them: all 68 positions, then the groups face-api names. */
@JsonPropertyOrder({"positions", "leftEye", "leftEyeBrow", "rightEye", "rightEyeBrow", "mouth", "nose", "jawOutline",
        "refPointsForAlignment"})
public record LandmarksAnswer(List<PointAnswer> positions, List<PointAnswer> leftEye, List<PointAnswer> leftEyeBrow,
                              List<PointAnswer> rightEye, List<PointAnswer> rightEyeBrow, List<PointAnswer> mouth,
                              List<PointAnswer> nose, List<PointAnswer> jawOutline,
                              List<PointAnswer> refPointsForAlignment) {
}
