package gallery.vision.cli.photos;

import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.plan.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static gallery.vision.cli.analysis.Analysis.EMBEDDINGS;
import static gallery.vision.cli.analysis.Analysis.FACES;
import static gallery.vision.cli.analysis.Analysis.OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;

class NdjsonResultsTest {

    @TempDir
    Path dir;

    @Test
    void cutsOffATornLastLineAndKeepsWholeOnes() throws Exception {
        Path out = dir.resolve("results.ndjson");
        String whole = "{\"path\":\"a.jpg\",\"sha1\":\"1\",\"answers\":{\"faces\":{\"model\":\"face-api\",\"version\":\"1\"}}}\n";
        Files.writeString(out, whole + "{\"path\":\"b.jpg\",\"sha1\":\"2\",\"answers\":{\"fa");

        try (NdjsonResults results = NdjsonResults.open(out, dir)) {
            assertThat(results.existing(dir.resolve("a.jpg")).stamp(FACES)).contains(new AnswerStamp("face-api", "1"));
            assertThat(results.existing(dir.resolve("b.jpg")).has(FACES)).isFalse();
        }
        assertThat(out).hasContent(whole.strip());
        assertThat(Files.readString(out)).isEqualTo(whole);
    }

    @Test
    void mergesSeveralLinesOfOnePhotoLaterLinesWinning() throws Exception {
        Path out = Files.writeString(dir.resolve("r.ndjson"),
                "{\"path\":\"sub/a.jpg\",\"sha1\":\"1\",\"answers\":{\"faces\":{\"model\":\"m\",\"version\":\"1\"}}}\n"
                        + "{\"path\":\"sub/a.jpg\",\"sha1\":\"1\",\"answers\":{\"faces\":{\"model\":\"m\",\"version\":\"2\"},"
                        + "\"objects\":{\"model\":\"o\"}}}\n");

        try (NdjsonResults results = NdjsonResults.open(out, dir)) {
            var existing = results.existing(dir.resolve("sub").resolve("a.jpg"));
            assertThat(existing.stamp(FACES)).contains(new AnswerStamp("m", "2"));
            assertThat(existing.stamp(OBJECTS)).contains(new AnswerStamp("o", null));
            assertThat(existing.has(EMBEDDINGS)).isFalse();
        }
    }

    @Test
    void appendsOneWholeLinePerStoreWithAnswersVerbatim() throws Exception {
        Path out = dir.resolve("new.ndjson");
        String faces = "{\"model\":\"face-api\",\"data\":[0.10,2e-7]}";
        try (NdjsonResults results = NdjsonResults.open(out, dir)) {
            Path photo = dir.resolve("x \"quoted\".jpg");
            results.store(new Candidate(results.key(photo), photo, results.existing(photo)), "abc", Map.of(FACES, faces));
        }

        assertThat(Files.readString(out)).isEqualTo(
                "{\"path\":\"x \\\"quoted\\\".jpg\",\"sha1\":\"abc\",\"answers\":{\"faces\":" + faces + "}}\n");
        try (NdjsonResults reopened = NdjsonResults.open(out, dir)) {
            assertThat(reopened.existing(dir.resolve("x \"quoted\".jpg")).has(FACES)).isTrue();
        }
    }
}
