package gallery.vision.cli.bench;

import java.net.URI;
import java.util.Map;

/**
 * The service that the re-indexing benchmark measures, as child processes of the benchmark: where it answers and
 * which processes do its work (for their CPU time from {@code /proc}). {@link #close()} stops every process it
 * started and may be called more than once (from a shutdown hook as well as the benchmark's {@code finally}).
 */
interface ReindexServers extends AutoCloseable {

    /** The base address of the REST API, on loopback. */
    URI uri();

    /** The server processes by a short name ({@code ingress}, {@code worker}, {@code s3}) to their process ids. */
    Map<String, Long> processes();

    /** One line on what runs, for the output. */
    String description();

    @Override
    void close();
}
