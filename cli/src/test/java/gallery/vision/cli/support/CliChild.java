package gallery.vision.cli.support;

import gallery.vision.cli.GalleryVisionCli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the tool in a child JVM on this test's class path (so a test can kill it with SIGKILL); output discarded. */
public final class CliChild {

    private CliChild() {
    }

    /** Starts {@code gallery-vision <args>} in a new JVM. */
    public static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), GalleryVisionCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
