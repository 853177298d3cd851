package gallery.vision.worker.faces.image;

/**
 * face-api's {@code padToSquare}: zeros added to the shorter side of a {@code width x height} image until it is
 * square. Not centred (the detector), all padding goes after the image (right or bottom). Centred (the per-face nets),
 * {@code round(diff / 2)} goes after and the rest before, so an odd difference puts the extra row or column after.
 *
 * @param side    side of the square
 * @param offsetX columns of padding before the image
 * @param offsetY rows of padding before the image
 */
public record SquarePadding(int side, int offsetX, int offsetY) {

    public static SquarePadding of(int width, int height, boolean centred) {
        int diff = Math.abs(height - width);
        int after = centred ? (int) Math.round(diff * 0.5) : diff;
        int before = diff - after;
        if (height > width) {
            return new SquarePadding(height, before, 0);
        }
        return new SquarePadding(width, 0, width > height ? before : 0);
    }
}
