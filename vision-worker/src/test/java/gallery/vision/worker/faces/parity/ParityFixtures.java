package gallery.vision.worker.faces.parity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The reference answers of the real face-api (written by tools/faceapi-reference), from the test classpath. */
final class ParityFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "parity/faces/";

    private ParityFixtures() {
    }

    /** The fixtures of one kind ({@code e2e}, ...), by file name; none when the folder is absent. */
    static List<Fixture> list(String kind) {
        URL url = ParityFixtures.class.getClassLoader().getResource(ROOT + kind);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> new Fixture(p.getFileName().toString(), read(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fixture file; its name is what parameterised tests show. */
    record Fixture(String name, JsonNode json) {
        @Override
        public String toString() {
            return name;
        }
    }
}
