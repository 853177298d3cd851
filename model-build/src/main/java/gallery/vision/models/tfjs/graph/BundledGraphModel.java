package gallery.vision.models.tfjs.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads a graph model shipped as browserify bundles, as the {@code nsfwjs} npm package ships its models
 * ({@code model.min.js} exporting the {@code model.json} object as a JavaScript object literal, and one
 * {@code <shard>.min.js} per weight file exporting the shard as a base64 string). Only the single
 * {@code exports=<literal>} assignment is read; nothing is executed. Stateless, thread-safe.
 */
public final class BundledGraphModel {

    private static final String EXPORTS = "exports=";

    private BundledGraphModel() {
    }

    /** {@code modelJs} is the bundle of the model; shard bundles are looked up beside it as {@code <path>.min.js}. */
    public static TfGraphModel read(Path modelJs) throws IOException {
        Path dir = modelJs.toAbsolutePath().getParent();
        String literal = exported(modelJs, '{');
        return TfGraphModel.fromJson(TfGraphModel.JSON.readTree(JsObjectLiteral.toJson(literal)),
                path -> Base64.getDecoder().decode(exported(dir.resolve(path + ".min.js"), '"')
                        .replace("\"", "")),
                modelJs.getFileName().toString());
    }

    /** The text of the value assigned by the first {@code exports=} followed by {@code open}, up to its end. */
    static String exported(Path bundle, char open) throws IOException {
        String js = Files.readString(bundle, StandardCharsets.UTF_8);
        int at = js.indexOf(EXPORTS + open);
        if (at < 0) {
            throw new IOException(bundle.getFileName() + ": no '" + EXPORTS + open + "' found; not a model bundle");
        }
        int start = at + EXPORTS.length();
        int end = JsObjectLiteral.endOfValue(js, start);
        return js.substring(start, end);
    }
}
