package gallery.vision.worker.models;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one model-installed rule: the bean exists only when every named model (manifest name) is installed, as
 * {@link InstalledModels} resolves them for the {@code MODEL_DIR} setting. Without it the analysis has no
 * {@code InstalledAnalyzer} and its route answers 503.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ModelsInstalledCondition.class)
public @interface ConditionalOnInstalledModels {

    /** Manifest names of the models the bean needs, e.g. {@code centernet-mobilenet-v3}. */
    String[] value();
}
