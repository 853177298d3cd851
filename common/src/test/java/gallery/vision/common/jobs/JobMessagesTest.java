package gallery.vision.common.jobs;

import gallery.vision.common.AnalysisKind;
import gallery.vision.common.ApiError;
import gallery.vision.common.ApiException;
import gallery.vision.common.Sha1;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobMessagesTest {

    private static final String SHA1 = Sha1.hex(new byte[] {1, 2, 3});

    @Test
    void readsBackTheAnalysisAndSha1OfAJob() {
        Message job = JobMessages.job(AnalysisKind.OBJECTS, SHA1);

        JobMessages.Job read = JobMessages.readJob(job);

        assertThat(read.kind()).isEqualTo(AnalysisKind.OBJECTS);
        assertThat(read.sha1()).isEqualTo(SHA1);
        assertThat(read.carriesImage()).isFalse();
        assertThat(job.getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
    }

    @Test
    void aJobWithItsImageCarriesTheJpegAsAPersistentBody() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        Message job = JobMessages.jobWithImage(AnalysisKind.FACES, SHA1, jpeg);

        JobMessages.Job read = JobMessages.readJob(job);

        assertThat(read.carriesImage()).isTrue();
        assertThat(read.jpeg()).isEqualTo(jpeg);
        assertThat(read.sha1()).isEqualTo(SHA1);
        assertThat(job.getMessageProperties().getDeliveryMode()).isEqualTo(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
        assertThat(job.getMessageProperties().getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void rejectsAMessageThatNamesNoKnownAnalysis() {
        Message message = MessageBuilder.withBody(new byte[0])
                .setHeader(JobRouting.HEADER_ANALYSIS, "colours").setHeader(JobRouting.HEADER_SHA1, SHA1).build();

        assertThatThrownBy(() -> JobMessages.readJob(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAJobWithoutAValidSha1() {
        Message message = MessageBuilder.withBody(new byte[0])
                .setHeader(JobRouting.HEADER_ANALYSIS, "faces").setHeader(JobRouting.HEADER_SHA1, "../../etc/passwd").build();

        assertThatThrownBy(() -> JobMessages.readJob(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerReplyYieldsTheAnswerBytes() {
        byte[] json = "{\"data\":[]}".getBytes();

        assertThat(JobMessages.readReply(JobMessages.answer(json))).isEqualTo(json);
    }

    @Test
    void aFailureReplyRaisesTheWorkersErrorWithItsMessage() {
        Message reply = JobMessages.failure(ApiError.MODEL_NOT_INSTALLED.exception("faces"));

        assertThatThrownBy(() -> JobMessages.readReply(reply))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(ApiError.MODEL_NOT_INSTALLED);
                    assertThat(e.getMessage()).isEqualTo("model for faces is not installed");
                });
    }

    @Test
    void aFailureReplyNamingAnUnknownErrorBecomesAnInternalError() {
        Message reply = MessageBuilder.withBody(new byte[0]).setHeader(JobRouting.HEADER_ERROR, "FROM_A_NEWER_WORKER").build();

        assertThatThrownBy(() -> JobMessages.readReply(reply))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INTERNAL));
    }
}
