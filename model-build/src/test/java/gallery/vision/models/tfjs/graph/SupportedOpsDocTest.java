package gallery.vision.models.tfjs.graph;

import gallery.vision.models.tfjs.graph.ops.StandardOps;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The op table in {@code docs/tfjs-converter.md} lists exactly the ops the registry handles, with their family. */
class SupportedOpsDocTest {

    static final Path DOC = Path.of("../docs/tfjs-converter.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\| `([A-Za-z]+)` \\|$");

    @Test
    void docTableMatchesTheRegistry() throws Exception {
        OpRegistry registry = StandardOps.registry();
        List<String> expected = new ArrayList<>();
        for (String op : registry.ops()) {
            expected.add("| `" + op + "` | `" + registry.family(op) + "` |");
        }
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                documented.add(line.strip());
            }
        }
        assertThat(documented)
                .as("op table of %s; regenerate it from the registry:%n%s", DOC, String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }
}
