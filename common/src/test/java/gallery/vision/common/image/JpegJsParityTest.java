package gallery.vision.common.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jpeg-js-compatible decoder against jpeg-js 0.4.4 itself: fixtures written by {@code tools/jpegjs-reference}
 * (the original server's {@code readJpeg}) for the generated corpus ({@link JpegCorpus}, committed under
 * {@code resources/jpegjs/corpus}) and for the real photos of the evaluation set when they are fetched. Pixels must
 * be identical (sha256 of the RGB bytes, plus sampled pixels for a readable failure).
 */
class JpegJsParityTest {

    private static final String CORPUS = "/jpegjs/corpus/";

    /**
     * Files jpeg-js cannot decode although they are valid, and the corpus file with the same coefficients (same
     * pixels, same quantization) but no restart markers, whose jpeg-js pixels ours must equal. jpeg-js 0.4.4 decodes
     * single-component scans (all progressive AC scans) in whole restart intervals, so when the interval does not
     * divide the block count it reads past the scan and fails with "unexpected marker".
     */
    private static final Map<String, String> JPEG_JS_FAILS_EQUIVALENT = Map.of(
            "ycc420-prog-rst3-q85-150x100", "ycc420-prog-q85-150x100");

    private final JpegDecoder decoder = new JpegDecoder(200_000_000L, JpegDecoding.JPEG_JS);

    @Test
    void decodesTheGeneratedCorpusToJpegJsPixels() throws IOException {
        List<Fixture> fixtures = Fixture.read("/jpegjs/fixtures.tsv");
        assertThat(fixtures).extracting(Fixture::name)
                .containsExactlyInAnyOrderElementsOf(JpegCorpus.recipes().stream().map(JpegCorpus.Recipe::name).toList());
        for (Fixture fixture : fixtures) {
            byte[] jpeg = resource(CORPUS + fixture.name() + ".jpg");
            assertThat(sha256(jpeg)).as("corpus file %s is the one the fixture was made from", fixture.name())
                    .isEqualTo(fixture.jpegSha256());
            if (fixture.error() != null) {
                continue;
            }
            assertMatches(fixture, decoder.decode(jpeg));
        }
    }

    @Test
    void decodesFilesJpegJsFailsOnLikeTheirRestartFreeEquivalent() throws IOException {
        List<Fixture> fixtures = Fixture.read("/jpegjs/fixtures.tsv");
        List<String> failing = fixtures.stream().filter(f -> f.error() != null).map(Fixture::name).toList();
        assertThat(failing).containsExactlyInAnyOrderElementsOf(JPEG_JS_FAILS_EQUIVALENT.keySet());
        for (String name : failing) {
            Fixture equivalent = fixtures.stream().filter(f -> f.name().equals(JPEG_JS_FAILS_EQUIVALENT.get(name)))
                    .findFirst().orElseThrow();
            assertMatches(equivalent, decoder.decode(resource(CORPUS + name + ".jpg")));
        }
    }

    @Test
    @EnabledIf("evalPhotosPresent")
    void decodesTheEvaluationPhotosToJpegJsPixels() throws IOException {
        int compared = 0;
        for (Fixture fixture : Fixture.read("/jpegjs/eval-photos.tsv")) {
            Path photo = evalPhotos().resolve(fixture.name() + ".jpg");
            byte[] jpeg = Files.readAllBytes(photo);
            assertThat(sha256(jpeg)).as("photo %s", fixture.name()).isEqualTo(fixture.jpegSha256());
            if (fixture.error() != null) {
                continue; // not a JPEG (one PNG with a .jpg name); the decoder's error cases are tested elsewhere
            }
            assertMatches(fixture, decoder.decode(jpeg));
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    static boolean evalPhotosPresent() {
        boolean present = Files.isDirectory(evalPhotos());
        if (!present) {
            System.err.println("SKIPPED evaluation photo parity: " + evalPhotos() + " is absent (tools/eval-photos/fetch.sh)");
        }
        return present;
    }

    private static Path evalPhotos() {
        String cache = System.getenv("GALLERY_VISION_EVAL_CACHE");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "gallery-vision", "eval-photos");
        return root.resolve("photos");
    }

    private static void assertMatches(Fixture fixture, RgbImage image) {
        assertThat(image.width()).as("%s width", fixture.name()).isEqualTo(fixture.width());
        assertThat(image.height()).as("%s height", fixture.name()).isEqualTo(fixture.height());
        for (int[] s : fixture.samples()) {
            assertThat(new int[]{image.channel(s[0], s[1], 0), image.channel(s[0], s[1], 1), image.channel(s[0], s[1], 2)})
                    .as("%s pixel %d,%d", fixture.name(), s[0], s[1]).containsExactly(s[2], s[3], s[4]);
        }
        assertThat(sha256(image.rgb())).as("%s RGB bytes", fixture.name()).isEqualTo(fixture.rgbSha256());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JpegJsParityTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of a fixture TSV: jpeg-js's pixels for one file, or its error. */
    record Fixture(String name, String jpegSha256, int width, int height, String rgbSha256, List<int[]> samples,
                   String error) {

        static List<Fixture> read(String resource) {
            List<Fixture> fixtures = new ArrayList<>();
            try (InputStream in = JpegJsParityTest.class.getResourceAsStream(resource)) {
                assertThat(in).as("fixture %s", resource).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    if (f[2].equals("error")) {
                        fixtures.add(new Fixture(f[0], f[1], 0, 0, null, List.of(), f[3]));
                        continue;
                    }
                    List<int[]> samples = new ArrayList<>();
                    for (String sample : f[5].split(" ")) {
                        String[] v = sample.split(":");
                        int[] values = new int[5];
                        for (int i = 0; i < 5; i++) {
                            values[i] = Integer.parseInt(v[i]);
                        }
                        samples.add(values);
                    }
                    fixtures.add(new Fixture(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], samples,
                            null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fixtures;
        }
    }
}
