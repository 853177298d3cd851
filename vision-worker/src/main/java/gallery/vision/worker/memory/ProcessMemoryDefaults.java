package gallery.vision.worker.memory;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Memory defaults a process applies to itself first thing in {@code main}, so that {@code java -jar} without flags
 * stays small on a large host (measured in BENCHMARKS.md, "Memory under Home Gallery's load"):
 * <ul>
 *   <li>the heap: unless {@code MaxHeapFreeRatio} was given on the command line, G1 is told to give back heap beyond
 *   30 % free ({@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=30}, both manageable at run time) and to collect
 *   once a minute when idle ({@code G1PeriodicGCInterval}), so the heap it grew under a burst shrinks again. The
 *   maximum heap itself can only be set on the command line ({@code -Xmx}, {@code -XX:MaxRAMPercentage}: the container
 *   images do).</li>
 *   <li>{@code MALLOC_ARENA_MAX} (default 2): glibc otherwise gives threads up to 8 malloc arenas per core, and ONNX
 *   Runtime (without its arena, {@code ONNX_CPU_ARENA=false}) allocates and frees its tensors from many threads.
 *   When the variable is set glibc reads it itself; when it is unset, the default is applied with
 *   {@code mallopt(M_ARENA_MAX)} (glibc only; elsewhere nothing is done).</li>
 *   <li>{@code NATIVE_TRIM_INTERVAL} (default {@code 10s}, {@code 0} = off): every interval the JVM's own
 *   {@code System.trim_native_heap} diagnostic command returns freed malloc memory to the system, which glibc
 *   otherwise keeps.</li>
 * </ul>
 * A bad value fails the start and names the variable. Thread-safe; {@link #apply} is meant to be called once.
 */
public final class ProcessMemoryDefaults {

    private static final int M_ARENA_MAX = -8;
    private static final int DEFAULT_ARENAS = 2;
    private static final Duration DEFAULT_TRIM = Duration.ofSeconds(10);

    private ProcessMemoryDefaults() {
    }

    public static void apply() {
        apply(System.getenv());
    }

    static void apply(Map<String, String> environment) {
        giveHeapBack();
        Duration trim = trimInterval(environment.get("NATIVE_TRIM_INTERVAL"));
        if (environment.get("MALLOC_ARENA_MAX") == null && Platform.isLinux() && !Platform.isAndroid()) {
            limitArenas(DEFAULT_ARENAS);
        }
        if (!trim.isZero()) {
            ScheduledExecutorService trimmer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "native-heap-trim");
                thread.setDaemon(true);
                return thread;
            });
            trimmer.scheduleWithFixedDelay(ProcessMemoryDefaults::trimNativeHeap, trim.toMillis(), trim.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    static Duration trimInterval(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TRIM;
        }
        try {
            Duration interval = value.trim().equals("0") ? Duration.ZERO
                    : org.springframework.boot.convert.DurationStyle.detectAndParse(value.trim());
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return interval;
        } catch (RuntimeException e) {
            throw new IllegalStateException("NATIVE_TRIM_INTERVAL must be a duration such as 10s, or 0 for off; got "
                    + value);
        }
    }

    private static void giveHeapBack() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot.getVMOption("MaxHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT
                    || hotspot.getVMOption("MinHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT) {
                return;
            }
            hotspot.setVMOption("MinHeapFreeRatio", "10");
            hotspot.setVMOption("MaxHeapFreeRatio", "30");
            if (hotspot.getVMOption("G1PeriodicGCInterval").getOrigin() == VMOption.Origin.DEFAULT) {
                hotspot.setVMOption("G1PeriodicGCInterval", "60000");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException notHotSpotOrG1) {
            // another JVM or collector: its own heap sizing stays
        }
    }

    private static void limitArenas(int arenas) {
        try {
            Function mallopt = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt");
            mallopt.invokeInt(new Object[] {M_ARENA_MAX, arenas});
        } catch (UnsatisfiedLinkError | RuntimeException notGlibc) {
            // no mallopt (not glibc): the system allocator's own defaults stay
        }
    }

    /** The JVM's {@code System.trim_native_heap} (JDK 17.0.9 and later); nothing on a JVM without it. */
    static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception | Error unavailable) {
            // an older JVM or another C library: nothing to trim with
        }
    }
}
