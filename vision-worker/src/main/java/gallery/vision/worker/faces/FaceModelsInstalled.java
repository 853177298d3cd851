package gallery.vision.worker.faces;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when all five face networks are installed; without them {@code /faces} answers 503. */
final class FaceModelsInstalled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return InstalledFaceModels.find(context.getEnvironment()).isPresent();
    }
}
