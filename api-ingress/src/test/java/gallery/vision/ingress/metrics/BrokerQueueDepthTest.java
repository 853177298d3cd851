package gallery.vision.ingress.metrics;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The broker is asked at most once per {@link BrokerQueueDepth#MAX_AGE}, and a broker that cannot be asked gives no
 * sample (NaN) rather than a made-up zero. The broker's side (a passive declaration) is stood in for by a mock; the
 * real one: {@code gallery.vision.it.DistributedMetricsTest}.
 */
class BrokerQueueDepthTest {

    private final AmqpAdmin admin = mock(AmqpAdmin.class);
    private final AtomicLong now = new AtomicLong();
    private final BrokerQueueDepth depth = new BrokerQueueDepth(admin, List.of("jobs"), now::get);

    @Test
    void asksTheBrokerAtMostOncePerMaxAge() {
        when(admin.getQueueInfo("jobs")).thenReturn(new QueueInformation("jobs", 7, 1), new QueueInformation("jobs", 3, 1));

        assertThat(depth.depth()).isEqualTo(7);
        now.addAndGet(BrokerQueueDepth.MAX_AGE.toNanos() - 1);
        assertThat(depth.depth()).isEqualTo(7);
        now.addAndGet(1);
        assertThat(depth.depth()).isEqualTo(3);
        verify(admin, times(2)).getQueueInfo("jobs");
    }

    @Test
    void givesNoSampleWhileTheBrokerCannotBeAskedOrTheQueueIsMissing() {
        when(admin.getQueueInfo("jobs")).thenThrow(new AmqpConnectException(new ConnectException("refused")))
                .thenReturn(null);

        assertThat(depth.depth()).isNaN();
        now.addAndGet(BrokerQueueDepth.MAX_AGE.toNanos());
        assertThat(depth.depth()).isNaN();
    }
}
