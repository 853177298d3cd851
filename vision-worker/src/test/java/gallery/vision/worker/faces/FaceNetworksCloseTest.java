package gallery.vision.worker.faces;

import gallery.vision.models.ModelFiles;
import gallery.vision.worker.djl.OnnxRuntimeProperties;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing the sessions waits for analyses in flight, and later analyses fail cleanly instead of crashing natively. */
class FaceNetworksCloseTest {

    @Test
    void closeWaitsForRunningWorkAndRefusesLaterWork() throws Exception {
        ModelFiles models = ModelFiles.fromClasspath(getClass().getClassLoader());
        FaceModelFiles files = FaceModelFiles.find(models::path)
                .orElseThrow(() -> new IllegalStateException("the build converts the face models; run the reactor build"));
        FaceNetworks networks = FaceNetworks.load(files, OnnxRuntimeProperties.withThreads(1));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> networks.use(() -> {
            running.countDown();
            await(finish);
            return "done with open sessions";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(networks::close);
        Thread.sleep(200);
        assertThat(closing).as("close must wait for the running analysis").isNotDone();
        finish.countDown();

        assertThat(work.get(10, TimeUnit.SECONDS)).isEqualTo("done with open sessions");
        closing.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> networks.use(() -> "too late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
