package gallery.vision.common.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link FileBlobStoreCrashTest}: puts values into a {@link FileBlobStore} as fast as it can, on
 * two threads with keys of their own, and prints {@code key seq} on a line of its own once each put has returned (an
 * acknowledged write). Runs until it is killed. Every value is {@link #value} of its key and sequence number, so the
 * test can tell a whole value from a truncated or mixed one.
 */
public final class CrashWriter {

    static final int KEYS_PER_THREAD = 40;

    private CrashWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        FileBlobStore store = new FileBlobStore(Path.of(args[0]));
        long firstSeq = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Thread[] writers = new Thread[2];
        for (int t = 0; t < writers.length; t++) {
            int thread = t;
            writers[t] = new Thread(() -> {
                for (long seq = firstSeq; ; seq++) {
                    String key = key(thread, (int) (seq % KEYS_PER_THREAD));
                    store.put(key, value(key, seq));
                    synchronized (out) {
                        out.println(key + " " + seq);
                        out.flush();
                    }
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    /** Keys in answer-like folders, new folders among them, so that puts also create directories. */
    static String key(int thread, int index) {
        return "results/faces/t" + thread + "/" + String.format("%02d", index % 8) + "/k" + index + ".json";
    }

    /** A JSON value of 10 bytes to about 300 KB whose every byte depends on the key and the sequence number. */
    static byte[] value(String key, long seq) {
        int padding = (int) ((seq * 7919) % 300_000);
        StringBuilder json = new StringBuilder(padding + 100).append("{\"key\":\"").append(key)
                .append("\",\"seq\":").append(seq).append(",\"pad\":\"");
        char fill = (char) ('a' + seq % 26);
        json.append(String.valueOf(fill).repeat(padding));
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sequence number a stored value says it has, or -1 when it does not start like a value. */
    static long seqOf(byte[] stored) {
        String text = new String(stored, 0, Math.min(stored.length, 200), StandardCharsets.UTF_8);
        int start = text.indexOf("\"seq\":");
        int end = text.indexOf(",\"pad\"");
        if (start < 0 || end < start) {
            return -1;
        }
        return Long.parseLong(text.substring(start + 6, end));
    }
}
