package gallery.vision.worker.faces.recognition;

import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.FaceNetTranslator;

import java.util.ArrayList;
import java.util.List;

/** FaceRecognitionNet: 150 px crops of the dlib-aligned rects to 128-d descriptors. */
public final class RecognitionNet {

    public static final int INPUT_SIZE = 150;
    public static final int DESCRIPTOR_SIZE = 128;

    private RecognitionNet() {
    }

    public static FaceNetTranslator<float[]> translator() {
        return new FaceNetTranslator<>(INPUT_SIZE, (outputs, faces) -> {
            float[] all = Tensors.output(outputs, "descriptor");
            List<float[]> descriptors = new ArrayList<>(faces.size());
            for (int i = 0; i < faces.size(); i++) {
                descriptors.add(Tensors.row(all, i, DESCRIPTOR_SIZE));
            }
            return descriptors;
        });
    }
}
