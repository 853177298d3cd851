package gallery.vision.ingress.dispatch.amqp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAnswersTest {

    private final List<String> reads = new ArrayList<>();

    private Function<String, Optional<byte[]>> bucket(int size) {
        return key -> {
            reads.add(key);
            return key.startsWith("missing") ? Optional.empty() : Optional.of(new byte[size]);
        };
    }

    @Test
    void readsAnAnswerFromTheBucketOnceAndThenFromMemory() {
        RecentAnswers recent = new RecentAnswers(1000);

        assertThat(recent.find("a", bucket(10))).isPresent();
        assertThat(recent.find("a", bucket(10))).isPresent();

        assertThat(reads).containsExactly("a");
    }

    @Test
    void neverRemembersAMissingAnswer() {
        RecentAnswers recent = new RecentAnswers(1000);

        assertThat(recent.find("missing", bucket(10))).isEmpty();
        assertThat(recent.find("missing", bucket(10))).isEmpty();

        assertThat(reads).containsExactly("missing", "missing");
    }

    @Test
    void dropsTheLeastRecentlyUsedAnswersBeyondItsBudget() {
        RecentAnswers recent = new RecentAnswers(30);
        recent.find("a", bucket(10));
        recent.find("b", bucket(10));
        recent.find("c", bucket(10));
        recent.find("a", bucket(10)); // a is now the most recent
        recent.find("d", bucket(10)); // over budget: b goes
        reads.clear();

        recent.find("a", bucket(10));
        recent.find("c", bucket(10));
        recent.find("d", bucket(10));
        recent.find("b", bucket(10));

        assertThat(reads).containsExactly("b");
    }

    @Test
    void keepsNothingWithABudgetOfZero() {
        RecentAnswers recent = new RecentAnswers(0);

        recent.find("a", bucket(10));
        recent.find("a", bucket(10));

        assertThat(reads).containsExactly("a", "a");
    }
}
