package gallery.vision.worker.djl;

import java.util.Map;

/**
 * Keeps DJL from calling home. DJL sends telemetry (and, on EC2, queries the instance metadata service) when its
 * engine first loads, unless offline mode or {@code OPT_OUT_TRACKING} is set; it also downloads native libraries and
 * model zoo indexes unless offline. {@link #ensure()} sets both switches as system properties; call it before DJL's
 * engine loads: {@link OnnxModels}, the one class that loads models, does so in its static initialiser.
 *
 * <p>DJL reads the environment variables {@code DJL_OFFLINE} and {@code OPT_OUT_TRACKING} before the system
 * properties; one set to anything but {@code true} would switch the guard off, so {@link #ensure()} refuses to start
 * then. Idempotent and thread-safe.
 */
public final class DjlPrivacy {

    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    public static final String OPT_OUT_PROPERTY = "OPT_OUT_TRACKING";
    private static final String OFFLINE_ENV = "DJL_OFFLINE";

    private DjlPrivacy() {
    }

    public static void ensure() {
        ensure(System.getenv());
    }

    static synchronized void ensure(Map<String, String> environment) {
        refuseContradiction(environment, OFFLINE_ENV);
        refuseContradiction(environment, OPT_OUT_PROPERTY);
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty(OPT_OUT_PROPERTY, "true");
    }

    private static void refuseContradiction(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value != null && !Boolean.parseBoolean(value)) {
            throw new IllegalStateException("environment variable " + name + "=" + value
                    + " would let DJL contact remote hosts; unset it or set it to true");
        }
    }
}
