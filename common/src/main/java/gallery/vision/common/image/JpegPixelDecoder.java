package gallery.vision.common.image;

/**
 * One way of turning JPEG bytes into pixels, behind {@link JpegDecoder}, which has already checked that the bytes
 * start like a JPEG. Implementations check the frame header's size against their pixel limit before allocating any
 * pixel buffer, and may throw any runtime exception for damaged data ({@link JpegDecoder} maps it to a 400).
 */
interface JpegPixelDecoder {

    ImageSize readSize(byte[] jpeg);

    RgbImage decode(byte[] jpeg);
}
