package gallery.vision.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds so far, from {@code /proc}: each server process's user and kernel time, this JVM's (the extractor
 * pattern's client) and this JVM's finished children's (the CLI runs). Immutable.
 *
 * @param servers  per server process name, {user, system} seconds (a process that is not running counts 0)
 * @param self     this JVM, user + system
 * @param children this JVM's waited-for children, user + system
 */
record ServerCpu(Map<String, double[]> servers, double self, double children) {

    private static final double TICKS = 100;   // USER_HZ on Linux

    static ServerCpu now(Map<String, Long> processes) throws IOException {
        Map<String, double[]> servers = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            if (process.getValue() < 0) {
                servers.put(process.getKey(), new double[]{0, 0});
            } else {
                String[] stat = stat("/proc/" + process.getValue() + "/stat");
                servers.put(process.getKey(), new double[]{ticks(stat, 13), ticks(stat, 14)});
            }
        }
        String[] self = stat("/proc/self/stat");
        return new ServerCpu(servers, ticks(self, 13) + ticks(self, 14), ticks(self, 15) + ticks(self, 16));
    }

    /** All server processes' CPU seconds, user + system. */
    double server() {
        return servers.values().stream().mapToDouble(times -> times[0] + times[1]).sum();
    }

    /** The servers' CPU since {@code before}: per process its total, split into user and kernel time. */
    String serverSplit(ServerCpu before) {
        List<String> parts = new ArrayList<>();
        servers.forEach((name, times) -> {
            double[] start = before.servers.get(name);
            double user = times[0] - start[0];
            double system = times[1] - start[1];
            parts.add(String.format("%s %.1f s: user %.1f s, system %.1f s", name, user + system, user, system));
        });
        return String.join("; ", parts);
    }

    /** The fields after the command name (which may hold spaces), numbered as in proc(5) minus one. */
    private static String[] stat(String file) throws IOException {
        String line = Files.readString(Path.of(file));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    private static double ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]) / TICKS;
    }
}
