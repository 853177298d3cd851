package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A box as the answer writes it. */
@JsonPropertyOrder({"x", "y", "width", "height"})
public record BoxAnswer(double x, double y, double width, double height) {
}
