package gallery.vision.cli.storage;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.support.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StorageWalkerTest {

    @TempDir
    Path storage;

    @Test
    void groupsFilesIntoEntriesByTheirId() throws Exception {
        String first = "b19a" + "0".repeat(36);
        String second = "b19a" + "1".repeat(36);
        TestStorage.imageEntry(storage, first);
        TestStorage.write(storage, first, "objects.json", "{}".getBytes());
        TestStorage.write(storage, second, "image-preview-320.jpg", TestStorage.jpeg(8, 8));

        List<StorageEntry> entries = new StorageWalker().walk(storage);

        assertThat(entries).extracting(StorageEntry::id).containsExactly(first, second);
        StorageEntry entry = entries.get(0);
        assertThat(entry.suffixes()).contains("image-preview-800.jpg", "objects.json");
        assertThat(entry.hasAnswer(Analysis.OBJECTS)).isTrue();
        assertThat(entry.hasAnswer(Analysis.FACES)).isFalse();
        assertThat(entry.answerFile(Analysis.EMBEDDINGS))
                .isEqualTo(storage.resolve("b1/9a/" + "0".repeat(36) + "-similarity-embeddings.json"));
    }

    @Test
    void removesTemporaryFilesAKilledRunLeftBehindAndNothingElse() throws Exception {
        String id = TestStorage.entryId();
        Path preview = TestStorage.imageEntry(storage, id);
        Path leftover = Files.writeString(preview.resolveSibling(".gallery-vision-1234.tmp"), "{\"half");
        Path foreign = Files.writeString(preview.resolveSibling(".someone-else.tmp"), "x");
        Path cache = Files.writeString(preview.resolveSibling("0123456789abcdef0123456789abcdef0123-meta.cache"), "x");

        new StorageWalker().walk(storage);

        assertThat(leftover).doesNotExist();
        assertThat(foreign).exists();
        assertThat(cache).exists();
    }

    @Test
    void ignoresDirectoriesOutsideTheStorageLayout() throws Exception {
        Files.createDirectories(storage.resolve("tmp/xx"));
        Files.writeString(storage.resolve("tmp/xx/" + "a".repeat(36) + "-image-preview-800.jpg"), "x");
        Files.createDirectories(storage.resolve("AB/CD"));

        assertThat(new StorageWalker().walk(storage)).isEmpty();
    }
}
