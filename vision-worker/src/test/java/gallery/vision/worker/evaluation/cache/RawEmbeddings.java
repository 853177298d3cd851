package gallery.vision.worker.evaluation.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedder's raw vectors per photo and edit ({@code original} and each near-duplicate edit by its name), cached
 * once so that fitting and evaluating a transform needs no network run. Binary file: magic, count, then per vector
 * photo id, edit name, length and the floats. Not thread-safe.
 */
public final class RawEmbeddings {

    public static final String ORIGINAL = "original";
    private static final int MAGIC = 0x47564531;

    private final String model;
    private final Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();

    public RawEmbeddings(String model) {
        this.model = model;
    }

    public String model() {
        return model;
    }

    public void put(String photo, String edit, float[] vector) {
        vectors.computeIfAbsent(photo, p -> new LinkedHashMap<>()).put(edit, vector);
    }

    /** The vector of a photo's edit ({@link #ORIGINAL} for the photo itself); fails when it was not cached. */
    public float[] get(String photo, String edit) {
        float[] vector = vectors.getOrDefault(photo, Map.of()).get(edit);
        if (vector == null) {
            throw new IllegalArgumentException("no cached embedding of " + photo + " / " + edit);
        }
        return vector;
    }

    /** The length of the cached vectors (that of the first one; 0 when empty). */
    public int length() {
        return vectors.values().stream().flatMap(e -> e.values().stream()).findFirst().map(v -> v.length).orElse(0);
    }

    public boolean has(String photo) {
        return vectors.containsKey(photo);
    }

    /** Whether the vector of a photo's edit was cached. */
    public boolean has(String photo, String edit) {
        return vectors.getOrDefault(photo, Map.of()).containsKey(edit);
    }

    /**
     * The "duo" features of every photo and edit cached in both {@code colour} and {@code gray} (the raw outputs of
     * colour and of gray input, the same photos): {@code [colourWeight * colour..., gray...]}, in {@code colour}'s
     * order; named after {@code colour}'s model.
     */
    public static RawEmbeddings joined(RawEmbeddings colour, float colourWeight, RawEmbeddings gray) {
        RawEmbeddings duo = new RawEmbeddings(colour.model);
        colour.vectors.forEach((photo, edits) -> edits.forEach((edit, c) -> {
            if (gray.has(photo, edit)) {
                float[] g = gray.get(photo, edit);
                float[] joined = new float[c.length + g.length];
                for (int i = 0; i < c.length; i++) {
                    joined[i] = colourWeight * c[i];
                }
                System.arraycopy(g, 0, joined, c.length, g.length);
                duo.put(photo, edit, joined);
            }
        }));
        return duo;
    }

    public void write(Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeUTF(model);
            int count = vectors.values().stream().mapToInt(Map::size).sum();
            out.writeInt(count);
            for (Map.Entry<String, Map<String, float[]>> photo : vectors.entrySet()) {
                for (Map.Entry<String, float[]> edit : photo.getValue().entrySet()) {
                    out.writeUTF(photo.getKey());
                    out.writeUTF(edit.getKey());
                    out.writeInt(edit.getValue().length);
                    for (float v : edit.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawEmbeddings read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not a raw embedding cache");
            }
            RawEmbeddings cache = new RawEmbeddings(in.readUTF());
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String photo = in.readUTF();
                String edit = in.readUTF();
                float[] vector = new float[in.readInt()];
                for (int j = 0; j < vector.length; j++) {
                    vector[j] = in.readFloat();
                }
                cache.put(photo, edit, vector);
            }
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
