package gallery.vision.cli.storage;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.plan.Candidate;
import gallery.vision.cli.plan.Scan;
import gallery.vision.cli.write.AnswerSink;
import gallery.vision.cli.write.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Home Gallery storage directory as a source of images and a place for answers: each image entry offers the
 * preview the extractor would send; answers are written atomically where Home Gallery reads them
 * ({@code <prefix>-similarity-embeddings.json}, {@code -objects.json}, {@code -faces.json}). Thread-safe.
 */
public final class StorageSource implements AnswerSink {

    private final Path root;
    private final StorageWalker walker = new StorageWalker();

    public StorageSource(Path root) {
        this.root = root;
    }

    /** Walks the storage; videos and entries without a preview of at most 800 px are reported as not indexable. */
    public Scan scan() throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        List<String> notIndexable = new ArrayList<>();
        for (StorageEntry entry : walker.walk(root)) {
            if (entry.isVideo()) {
                notIndexable.add(entry.id() + ": video (Home Gallery's extractor sends images only)");
                continue;
            }
            var preview = PreviewChoice.choose(entry.suffixes());
            if (preview.isEmpty()) {
                if (entry.suffixes().stream().anyMatch(s -> s.startsWith("image-preview-"))) {
                    notIndexable.add(entry.id() + ": no preview of at most " + PreviewChoice.MAX_SIZE + " px");
                }
                continue;
            }
            candidates.add(new Candidate(entry.id(), entry.file(preview.get()), new StorageAnswers(entry)));
        }
        return new Scan(candidates, notIndexable);
    }

    @Override
    public void store(Candidate candidate, String srcSha1sum, Map<Analysis, String> answers) throws IOException {
        Path preview = candidate.image();
        String prefix = candidate.label().substring(4);
        for (Map.Entry<Analysis, String> answer : answers.entrySet()) {
            Path target = preview.resolveSibling(prefix + "-" + answer.getKey().storageSuffix());
            AtomicFiles.write(target, answer.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}
