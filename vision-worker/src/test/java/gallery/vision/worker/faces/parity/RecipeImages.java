package gallery.vision.worker.faces.parity;

import gallery.vision.common.image.RgbImage;
import tools.jackson.databind.JsonNode;

/**
 * Derived parity images (tools/faceapi-reference/images.txt): a crop of the decoded source, resampled by nearest
 * neighbour with {@code srcX = crop.x + floor((2 * dstX + 1) * crop.width / (2 * scale.width))}, the same for y.
 */
final class RecipeImages {

    private RecipeImages() {
    }

    static RgbImage derive(RgbImage source, JsonNode recipe) {
        JsonNode crop = recipe.get("crop");
        JsonNode scale = recipe.get("scale");
        if (crop == null && scale == null) {
            return source;
        }
        int cx = crop == null ? 0 : crop.get("x").asInt();
        int cy = crop == null ? 0 : crop.get("y").asInt();
        int cw = crop == null ? source.width() : crop.get("width").asInt();
        int ch = crop == null ? source.height() : crop.get("height").asInt();
        int w = scale == null ? cw : scale.get("width").asInt();
        int h = scale == null ? ch : scale.get("height").asInt();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int sy = cy + (int) ((2L * y + 1) * ch / (2L * h));
            for (int x = 0; x < w; x++) {
                int sx = cx + (int) ((2L * x + 1) * cw / (2L * w));
                System.arraycopy(source.rgb(), (sy * source.width() + sx) * 3, rgb, (y * w + x) * 3, 3);
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
