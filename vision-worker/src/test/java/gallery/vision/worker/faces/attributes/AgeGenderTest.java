package gallery.vision.worker.faces.attributes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeGenderTest {

    @Test
    void maleWhenTheMaleProbabilityExceedsOneHalf() {
        assertThat(AgeGender.of(40.5f, 0.99f)).isEqualTo(new AgeGender(40.5, "male", 0.99f));
    }

    @Test
    void femaleProbabilityIsOneMinusTheWidenedMaleProbability() {
        AgeGender result = AgeGender.of(30f, 0.3f);
        assertThat(result.gender()).isEqualTo("female");
        assertThat(result.genderProbability()).isEqualTo(0.699999988079071);
    }

    @Test
    void exactlyOneHalfIsFemale() {
        assertThat(AgeGender.of(30f, 0.5f).gender()).isEqualTo("female");
    }
}
