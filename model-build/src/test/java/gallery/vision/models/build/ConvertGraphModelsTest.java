package gallery.vision.models.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gallery.vision.models.tfjs.graph.GraphModelCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertGraphModelsTest {

    private static GraphModelCatalog catalog(boolean firstShips) {
        return new GraphModelCatalog(List.of(new GraphModelCatalog.Pin("p", "1.0.0", "sha512-x")), List.of(
                new GraphModelCatalog.Entry("a", "p", "a.json", List.of(), List.of(), new double[] {0, 1}, firstShips),
                new GraphModelCatalog.Entry("b", "p", "b.json", List.of(), List.of(), new double[] {0, 1}, false)));
    }

    @Test
    void buildSelectsOnlyTheModelsMarkedBuild() {
        assertThat(ConvertGraphModels.select(catalog(true), List.of("--build")))
                .extracting(GraphModelCatalog.Entry::name).containsExactly("a");
        assertThat(ConvertGraphModels.select(catalog(false), List.of("--build"))).isEmpty();
    }

    @Test
    void namesSelectEvaluationCandidatesOnDemandAndUnknownNamesFail() {
        assertThat(ConvertGraphModels.select(catalog(false), List.of("b")))
                .extracting(GraphModelCatalog.Entry::name).containsExactly("b");
        assertThatThrownBy(() -> ConvertGraphModels.select(catalog(false), List.of("c")))
                .hasMessageContaining("no model c").hasMessageContaining("[a, b]");
    }

    @Test
    void checkedInCatalogPinsEveryPackageItsModelsUse() throws Exception {
        GraphModelCatalog c = GraphModelCatalog.read(Path.of(GraphModelCatalog.FILE_NAME));
        for (GraphModelCatalog.Entry e : c.models()) {
            assertThat(c.pin(e).integrity()).as(e.name()).startsWith("sha512-");
        }
    }
}
