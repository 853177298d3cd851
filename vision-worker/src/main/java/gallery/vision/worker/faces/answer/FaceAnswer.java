package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One face of the {@code /faces} answer, field for field as the original server maps face-api's result. Numbers are
 * doubles: float32 network outputs widened, so they print as JavaScript prints them. Expressions are left out when
 * face-api has none for a face (its crop was empty).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"alignedRect", "gender", "genderProbability", "age", "expressions", "landmarks", "descriptor"})
public record FaceAnswer(AlignedRectAnswer alignedRect, String gender, double genderProbability, double age,
                         ExpressionsAnswer expressions, LandmarksAnswer landmarks, double[] descriptor) {
}
