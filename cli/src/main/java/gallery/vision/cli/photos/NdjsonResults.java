package gallery.vision.cli.photos;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.plan.Candidate;
import gallery.vision.cli.plan.ExistingAnswers;
import gallery.vision.cli.write.AnswerSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A results file of one JSON object per line: {@code {"path":"<relative path>","sha1":"<srcSha1sum>",
 * "answers":{"<analysis>":{<answer>},...}}}. A photo may have several lines (a later run adds the answers an earlier
 * one missed); readers merge them by path, later lines winning. Opening the file cuts off a last line without its
 * newline (what a killed run leaves), so every line in the file is whole; each line is appended and fsynced whole.
 * Thread-safe: appends are serialised.
 */
public final class NdjsonResults implements AnswerSink, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Path photosRoot;
    private final FileChannel out;
    private final Map<String, Map<Analysis, Optional<AnswerStamp>>> stored = new HashMap<>();

    private NdjsonResults(Path photosRoot, FileChannel out) {
        this.photosRoot = photosRoot;
        this.out = out;
    }

    /** Opens (or creates) the results file, repairing a torn last line, and reads what it holds. */
    public static NdjsonResults open(Path file, Path photosRoot) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            NdjsonResults results = new NdjsonResults(photosRoot, channel);
            results.load(file);
            return results;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int whole = content.length;
        while (whole > 0 && content[whole - 1] != '\n') {
            whole--;
        }
        if (whole < content.length) {
            out.truncate(whole);
            out.force(true);
        }
        for (String line : new String(content, 0, whole, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                remember(line);
            }
        }
        out.position(whole);
    }

    private void remember(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return; // not ours or damaged: the photo is simply not known as done
        }
        JsonNode path = node.path("path");
        if (!path.isString()) {
            return;
        }
        Map<Analysis, Optional<AnswerStamp>> answers = stored.computeIfAbsent(path.asString(), p -> new EnumMap<>(Analysis.class));
        for (Analysis analysis : Analysis.values()) {
            JsonNode answer = node.path("answers").path(analysis.apiName());
            if (answer.isObject()) {
                answers.put(analysis, Optional.of(AnswerStamp.of(answer)));
            }
        }
    }

    /** The answers earlier lines hold for this photo. */
    public ExistingAnswers existing(Path photo) {
        Map<Analysis, Optional<AnswerStamp>> answers = stored.getOrDefault(key(photo), Map.of());
        return new ExistingAnswers() {
            @Override
            public boolean has(Analysis analysis) {
                return answers.containsKey(analysis);
            }

            @Override
            public Optional<AnswerStamp> stamp(Analysis analysis) {
                return answers.getOrDefault(analysis, Optional.empty());
            }
        };
    }

    /** The relative path with {@code /} separators that identifies a photo in the file. */
    public String key(Path photo) {
        return photosRoot.relativize(photo).toString().replace(photo.getFileSystem().getSeparator(), "/");
    }

    @Override
    public void store(Candidate candidate, String srcSha1sum, Map<Analysis, String> answers) throws IOException {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"path\":").append(JSON.writeValueAsString(candidate.label()))
                .append(",\"sha1\":").append(JSON.writeValueAsString(srcSha1sum))
                .append(",\"answers\":{");
        String separator = "";
        for (Map.Entry<Analysis, String> answer : new EnumMap<>(answers).entrySet()) {
            line.append(separator).append('"').append(answer.getKey().apiName()).append("\":").append(answer.getValue());
            separator = ",";
        }
        line.append("}}\n");
        ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (out) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
