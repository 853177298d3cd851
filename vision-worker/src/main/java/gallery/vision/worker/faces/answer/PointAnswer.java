package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A landmark as the answer writes it. */
@JsonPropertyOrder({"x", "y"})
public record PointAnswer(double x, double y) {
}
