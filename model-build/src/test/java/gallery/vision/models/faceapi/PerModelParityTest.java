package gallery.vision.models.faceapi;

import static org.assertj.core.api.Assertions.assertThat;

import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.image.JpegDecoding;
import gallery.vision.common.image.RgbImage;
import gallery.vision.common.testing.FaceApiPackage;
import gallery.vision.models.testing.OnnxRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-model parity with face-api 1.7.15 on tfjs (fixtures written by tools/faceapi-reference into
 * vision-worker/src/test/resources/parity/faces/models/): every output of each ONNX model within 1e-3 max abs
 * difference on the fixture's input tensor, rebuilt here from the demo photo as the fixture describes.
 */
class PerModelParityTest {

    private static final String FIXTURES = "vision-worker/src/test/resources/parity/faces/models";
    private static final float TOLERANCE = 1e-3f;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"face-detector", "face-landmarks", "face-recognition", "face-age-gender",
        "face-expression"})
    void everyOutputMatchesFaceApiOnTfjsWithin1eMinus3(String model) throws Exception {
        JsonNode fixture = JSON.readTree(fixtureDir().resolve(model + ".json").toFile());
        JsonNode input = fixture.get("input");
        long[] shape = longs(input.get("shape"));

        Map<String, OnnxRunner.Output> actual;
        try (OnnxRunner net = OnnxRunner.open(model)) {
            actual = net.run(inputTensor(input.get("images")), shape);
        }

        JsonNode outputs = fixture.get("outputs");
        JsonNode anchors = outputs.get("anchors");
        for (String name : actual.keySet()) {
            float[] values = actual.get(name).values();
            float[] expected = flatten(outputs.get(name));
            float[] compared = anchors == null ? values : sampleAnchors(values, anchors, expected.length / anchors.size());
            assertThat(compared).as(model + " " + name).hasSameSizeAs(expected);
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(compared[i] - expected[i]));
            }
            assertThat(worst).as(model + " " + name + " max abs diff").isLessThanOrEqualTo(TOLERANCE);
        }
    }

    /** The fixture's images: crops of demo photos, nearest-neighbour scaled, as float32 NHWC 0..255. */
    private static float[] inputTensor(JsonNode images) throws Exception {
        List<byte[]> pixels = new ArrayList<>();
        for (JsonNode image : images) {
            JsonNode source = image.get("source");
            Path photo = FaceApiPackage.demoPhoto(source.get("file").asString()).orElse(null);
            Assumptions.assumeTrue(photo != null, "skipped: face-api package not extracted");
            RgbImage decoded = new JpegDecoder(100_000_000L, JpegDecoding.IMAGEIO).decode(Files.readAllBytes(photo));
            byte[] rgb = cropAndScale(decoded, source.get("crop"), source.get("scale"));
            assertThat(sha1(rgb)).as("pixels of " + image.get("image").asString() + " (decoder change?)")
                    .isEqualTo(image.get("rgbSha1").asString());
            pixels.add(rgb);
        }
        float[] out = new float[pixels.stream().mapToInt(p -> p.length).sum()];
        int k = 0;
        for (byte[] p : pixels) {
            for (byte b : p) {
                out[k++] = Byte.toUnsignedInt(b);
            }
        }
        return out;
    }

    /** srcX = crop.x + floor((2*dstX + 1) * crop.width / (2*scale.width)), the same for y. */
    private static byte[] cropAndScale(RgbImage img, JsonNode crop, JsonNode scale) {
        int cx = crop.get("x").asInt(), cy = crop.get("y").asInt();
        int cw = crop.get("width").asInt(), ch = crop.get("height").asInt();
        int sw = scale.get("width").asInt(), sh = scale.get("height").asInt();
        byte[] out = new byte[sw * sh * 3];
        for (int y = 0; y < sh; y++) {
            int srcY = cy + (int) Math.floorDiv((2L * y + 1) * ch, 2L * sh);
            for (int x = 0; x < sw; x++) {
                int srcX = cx + (int) Math.floorDiv((2L * x + 1) * cw, 2L * sw);
                System.arraycopy(img.rgb(), (srcY * img.width() + srcX) * 3, out, (y * sw + x) * 3, 3);
            }
        }
        return out;
    }

    /** The values of the listed anchors (rows of {@code width} values) of a {@code [1, 5118, width]} output. */
    private static float[] sampleAnchors(float[] values, JsonNode anchors, int width) {
        float[] out = new float[anchors.size() * width];
        for (int i = 0; i < anchors.size(); i++) {
            System.arraycopy(values, anchors.get(i).asInt() * width, out, i * width, width);
        }
        return out;
    }

    private static float[] flatten(JsonNode node) {
        List<Float> values = new ArrayList<>();
        collect(node, values);
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void collect(JsonNode node, List<Float> into) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else {
            into.add((float) node.asDouble());
        }
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static String sha1(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }

    private static Path fixtureDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(FIXTURES))) {
                return dir.resolve(FIXTURES);
            }
        }
        Assumptions.abort("skipped: parity fixtures not found at " + FIXTURES);
        return null;
    }
}
