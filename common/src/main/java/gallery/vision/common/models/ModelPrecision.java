package gallery.vision.common.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * Numeric precision of a model file: the float32 conversion, or its statically quantised int8 variant (QDQ, built by
 * model-build's {@code onnx/quant}). Selected at run time by env {@value #ENV}; see {@code docs/int8.md}.
 */
public enum ModelPrecision {
    FP32,
    INT8;

    /** Environment variable choosing the precision the worker loads. */
    public static final String ENV = "MODEL_PRECISION";

    /** The value in {@code manifest.json} and in {@value #ENV}: {@code fp32} or {@code int8}. */
    public String manifestValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What this precision adds to a model's version (and file name): nothing for fp32, {@code -int8} for int8, so
     * that stored answers of the two are never mixed.
     */
    public String versionSuffix() {
        return this == FP32 ? "" : "-" + manifestValue();
    }

    /**
     * The precision a setting names ({@code fp32} / {@code int8}, any case, surrounding blanks ignored; blank means
     * fp32).
     *
     * @throws IllegalArgumentException for any other value, naming {@value #ENV} and the allowed values
     */
    public static ModelPrecision fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return FP32;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "=" + value + " is not a model precision; use one of "
                    + Arrays.stream(values()).map(ModelPrecision::manifestValue).toList(), e);
        }
    }

    static ModelPrecision fromManifest(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown precision in model manifest: " + value, e);
        }
    }
}
