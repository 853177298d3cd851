package gallery.vision.models.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballExtractorTest {

    @TempDir
    Path dir;

    @Test
    void extractsFilesUnderTheTargetDirectory() throws IOException {
        Path tgz = tgz("package/demo/a.txt", "hello");

        TarballExtractor.extract(tgz, dir.resolve("out"));

        assertThat(dir.resolve("out/package/demo/a.txt")).hasContent("hello");
    }

    @Test
    void rejectsAnEntryThatEscapesTheTargetDirectory() throws IOException {
        Path tgz = tgz("../evil.txt", "x");

        assertThatThrownBy(() -> TarballExtractor.extract(tgz, dir.resolve("out"))).hasMessageContaining("escapes");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    private Path tgz(String name, String content) throws IOException {
        Path file = dir.resolve("t.tgz");
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return file;
    }
}
