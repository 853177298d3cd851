package gallery.vision.worker.models;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Arrays;
import java.util.Map;

/** Evaluates {@link ConditionalOnInstalledModels}: matches when every named model is installed. Stateless. */
final class ModelsInstalledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnInstalledModels.class.getName());
        String[] names = attributes == null ? new String[0] : (String[]) attributes.get("value");
        return names.length > 0
                && Arrays.stream(names).allMatch(name -> InstalledModels.find(context.getEnvironment(), name).isPresent());
    }
}
