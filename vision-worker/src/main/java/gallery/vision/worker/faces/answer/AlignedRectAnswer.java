package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code alignedRect}: the box in image pixels and the detector's score. */
@JsonPropertyOrder({"box", "score"})
public record AlignedRectAnswer(BoxAnswer box, double score) {
}
