package gallery.vision.common;

/**
 * The Spring profiles that choose how Gallery Vision runs. Without a profile it is embedded mode: one process, the
 * analysis core in it, answers on the local disk. {@link #DISTRIBUTED} turns an ingress or a worker into a part of
 * the distributed form: RabbitMQ for jobs, S3 for images and answers.
 */
public final class DeploymentProfiles {

    /** Distributed mode: {@code SPRING_PROFILES_ACTIVE=distributed}. */
    public static final String DISTRIBUTED = "distributed";
    /** Profile expression for beans of embedded mode (any run without {@link #DISTRIBUTED}). */
    public static final String EMBEDDED = "!" + DISTRIBUTED;

    private DeploymentProfiles() {
    }
}
