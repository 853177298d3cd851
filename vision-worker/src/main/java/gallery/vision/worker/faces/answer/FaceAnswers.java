package gallery.vision.worker.faces.answer;

import gallery.vision.worker.faces.LandmarkedFace;
import gallery.vision.worker.faces.attributes.AgeGender;
import gallery.vision.worker.faces.geometry.Box;
import gallery.vision.worker.faces.geometry.Point;
import gallery.vision.worker.faces.landmarks.FaceLandmarks68;

import java.util.List;

/** The original server's mapping of one face-api result to the answer's face. Stateless and thread-safe. */
public final class FaceAnswers {

    private FaceAnswers() {
    }

    /**
     * @param expressions the face's expressions, or null when face-api had none for it
     */
    public static FaceAnswer of(LandmarkedFace face, ExpressionsAnswer expressions, float[] descriptor,
                                AgeGender ageGender) {
        Box box = face.alignedRect().box();
        double[] values = new double[descriptor.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = descriptor[i];
        }
        return new FaceAnswer(
                new AlignedRectAnswer(new BoxAnswer(box.x(), box.y(), box.width(), box.height()),
                        face.alignedRect().score()),
                ageGender.gender(), ageGender.genderProbability(), ageGender.age(), expressions,
                landmarks(face.landmarks()), values);
    }

    static LandmarksAnswer landmarks(FaceLandmarks68 landmarks) {
        return new LandmarksAnswer(points(landmarks.positions()), points(landmarks.leftEye()),
                points(landmarks.leftEyeBrow()), points(landmarks.rightEye()), points(landmarks.rightEyeBrow()),
                points(landmarks.mouth()), points(landmarks.nose()), points(landmarks.jawOutline()),
                points(landmarks.refPointsForAlignment()));
    }

    private static List<PointAnswer> points(List<Point> points) {
        return points.stream().map(p -> new PointAnswer(p.x(), p.y())).toList();
    }
}
