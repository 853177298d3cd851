package gallery.vision.models.tfjs;

import java.nio.ByteBuffer;

/** Decodes the stored bytes of one weight into float values. One implementation per storage format. */
interface WeightDecoder {

    /** Bytes per stored element. */
    int bytesPerElement();

    /** Reads {@code spec.elementCount()} elements from {@code in} (little-endian, positioned at the weight). */
    float[] decode(ByteBuffer in, WeightSpec spec);
}
