package gallery.vision.worker.evaluation.embedding;

import gallery.vision.worker.evaluation.embedding.HomeGalleryShaping;
import gallery.vision.worker.evaluation.cache.RawEmbeddings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectionFitTest {

    /**
     * Feature 0 differs between photos only a little but edits never move it; feature 1 differs between photos more
     * but edits move it a lot; feature 2 is noise of edits only. The first direction must follow feature 0.
     */
    @Test
    void firstDirectionIsTheOneEditsDoNotMove() {
        Random random = new Random(7);
        RawEmbeddings cache = new RawEmbeddings("test");
        List<String> photos = new ArrayList<>();
        List<String> edits = List.of("a", "b");
        for (int p = 0; p < 30; p++) {
            String id = "p" + p;
            photos.add(id);
            float f0 = (float) random.nextGaussian();
            float f1 = (float) (3 * random.nextGaussian());
            cache.put(id, RawEmbeddings.ORIGINAL, new float[] {f0, f1, 0});
            for (String edit : edits) {
                cache.put(id, edit, new float[] {f0, (float) (f1 + 3 * random.nextGaussian()),
                        (float) random.nextGaussian()});
            }
        }

        ProjectionFit.Projection projection = ProjectionFit.fit(ProjectionFit.components(cache, photos, edits), 0.05);

        double[] first = projection.directions()[0];
        assertThat(Math.abs(first[0])).isGreaterThan(10 * Math.abs(first[1])).isGreaterThan(10 * Math.abs(first[2]));
        HomeGalleryShaping shaping = projection.shaping(2, 1, HomeGalleryShaping.Layout.HALVES);
        float[] out = shaping.apply(cache.get("p3", "a"));
        assertThat(out).hasSize(4);
        for (float v : out) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
    }

    /**
     * Turning a photo gray shifts feature 0 by a photo-dependent amount, and photos differ most along feature 0: with
     * the colour direction projected out, the projection ignores feature 0, so a photo and its gray copy coincide.
     */
    @Test
    void removedColourDirectionsLeaveGrayCopiesWhereTheirOriginalsAre() {
        Random random = new Random(11);
        RawEmbeddings cache = new RawEmbeddings("test");
        List<String> photos = new ArrayList<>();
        List<String> edits = List.of("jpeg", "gray", "jpeg + gray");
        for (int p = 0; p < 30; p++) {
            String id = "p" + p;
            photos.add(id);
            float f0 = (float) (5 * random.nextGaussian());
            float f1 = (float) random.nextGaussian();
            float shift = (float) (4 + random.nextGaussian());
            cache.put(id, RawEmbeddings.ORIGINAL, new float[] {f0, f1, 0});
            cache.put(id, "jpeg", new float[] {f0, f1, (float) (0.1 * random.nextGaussian())});
            cache.put(id, "gray", new float[] {f0 + shift, f1, (float) (0.1 * random.nextGaussian())});
            cache.put(id, "jpeg + gray", new float[] {f0 + shift, f1, (float) (0.1 * random.nextGaussian())});
        }
        ProjectionFit.Components components = ProjectionFit.components(cache, photos, edits);
        assertThat(components.grayPairs()).hasDimensions(60, 2);

        ProjectionFit.Projection projection = ProjectionFit.fit(ProjectionFit.withoutColour(components, 1), 0.05);

        double[] first = projection.directions()[0];
        assertThat(Math.abs(first[0])).isLessThan(1e-6 * Math.abs(first[1]));
        HomeGalleryShaping shaping = projection.shaping(1, 1, HomeGalleryShaping.Layout.HALVES);
        float[] original = shaping.apply(cache.get("p5", RawEmbeddings.ORIGINAL));
        assertThat(shaping.apply(cache.get("p5", "gray"))).containsExactly(original, within(0.01f));
        assertThat(original[0] + original[1]).isGreaterThan(1);
    }

    @Test
    void grayEditsArePairedWithTheirColourCounterparts() {
        assertThat(ProjectionFit.grayPartner("gray")).isEqualTo(RawEmbeddings.ORIGINAL);
        assertThat(ProjectionFit.grayPartner("jpeg q50 + gray")).isEqualTo("jpeg q50");
        assertThat(ProjectionFit.grayPartner("half size")).isNull();
    }
}
