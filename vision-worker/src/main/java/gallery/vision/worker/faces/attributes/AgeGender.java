package gallery.vision.worker.faces.attributes;

/**
 * face-api's age and gender prediction for one face.
 *
 * @param age               years, the net's regression output
 * @param gender            {@code male} when the male probability exceeds 0.5, else {@code female}
 * @param genderProbability the probability of that gender
 */
public record AgeGender(double age, String gender, double genderProbability) {

    /** face-api's mapping of the net's outputs (the gender softmax is male, female). */
    public static AgeGender of(float age, float probMale) {
        boolean male = probMale > 0.5;
        return new AgeGender(age, male ? "male" : "female", male ? probMale : 1 - (double) probMale);
    }
}
