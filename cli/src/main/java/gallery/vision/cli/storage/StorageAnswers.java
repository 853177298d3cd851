package gallery.vision.cli.storage;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.plan.ExistingAnswers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The answer files of one storage entry. Presence comes from the directory listing; a stamp is read from the file
 * only when asked (mode {@code stale}), and a file that is not a JSON object has none. Thread-safe.
 */
final class StorageAnswers implements ExistingAnswers {

    /** Jackson's data binding, loaded only when a stamp is read (mode {@code stale}): a plain run never needs it. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.shared();
    }

    private final StorageEntry entry;

    StorageAnswers(StorageEntry entry) {
        this.entry = entry;
    }

    @Override
    public boolean has(Analysis analysis) {
        return entry.hasAnswer(analysis);
    }

    @Override
    public Optional<AnswerStamp> stamp(Analysis analysis) {
        if (!has(analysis)) {
            return Optional.empty();
        }
        try {
            var answer = Json.MAPPER.readTree(Files.readString(entry.answerFile(analysis)));
            return answer.isObject() ? Optional.of(AnswerStamp.of(answer)) : Optional.empty();
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }
}
