package gallery.vision.ingress.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a job stands. {@code done}: every analysis asked for has its answer. {@code failed}: every analysis has
 * finished and at least one failed (the others' answers are still there). {@code running}: some analysis has
 * finished or is being computed; {@code queued}: none yet.
 */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
