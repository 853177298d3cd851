package gallery.vision.common.storage;

import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the MinIO client {@link S3BlobStore} uses. Two departures from the client's defaults: timeouts short enough
 * that an unreachable server turns into a prompt 503 (the defaults wait minutes), and {@code TCP_NODELAY} on every
 * connection. Without it an upload's body waits behind its headers for the server's delayed ACK (Nagle's algorithm):
 * about 40 ms added to every PUT, which is most of a job's overhead on a fast network. And a larger pool of idle
 * connections kept warm (see {@link #IDLE_CONNECTIONS}).
 */
public final class MinioClients {

    /**
     * Idle connections kept open for reuse: OkHttp keeps 5 by default, fewer than the requests a busy ingress has
     * in flight, so connections would be opened and closed under load instead of staying warm.
     */
    static final int IDLE_CONNECTIONS = 32;

    private MinioClients() {
    }

    public static MinioClient create(String endpoint, String accessKey, String secretKey, String region,
                                     Duration connectTimeout, Duration ioTimeout) {
        OkHttpClient http = HttpUtils.newDefaultHttpClient(connectTimeout.toMillis(), ioTimeout.toMillis(), ioTimeout.toMillis())
                .newBuilder()
                .socketFactory(new NoDelaySocketFactory())
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .build();
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).httpClient(http);
        if (region != null && !region.isBlank()) {
            builder.region(region);
        }
        return builder.build();
    }

    /** Plain sockets with Nagle's algorithm off. */
    private static final class NoDelaySocketFactory extends SocketFactory {

        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
