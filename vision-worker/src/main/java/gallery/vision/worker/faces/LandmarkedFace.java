package gallery.vision.worker.faces;

import gallery.vision.worker.faces.geometry.Detection;
import gallery.vision.worker.faces.landmarks.FaceLandmarks68;

/**
 * A detected face after the landmark step (face-api's {@code WithFaceLandmarks}).
 *
 * @param detection   the detector's box and score
 * @param landmarks   68 positions in image pixels
 * @param alignedRect the landmarks' padded bounding box with the detection's score
 */
public record LandmarkedFace(Detection detection, FaceLandmarks68 landmarks, Detection alignedRect) {
}
