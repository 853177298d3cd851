package gallery.vision.worker.faces.landmarks;

import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.FaceNetTranslator;

import java.util.ArrayList;
import java.util.List;

/** FaceLandmark68Net: 112 px crops of the detection boxes to 68 positions relative to each crop. */
public final class LandmarkNet {

    public static final int INPUT_SIZE = 112;
    private static final int VALUES = 136;

    private LandmarkNet() {
    }

    /** Per face: x0, y0, x1, y1, ... relative to the face's (unpadded) crop. */
    public static FaceNetTranslator<float[]> translator() {
        return new FaceNetTranslator<>(INPUT_SIZE, (outputs, faces) -> {
            float[] all = Tensors.output(outputs, "landmarks");
            List<float[]> relative = new ArrayList<>(faces.size());
            for (int i = 0; i < faces.size(); i++) {
                relative.add(LandmarkDecoder.relativePositions(Tensors.row(all, i, VALUES), INPUT_SIZE,
                        faces.get(i).width(), faces.get(i).height()));
            }
            return relative;
        });
    }
}
