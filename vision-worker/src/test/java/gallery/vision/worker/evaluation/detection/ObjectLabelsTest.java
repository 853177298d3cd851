package gallery.vision.worker.evaluation.detection;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectLabelsTest {

    private static final Path TOOLS = Path.of("..", "tools", "eval-photos");

    @Test
    void rejectsAClassNameCocoSsdDoesNotUse() {
        ObjectLabels labels = new ObjectLabels(List.of(new LabelledPhoto("p", 100, 100,
                List.of(new LabelledObject("diningtable", new double[] {0, 0, 10, 10})))));

        assertThatThrownBy(() -> labels.validate(Set.of("dining table")))
                .hasMessageContaining("'diningtable' is not one of coco-ssd's class names");
    }

    @Test
    void rejectsABoxOutsideThePhoto() {
        ObjectLabels labels = new ObjectLabels(List.of(new LabelledPhoto("p", 100, 100,
                List.of(new LabelledObject("person", new double[] {50, 50, 80, 10})))));

        assertThatThrownBy(() -> labels.validate(Set.of("person"))).hasMessageContaining("outside the 100x100 photo");
    }

    @Test
    void committedLabelsUseOnlyCocoSsdClassNamesAndFitTheirPhotos() throws IOException {
        Set<String> coco = Files.readAllLines(TOOLS.resolve("coco-classes.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t")[1]).collect(Collectors.toSet());
        Set<String> photoIds = Files.readAllLines(TOOLS.resolve("photos.tsv")).stream().skip(1)
                .map(line -> line.split("\t")[0]).collect(Collectors.toSet());

        ObjectLabels labels = ObjectLabels.read(TOOLS.resolve("object-labels.json"), coco);

        assertThat(coco).hasSize(80).contains("person", "dining table", "potted plant", "cell phone", "tv");
        assertThat(labels.photos()).extracting(LabelledPhoto::id).allMatch(photoIds::contains);
        assertThat(labels.photos()).extracting(LabelledPhoto::id).doesNotHaveDuplicates();
    }
}
