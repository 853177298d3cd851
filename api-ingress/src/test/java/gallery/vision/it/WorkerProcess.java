package gallery.vision.it;

import gallery.vision.worker.analysis.InstalledAnalyzer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A vision worker in a process of its own, started from the test classpath, whose analyses never finish: it writes
 * {@code holding} into its marker file when a job reaches the analyzer and then waits, so a test can SIGKILL it
 * mid-job. {@link #close()} kills it if it still runs.
 */
final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path marker;
    private final Path log;

    private WorkerProcess(Process process, Path marker, Path log) {
        this.process = process;
        this.marker = marker;
        this.log = log;
    }

    static WorkerProcess start(List<String> settings) throws IOException {
        Path dir = Files.createTempDirectory("worker-process");
        Path marker = dir.resolve("state");
        Path log = dir.resolve("worker.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), marker.toString()));
        command.addAll(settings);
        command.add("--spring.application.name=worker-process");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new WorkerProcess(process, marker, log);
    }

    /** {@code starting}, {@code ready} (consuming jobs) or {@code holding} (a job is mid-analysis). */
    String state() {
        try {
            return Files.exists(marker) ? Files.readString(marker) : "starting";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook runs, no ack or close is sent; the broker only sees the connection drop. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        try {
            Files.deleteIfExists(marker);
            Files.deleteIfExists(log);
            Files.deleteIfExists(marker.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child process: a worker with the test analyzers, each analysis held forever. */
    public static void main(String[] args) {
        Path marker = Path.of(args[0]);
        String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        SpringApplication app = DistributedCluster.workerApplication();
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(holdingForever(marker)));
        app.addListeners(event -> {
            if (event instanceof ApplicationReadyEvent) {
                write(marker, "ready");
            }
        });
        app.run(springArgs);
    }

    private static BeanPostProcessor holdingForever(Path marker) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof InstalledAnalyzer installed) {
                    return new InstalledAnalyzer(installed.kind(), installed.model(), image -> {
                        write(marker, "holding");
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IllegalStateException("interrupted while held");
                    });
                }
                return bean;
            }
        };
    }

    private static void write(Path marker, String state) {
        try {
            Files.writeString(marker, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
