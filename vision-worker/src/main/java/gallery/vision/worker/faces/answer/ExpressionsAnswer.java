package gallery.vision.worker.faces.answer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The expression net's seven probabilities, in face-api's order. */
@JsonPropertyOrder({"neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"})
public record ExpressionsAnswer(double neutral, double happy, double sad, double angry, double fearful,
                                double disgusted, double surprised) {

    /** From the net's softmax output, face-api's label order. */
    public static ExpressionsAnswer of(float[] p) {
        if (p.length != 7) {
            throw new IllegalArgumentException("need 7 expression probabilities, got " + p.length);
        }
        return new ExpressionsAnswer(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }
}
