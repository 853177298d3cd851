package gallery.vision.common.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of embedded mode's store, with a real kill: a child JVM ({@link CrashWriter}) writes values as fast as
 * it can and is killed with SIGKILL ({@link ProcessHandle#destroyForcibly()}) in the middle of its burst, several times
 * over the same directory. After each kill the store is opened again, as a restarted service would: every stored
 * value must be exactly a value that was written (never a truncated or mixed one), and every write the child had
 * acknowledged must be there (the value of its key is that write or a later one).
 *
 * <p>A process kill leaves the page cache alone, so this proves the atomic rename and the acknowledgement order, not
 * the fsyncs, which only a power cut would test.
 */
class FileBlobStoreCrashTest {

    private static final int ROUNDS = 4;
    /** Where a kill happens to land between puts every time (a fast, idle machine), more rounds until one lands inside. */
    private static final int MAX_ROUNDS = 40;
    private static final long SEQ_PER_ROUND = 1_000_000;

    @TempDir
    Path root;

    @Test
    void neverServesAPartialValueNorLosesAnAcknowledgedOneWhenKilledMidBurst() throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        int leftTemporaryFiles = 0;
        for (int round = 0; round < ROUNDS || (leftTemporaryFiles == 0 && round < MAX_ROUNDS); round++) {
            killMidBurst(round * SEQ_PER_ROUND, 60 + 45 * (round % ROUNDS) + round, acknowledged);

            leftTemporaryFiles += temporaryFiles().size();
            FileBlobStore restarted = new FileBlobStore(root);
            assertEveryStoredValueIsWhole(restarted);
            for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
                Optional<byte[]> stored = restarted.get(write.getKey());
                assertThat(stored).as("acknowledged %s", write).isPresent();
                assertThat(CrashWriter.seqOf(stored.get())).as("acknowledged %s", write).isGreaterThanOrEqualTo(write.getValue());
            }
            restarted.deleteAbandonedTemporaryFiles();
            assertThat(temporaryFiles()).as("temporary files after clean-up").isEmpty();
        }
        assertThat(acknowledged).hasSize(2 * CrashWriter.KEYS_PER_THREAD);
        assertThat(leftTemporaryFiles).as("kills that interrupted a put (else this test proved little)").isPositive();
    }

    /** Starts the writer, waits for {@code writes} acknowledgements, kills it with SIGKILL and waits for its end. */
    private void killMidBurst(long firstSeq, int writes, Map<String, Long> acknowledged) throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), root.toString(),
                Long.toString(firstSeq))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int seen = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen < writes && (line = lines.readLine()) != null) {
                String[] write = line.split(" ");
                acknowledged.merge(write[0], Long.parseLong(write[1]), Math::max);
                seen++;
            }
            child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves the pipe open
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Acknowledgements printed before the kill landed count too: the child had returned from their puts.
            while ((line = lines.readLine()) != null) {
                String[] write = line.split(" ");
                if (write.length == 2 && !write[1].isEmpty()) {
                    acknowledged.merge(write[0], Long.parseLong(write[1]), Math::max);
                }
            }
        }
        assertThat(seen).as("writes acknowledged before the kill").isEqualTo(writes);
    }

    private void assertEveryStoredValueIsWhole(FileBlobStore store) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                String key = root.relativize(file).toString().replace('\\', '/');
                byte[] stored = store.get(key).orElseThrow();
                long seq = CrashWriter.seqOf(stored);
                assertThat(seq).as("sequence number in %s", key).isNotNegative();
                assertThat(stored).as("%s is the whole value %d", key, seq).isEqualTo(CrashWriter.value(key, seq));
            }
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".put-")).toList();
        }
    }
}
