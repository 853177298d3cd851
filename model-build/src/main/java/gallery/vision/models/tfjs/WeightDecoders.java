package gallery.vision.models.tfjs;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The storage formats TensorFlow.js writes, each a small {@link WeightDecoder}, looked up by
 * {@code dtype/storedDtype}. Decoding follows tfjs-core's {@code decodeWeights}: quantized codes become
 * {@code code * scale + min} computed in double and rounded to float32; int32 weights are rounded to integers.
 * Stateless, thread-safe.
 */
final class WeightDecoders {

    private static final Map<String, WeightDecoder> DECODERS = Map.of(
            "float32/float32", plain(),
            "int32/int32", int32(),
            "float32/uint8", affine(1, false),
            "float32/uint16", affine(2, false),
            "int32/uint8", affine(1, true),
            "int32/uint16", affine(2, true),
            "float32/float16", float16());

    private WeightDecoders() {
    }

    static WeightDecoder forSpec(WeightSpec spec) {
        WeightDecoder d = DECODERS.get(spec.dtype() + "/" + spec.storedDtype());
        if (d == null) {
            throw new IllegalArgumentException("unsupported weight storage " + spec.dtype() + " as "
                    + spec.storedDtype() + " for " + spec.name());
        }
        return d;
    }

    private static WeightDecoder plain() {
        return new WeightDecoder() {
            public int bytesPerElement() {
                return 4;
            }

            public float[] decode(ByteBuffer in, WeightSpec spec) {
                float[] out = new float[spec.elementCount()];
                in.asFloatBuffer().get(out);
                in.position(in.position() + out.length * 4);
                return out;
            }
        };
    }

    private static WeightDecoder int32() {
        return new WeightDecoder() {
            public int bytesPerElement() {
                return 4;
            }

            public float[] decode(ByteBuffer in, WeightSpec spec) {
                float[] out = new float[spec.elementCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = in.getInt();
                }
                return out;
            }
        };
    }

    private static WeightDecoder affine(int bytes, boolean roundToInt) {
        return new WeightDecoder() {
            public int bytesPerElement() {
                return bytes;
            }

            public float[] decode(ByteBuffer in, WeightSpec spec) {
                double scale = spec.quantization().scale();
                double min = spec.quantization().min();
                float[] out = new float[spec.elementCount()];
                for (int i = 0; i < out.length; i++) {
                    int code = bytes == 1 ? Byte.toUnsignedInt(in.get()) : Short.toUnsignedInt(in.getShort());
                    double v = code * scale + min;
                    out[i] = roundToInt ? Math.round(v) : (float) v;
                }
                return out;
            }
        };
    }

    private static WeightDecoder float16() {
        return new WeightDecoder() {
            public int bytesPerElement() {
                return 2;
            }

            public float[] decode(ByteBuffer in, WeightSpec spec) {
                float[] out = new float[spec.elementCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = halfToFloat(in.getShort());
                }
                return out;
            }
        };
    }

    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
