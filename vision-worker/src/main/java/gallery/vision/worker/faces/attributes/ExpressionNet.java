package gallery.vision.worker.faces.attributes;

import gallery.vision.worker.djl.Tensors;
import gallery.vision.worker.faces.FaceNetTranslator;
import gallery.vision.worker.faces.answer.ExpressionsAnswer;

import java.util.ArrayList;
import java.util.List;

/** FaceExpressionNet: 112 px crops of the aligned rects to seven expression probabilities. */
public final class ExpressionNet {

    public static final int INPUT_SIZE = 112;

    private ExpressionNet() {
    }

    public static FaceNetTranslator<ExpressionsAnswer> translator() {
        return new FaceNetTranslator<>(INPUT_SIZE, (outputs, faces) -> {
            float[] all = Tensors.output(outputs, "expressions");
            List<ExpressionsAnswer> expressions = new ArrayList<>(faces.size());
            for (int i = 0; i < faces.size(); i++) {
                expressions.add(ExpressionsAnswer.of(Tensors.row(all, i, 7)));
            }
            return expressions;
        });
    }
}
