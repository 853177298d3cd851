package gallery.vision.cli.plan;

/** Which answers a run (re)computes. */
public enum Mode {
    /** Only answers that are absent (the default: what Home Gallery's extractor would ask for). */
    MISSING,
    /** Absent answers and answers whose {@code model} or {@code version} differ from what the server runs now. */
    STALE,
    /** Every requested answer, present or not. */
    ALL
}
