package gallery.vision.common.image;

/**
 * The JPEG decoding of jpeg-js 0.4.4 as the original server calls it, rebuilt in Java from the JPEG specification:
 * the same pixels for the same file (see {@code docs/jpeg-decoding.md} for what is compared and where this decoder
 * deliberately differs on damaged or unusual files). Steps: {@link JpegJsParser} (markers, tables, scans into
 * coefficients) -> {@link JpegJsIdct} (dequantize, integer IDCT) -> {@link JpegJsColour} (upsampling, colour).
 *
 * <p>Thread-safe: every call works on objects of its own.
 */
final class JpegJsDecoder implements JpegPixelDecoder {

    private final long maxPixels;

    JpegJsDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public ImageSize readSize(byte[] jpeg) {
        return new JpegJsParser(jpeg, maxPixels).readSize();
    }

    @Override
    public DecodeFootprint footprint(byte[] jpeg) {
        JpegFrame frame = new JpegJsParser(jpeg, maxPixels).readHeader();
        return new DecodeFootprint(frame.size(), frame.workingBytes());
    }

    @Override
    public RgbImage decode(byte[] jpeg) {
        JpegJsParser parser = new JpegJsParser(jpeg, maxPixels);
        JpegFrame frame = parser.parse();
        if (frame.components.get(0).coefficients == null) {
            throw new IllegalStateException("no scan");
        }
        JpegJsIdct idct = new JpegJsIdct();
        byte[][] planes = new byte[frame.components.size()][];
        for (int i = 0; i < planes.length; i++) {
            JpegFrame.Component c = frame.components.get(i);
            planes[i] = idct.samples(c, parser.quantization(c));
            c.coefficients = null; // no longer needed: the collector may take them while the next steps run
        }
        return JpegJsColour.toRgb(frame, planes, parser.adobe(), parser.adobeTransform());
    }
}
