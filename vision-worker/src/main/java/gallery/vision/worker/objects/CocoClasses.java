package gallery.vision.worker.objects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 80 COCO classes in the detectors' output order (index 0 = {@code person}), spelt as TensorFlow.js coco-ssd
 * spells them ({@code dining table}, {@code potted plant}, {@code cell phone}, {@code tv}, ...). Read from the
 * resource {@code coco-classes.txt} beside this class. Immutable, thread-safe.
 */
public final class CocoClasses {

    public static final int COUNT = 80;
    private static final List<String> NAMES = load();

    private CocoClasses() {
    }

    /** The coco-ssd name of class {@code index} (0..79). */
    public static String name(int index) {
        return NAMES.get(index);
    }

    public static List<String> all() {
        return NAMES;
    }

    private static List<String> load() {
        try (InputStream in = CocoClasses.class.getResourceAsStream("coco-classes.txt")) {
            if (in == null) {
                throw new IllegalStateException("coco-classes.txt missing beside " + CocoClasses.class.getName());
            }
            List<String> names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
            if (names.size() != COUNT) {
                throw new IllegalStateException("coco-classes.txt lists " + names.size() + " classes, not " + COUNT);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
