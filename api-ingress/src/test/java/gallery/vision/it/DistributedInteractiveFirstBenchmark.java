package gallery.vision.it;

import gallery.vision.ingress.jobs.bench.InteractiveFirstBenchmark;
import gallery.vision.common.testing.FaceApiPackage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BENCHMARK, not a test: its class name keeps it out of the normal test run. Run it on purpose with
 * {@code mvn -pl api-ingress -am package -Dtest=DistributedInteractiveFirstBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>{@link InteractiveFirstBenchmark} against a distributed cluster (ingress and one worker with every model the
 * build ships, real RabbitMQ, S3Proxy): sync {@code /faces} p50 idle, and with 500 bulk jobs waiting on the bulk
 * queue. Results go to stdout and {@code target/benchmark-interactive-first.txt}.
 */
class DistributedInteractiveFirstBenchmark {

    private static final int RUNS = 30;
    private static final int BULK = 500;

    @Test
    void measureSynchronousFacesWhileBulkJobsWait() throws Exception {
        byte[] photo = Files.readAllBytes(FaceApiPackage.demoPhoto("sample1.jpg")
                .orElseThrow(() -> new IllegalStateException("the build extracts face-api's demo photos")));
        List<String> report = new ArrayList<>();
        report.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
        try (DistributedCluster cluster = DistributedCluster.start(1)) {
            report.addAll(InteractiveFirstBenchmark.run("http://127.0.0.1:" + cluster.port(), RUNS, BULK, photo, photo));
        }
        report.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        report.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark-interactive-first.txt"), report);
    }
}
