package gallery.vision.worker.objects;

import java.util.HashMap;
import java.util.Map;

/**
 * Flip test-time augmentation's fusion step: the element-wise mean of a network's raw outputs for an image and for
 * its mirror image (already mapped back by {@link DetectorModel#unmirror}), output by output. Stateless, thread-safe.
 */
final class MirrorAveraging {

    private MirrorAveraging() {
    }

    static Map<String, float[]> average(Map<String, float[]> direct, Map<String, float[]> unmirrored) {
        Map<String, float[]> out = new HashMap<>();
        direct.forEach((name, a) -> {
            float[] b = unmirrored.get(name);
            if (b == null || b.length != a.length) {
                throw new IllegalArgumentException("output " + name + " differs between the image and its mirror");
            }
            float[] mean = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                mean[i] = (a[i] + b[i]) * 0.5f;
            }
            out.put(name, mean);
        });
        return out;
    }
}
