package gallery.vision.ingress.models;

import gallery.vision.common.AnalysisKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /models}: for each installed analysis the {@code model} and {@code version} its answers carry, e.g.
 * {@code {"embeddings": {"model": "...", "version": "..."}, "faces": {...}}}. A client compares them with the
 * answers it stored to find the ones a newer model would change.
 */
@RestController
public class ModelsController {

    /** One analysis' model, as its answers name it. */
    public record Model(String model, String version) {
    }

    private final ModelCatalog catalog;
    private final JsonMapper json;

    public ModelsController(ModelCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping("/models")
    public ResponseEntity<byte[]> models() {
        Map<String, Model> models = new LinkedHashMap<>();
        for (AnalysisKind kind : AnalysisKind.values()) {
            catalog.model(kind).ifPresent(model -> models.put(kind.path(), new Model(model.name(), model.version())));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(models));
    }
}
