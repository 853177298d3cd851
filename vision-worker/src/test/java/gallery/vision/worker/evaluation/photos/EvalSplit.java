package gallery.vision.worker.evaluation.photos;

/**
 * The fixed split of the evaluation photos into a training part (where calibrations and transforms are fitted) and
 * a held-out part (where they are judged): a photo is held out when the first hex digit of its file's sha1
 * (photos.tsv) is 0 to 5, i.e. about 6 photos in 16, independent of its name, package and content. Adding photos
 * never moves an existing one to the other part.
 */
public enum EvalSplit {
    TRAINING, HELD_OUT;

    public static EvalSplit of(EvalPhoto photo) {
        return of(photo.sha1());
    }

    public static EvalSplit of(String sha1) {
        int digit = Character.digit(sha1.charAt(0), 16);
        if (digit < 0) {
            throw new IllegalArgumentException("not a sha1: " + sha1);
        }
        return digit <= 5 ? HELD_OUT : TRAINING;
    }
}
