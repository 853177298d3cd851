package gallery.vision.worker.faces.attributes;

import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.FaceNetTranslator;

import java.util.ArrayList;
import java.util.List;

/** AgeGenderNet (TinyXception): 112 px crops of the aligned rects to age and gender. */
public final class AgeGenderNet {

    public static final int INPUT_SIZE = 112;

    private AgeGenderNet() {
    }

    public static FaceNetTranslator<AgeGender> translator() {
        return new FaceNetTranslator<>(INPUT_SIZE, (outputs, faces) -> {
            float[] ages = Tensors.output(outputs, "age");
            float[] genders = Tensors.output(outputs, "gender");
            List<AgeGender> result = new ArrayList<>(faces.size());
            for (int i = 0; i < faces.size(); i++) {
                result.add(AgeGender.of(ages[i], genders[i * 2]));
            }
            return result;
        });
    }
}
