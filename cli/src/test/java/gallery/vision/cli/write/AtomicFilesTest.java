package gallery.vision.cli.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheExactBytesAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("e".repeat(36) + "-faces.json");

        AtomicFiles.write(target, "{\"data\":[0.10]}".getBytes());

        assertThat(target).hasContent("{\"data\":[0.10]}");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void replacesAnExistingAnswerWhole() throws Exception {
        Path target = Files.writeString(dir.resolve("x-objects.json"), "{\"model\":\"old\",\"long\":\"" + "x".repeat(1000) + "\"}");

        AtomicFiles.write(target, "{\"model\":\"new\"}".getBytes());

        assertThat(target).hasContent("{\"model\":\"new\"}");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() {
        Path target = dir.resolve("missing-dir").resolve("x.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void recognisesOnlyItsOwnTemporaryNames() {
        assertThat(AtomicFiles.isLeftover(".gallery-vision-3f2a.tmp")).isTrue();
        assertThat(AtomicFiles.isLeftover("gallery-vision-3f2a.tmp")).isFalse();
        assertThat(AtomicFiles.isLeftover(".gallery-vision-3f2a.json")).isFalse();
    }

    private java.util.List<Path> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
