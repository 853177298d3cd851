package gallery.vision.models.faceapi;

import java.util.List;

/** The face-api networks the build converts, in manifest order. */
public final class FaceApiNetworks {

    private FaceApiNetworks() {
    }

    public static List<FaceApiNetwork> all() {
        return List.of(new SsdMobilenetV1Detector(), new FaceLandmark68Network(), new FaceRecognitionNetwork(),
                new AgeGenderNetwork(), new FaceExpressionNetwork());
    }
}
