package gallery.vision.ingress.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import gallery.vision.common.image.JpegDecoder;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.common.storage.MinioClients;
import gallery.vision.common.storage.S3BlobStore;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The single operations of the distributed path, timed alone on the same servers as the distributed rows, so that
 * their sum can be set against the measured overhead (a stage profile by parts): the stored-answer lookup that misses,
 * the image and answer writes, the image read (only when a job does not carry it), the worker's second decode, and
 * the broker's part of a job (publish with confirm, a persistent job through a quorum queue to a consumer and a reply
 * through direct reply-to, without work in between). Uses a quorum queue of its own with a unique name and deletes
 * it. Not thread-safe; one run.
 */
final class DistributedParts {

    private final Map<String, String> environment;
    private final Consumer<String> note;
    private final int runs;

    DistributedParts(Map<String, String> environment, Consumer<String> note, int runs) {
        this.environment = environment;
        this.note = note;
        this.runs = runs;
    }

    /** Times each part {@code runs} times after a warm-up and prints one line per part. */
    void measure(byte[] jpeg, byte[] answer) throws Exception {
        BlobStore store = new S3BlobStore(MinioClients.create(environment.get("S3_ENDPOINT"),
                environment.get("S3_ACCESS_KEY"), environment.get("S3_SECRET_KEY"), "us-east-1",
                Duration.ofSeconds(5), Duration.ofSeconds(30)), environment.get("S3_BUCKET"));
        String prefix = "speed-bench-parts/" + UUID.randomUUID() + "/";
        time("S3 GET, missing answer", i -> store.get(prefix + "missing-" + i + ".json"));
        time("S3 PUT, image", i -> store.put(prefix + "image-" + i, jpeg));
        time("S3 GET, image", i -> store.get(prefix + "image-" + i));
        time("S3 PUT, answer", i -> store.put(prefix + "answer-" + i + ".json", answer));
        JpegDecoder decoder = new JpegDecoder(50_000_000);
        time("JPEG decode (jpeg-js), the ingress's and again the worker's", i -> decoder.decode(jpeg));
        broker(jpeg, answer);
    }

    private void broker(byte[] jpeg, byte[] answer) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(environment.get("SPRING_RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(environment.get("SPRING_RABBITMQ_PORT")));
        factory.setUsername(environment.get("SPRING_RABBITMQ_USERNAME"));
        factory.setPassword(environment.get("SPRING_RABBITMQ_PASSWORD"));
        factory.setVirtualHost(environment.get("SPRING_RABBITMQ_VIRTUAL_HOST"));
        String queue = "speed-bench-parts-" + UUID.randomUUID();
        try (Connection client = factory.newConnection(); Connection server = factory.newConnection()) {
            Channel publisher = client.createChannel();
            publisher.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            try {
                publisher.confirmSelect();
                BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);
                publisher.basicConsume("amq.rabbitmq.reply-to", true,
                        (tag, delivery) -> replies.add(delivery.getBody()), tag -> { });
                Channel worker = server.createChannel();
                worker.basicQos(1);
                worker.basicConsume(queue, false, (tag, delivery) -> {
                    worker.basicPublish("", delivery.getProperties().getReplyTo(), null, answer);
                    worker.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                }, tag -> { });
                AMQP.BasicProperties job = new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .replyTo("amq.rabbitmq.reply-to").build();
                time("broker: persistent job through a quorum queue to a consumer, reply by direct reply-to", i -> {
                    publisher.basicPublish("", queue, job, jpeg);
                    if (replies.poll(10, TimeUnit.SECONDS) == null) {
                        throw new IllegalStateException("no reply through the broker in 10 s");
                    }
                    publisher.waitForConfirmsOrDie(10_000);
                });
                worker.close();
                time("broker: publish + confirm only (quorum queue)", i -> {
                    publisher.basicPublish("", queue, job, jpeg);
                    publisher.waitForConfirmsOrDie(10_000);
                });
            } finally {
                publisher.queueDelete(queue);
            }
        }
    }

    private interface Part {
        void run(int i) throws Exception;
    }

    private void time(String name, Part part) throws Exception {
        for (int i = 0; i < 10; i++) {
            part.run(-1 - i);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            part.run(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        note.accept(String.format("part: %-85s %s", name, Latencies.of(millis).summary()));
    }
}
