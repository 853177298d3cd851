package gallery.vision.common.image;

/**
 * One way of turning JPEG bytes into pixels, behind {@link JpegDecoder}, which has already checked that the bytes
 * start like a JPEG. Implementations check the frame header's size against their pixel limit before allocating any
 * pixel buffer, and may throw any runtime exception for damaged data ({@link JpegDecoder} maps it to a 400).
 */
interface JpegPixelDecoder {

    ImageSize readSize(byte[] jpeg);

    /**
     * The most bytes a decode of this file holds at once (working buffers and the RGB result), from the frame header;
     * checks the pixel limit as {@link #readSize} does.
     */
    DecodeFootprint footprint(byte[] jpeg);

    RgbImage decode(byte[] jpeg);
}
