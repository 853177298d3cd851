package gallery.vision.common.storage;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ModelRef;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distributed mode's image sweep against a real S3 server, S3Proxy, whose lack of a lifecycle API makes
 * {@code IMAGE_EXPIRY=auto} fall back to it. The sweep's clock is set ahead instead of waiting for the TTL: an image
 * counts as old by the last-modified time the server lists for it, as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class S3ImageSweepTest {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Clock DAYS_LATER = Clock.offset(Clock.systemUTC(), TTL.multipliedBy(3));
    private static final ModelRef MODEL = new ModelRef("face-api", "1.7.15");
    private static final Pattern DELETED = Pattern.compile("deleted \\d+ stored images older than IMAGE_TTL");

    private static S3ProxyServer s3;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Test
    void fallsBackToSweepingWhenTheServerRefusesTheRuleAndDeletesOnlyImagesOlderThanTheTtl(CapturedOutput output) {
        MinioClient client = client();
        ImageExpiryProperties images = S3ImageExpiryTest.expiry("1d");
        S3ImageExpiry expiry = new S3ImageExpiry(images);
        S3BlobStore store = new S3BlobStore(client, "sweep-fallback", expiry);
        List<String> others = List.of(StorageKeys.resultKey(AnalysisKind.FACES, MODEL, sha1(1)),
                StorageKeys.jobKey("A".repeat(22)), StorageKeys.failureKey(AnalysisKind.OBJECTS, sha1(1)),
                StorageKeys.modelKey(AnalysisKind.FACES));
        others.forEach(key -> store.put(key, new byte[]{'{', '}'}));
        String oldImage = StorageKeys.imageKey(sha1(1));
        store.put(oldImage, new byte[]{1});
        Instant old = lastModified(client, "sweep-fallback", oldImage);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(old.plusSeconds(2)));
        String freshImage = StorageKeys.imageKey(sha1(2));
        store.put(freshImage, new byte[]{2});
        Instant fresh = lastModified(client, "sweep-fallback", freshImage);
        assertThat(fresh).isAfter(old);
        Clock aTtlAfterTheOldImage = Clock.fixed(fresh.minusMillis(1).plus(TTL), ZoneOffset.UTC);

        try (S3ImageSweeper sweeper = S3ImageSweeper.of(client, "sweep-fallback", store, expiry, images,
                aTtlAfterTheOldImage).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> DELETED.matcher(output.getAll()).find());
        }

        assertThat(expiry.bucketHoldsRule()).isFalse();
        assertThat(output).contains("the S3 server refused the image expiry rule (NotImplemented)",
                "sweeping stored images older than IMAGE_TTL", "deleted 1 stored images older than IMAGE_TTL");
        assertThat(store.exists(oldImage)).isFalse();
        assertThat(store.exists(freshImage)).isTrue();
        assertThat(others).allSatisfy(key -> assertThat(store.exists(key)).as(key).isTrue());
    }

    @Test
    void sweepsABucketLargerThanOneRoundInBoundedRoundsThenStartsANewPass() {
        MinioClient client = client();
        S3BlobStore store = new S3BlobStore(client, "sweep-rounds");
        IntStream.range(0, 7).forEach(i -> store.put(StorageKeys.imageKey(sha1(i)), new byte[]{(byte) i}));
        String answer = StorageKeys.resultKey(AnalysisKind.FACES, MODEL, sha1(0));
        store.put(answer, new byte[]{'{', '}'});
        S3ImageSweep sweep = new S3ImageSweep(client, "sweep-rounds", TTL, DAYS_LATER, 3, 2);

        assertThat(sweep.next()).isEqualTo(new S3ImageSweep.Round(3, 3, false));
        assertThat(sweep.next()).isEqualTo(new S3ImageSweep.Round(3, 3, false));
        assertThat(sweep.next()).isEqualTo(new S3ImageSweep.Round(1, 1, true));

        assertThat(store.keys(StorageKeys.IMAGES)).isEmpty();
        assertThat(store.exists(answer)).isTrue();
        store.put(StorageKeys.imageKey(sha1(8)), new byte[]{8});
        assertThat(sweep.next()).isEqualTo(new S3ImageSweep.Round(1, 1, true));
    }

    @Test
    void keepsEveryImageYoungerThanTheTtl() {
        MinioClient client = client();
        S3BlobStore store = new S3BlobStore(client, "sweep-young");
        IntStream.range(0, 3).forEach(i -> store.put(StorageKeys.imageKey(sha1(i)), new byte[]{(byte) i}));

        S3ImageSweep.Round round = new S3ImageSweep(client, "sweep-young", TTL, Clock.systemUTC()).next();

        assertThat(round).isEqualTo(new S3ImageSweep.Round(3, 0, true));
        assertThat(IntStream.range(0, 3)).allSatisfy(i -> assertThat(store.exists(StorageKeys.imageKey(sha1(i)))).isTrue());
    }

    @Test
    void anImageFoundStoredNearItsTtlIsWrittenAgainSoTheSweepKeepsItForTheJobThatReadsIt() {
        MinioClient client = client();
        S3BlobStore store = new S3BlobStore(client, "sweep-kept");
        String key = StorageKeys.imageKey(sha1(1));
        store.put(key, new byte[]{1});
        Instant first = lastModified(client, "sweep-kept", key);
        assertThat(store.writtenAt(key)).hasValueSatisfying(
                written -> assertThat(Duration.between(written, first).abs()).isLessThan(Duration.ofSeconds(1)));
        assertThat(store.writtenAt(StorageKeys.imageKey(sha1(2)))).isEmpty();
        assertThat(new StoredImages(store, TTL, Clock.systemUTC()).keep(sha1(1), new byte[]{2}))
                .as("a copy written just now is left as it is").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(first.plusSeconds(2)));

        Clock aMinuteBeforeItsTtl = Clock.fixed(first.plus(TTL).minusSeconds(60), ZoneOffset.UTC);
        assertThat(new StoredImages(store, TTL, aMinuteBeforeItsTtl).keep(sha1(1), new byte[]{2})).isTrue();
        S3ImageSweep.Round round = new S3ImageSweep(client, "sweep-kept", TTL,
                Clock.fixed(first.plus(TTL).plusSeconds(1), ZoneOffset.UTC)).next();

        assertThat(round.deleted()).isZero();
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2));
    }

    @Test
    void twoSweepersAtOnceDeleteEveryExpiredImageWithoutFailing() {
        MinioClient client = client();
        S3BlobStore store = new S3BlobStore(client, "sweep-twice");
        IntStream.range(0, 40).forEach(i -> store.put(StorageKeys.imageKey(sha1(i)), new byte[]{(byte) i}));

        List<CompletableFuture<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            S3ImageSweep sweep = new S3ImageSweep(client, "sweep-twice", TTL, DAYS_LATER, 10, 5);
            sweeps.add(CompletableFuture.supplyAsync(() -> wholePass(sweep)));
        }

        int deleted = sweeps.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(deleted).as("each image deleted by one sweeper, or by both").isBetween(40, 80);
        assertThat(store.keys(StorageKeys.IMAGES)).isEmpty();
    }

    /** Images a whole pass deleted (or found deleted by another sweeper). */
    private static int wholePass(S3ImageSweep sweep) {
        int deleted = 0;
        S3ImageSweep.Round round;
        do {
            round = sweep.next();
            deleted += round.deleted();
        } while (!round.passFinished());
        return deleted;
    }

    private static Instant lastModified(MinioClient client, String bucket, String key) {
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(key).build())) {
                return item.get().lastModified().toInstant();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(key + " is not listed");
    }

    private static String sha1(int n) {
        return String.format("%040x", n * 7919L + 1);
    }

    private static MinioClient client() {
        return MinioClients.create(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, "us-east-1",
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
