package gallery.vision.common.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void returnsWhatWasPutUnderNestedKey() {
        FileBlobStore store = new FileBlobStore(root);

        store.put("results/faces/ab/cd/abcd.json", new byte[]{1, 2, 3});

        assertThat(store.get("results/faces/ab/cd/abcd.json")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
        assertThat(store.exists("results/faces/ab/cd/abcd.json")).isTrue();
    }

    @Test
    void listsTheKeysUnderAPrefixAndForgetsDeletedOnes() {
        FileBlobStore store = new FileBlobStore(root);
        store.put("jobs/records/a.json", new byte[]{1});
        store.put("jobs/records/b.json", new byte[]{2});
        store.put("jobs/failures/faces/x.json", new byte[]{3});

        store.delete("jobs/records/a.json");
        store.delete("jobs/records/never-written.json");

        assertThat(store.keys("jobs/records/")).containsExactly("jobs/records/b.json");
        assertThat(store.keys("jobs/")).containsExactlyInAnyOrder("jobs/records/b.json", "jobs/failures/faces/x.json");
        assertThat(store.keys("nothing/here/")).isEmpty();
        assertThat(store.get("jobs/records/a.json")).isEmpty();
    }

    @Test
    void returnsEmptyForMissingKey() {
        FileBlobStore store = new FileBlobStore(root);

        assertThat(store.get("images/no/such.jpg")).isEmpty();
        assertThat(store.exists("images/no/such.jpg")).isFalse();
    }

    @Test
    void replacesValueAndLeavesNoTemporaryFiles() throws IOException {
        FileBlobStore store = new FileBlobStore(root);

        store.put("a/b.json", new byte[]{1});
        store.put("a/b.json", new byte[]{2});

        assertThat(store.get("a/b.json")).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
        try (Stream<Path> files = Files.list(root.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("b.json");
        }
    }

    @Test
    void refusesKeysThatLeaveTheRoot() {
        FileBlobStore store = new FileBlobStore(root);

        assertThatThrownBy(() -> store.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/abs/path", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("a//b")).isInstanceOf(IllegalArgumentException.class);
    }
}
