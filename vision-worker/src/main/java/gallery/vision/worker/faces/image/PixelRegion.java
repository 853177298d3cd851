package gallery.vision.worker.faces.image;

import gallery.vision.common.image.RgbImage;

/**
 * A rectangle of an image's pixels seen through a zero padding to a square: what face-api's {@code extractFaceTensors}
 * slice followed by {@code padToSquare} hands to the resize. Reads pixels lazily; nothing is copied.
 *
 * @param image   the decoded image
 * @param x       left column of the region in the image
 * @param y       top row
 * @param width   columns of the region (at least 1)
 * @param height  rows (at least 1)
 * @param padding how the region is padded to a square
 */
public record PixelRegion(RgbImage image, int x, int y, int width, int height, SquarePadding padding) {

    public PixelRegion {
        if (width < 1 || height < 1 || x < 0 || y < 0 || x + width > image.width() || y + height > image.height()) {
            throw new IllegalArgumentException("region " + width + "x" + height + "+" + x + "+" + y
                    + " is not inside the " + image.width() + "x" + image.height() + " image");
        }
    }

    /** The whole image padded as face-api pads the detector's input (not centred). */
    public static PixelRegion wholeImage(RgbImage image) {
        return new PixelRegion(image, 0, 0, image.width(), image.height(),
                SquarePadding.of(image.width(), image.height(), false));
    }

    /** A crop padded as face-api pads the per-face networks' inputs (centred). */
    public static PixelRegion centredCrop(RgbImage image, int x, int y, int width, int height) {
        return new PixelRegion(image, x, y, width, height, SquarePadding.of(width, height, true));
    }

    public int side() {
        return padding.side();
    }

    /**
     * Offset into {@code image.rgb()} of pixel ({@code col}, {@code row}) of the padded square, or -1 where the square
     * is padding.
     */
    public int offset(int col, int row) {
        int ix = col - padding.offsetX();
        int iy = row - padding.offsetY();
        if (ix < 0 || iy < 0 || ix >= width || iy >= height) {
            return -1;
        }
        return ((y + iy) * image.width() + x + ix) * 3;
    }
}
