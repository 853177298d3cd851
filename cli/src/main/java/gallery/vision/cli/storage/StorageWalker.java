package gallery.vision.cli.storage;

import gallery.vision.cli.write.AtomicFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the entries of a Home Gallery storage directory ({@code ab/cd/<36 hex>-<suffix>}), in id order, and removes
 * the temporary files an interrupted run of this tool left behind. Other files (caches, foreign names) are left alone.
 * Stateless and thread-safe.
 */
public final class StorageWalker {

    private static final Pattern TWO_HEX = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern ENTRY_FILE = Pattern.compile("([0-9a-f]{36})-(.+)");

    /** The entries under {@code root}, sorted by id. */
    public List<StorageEntry> walk(Path root) throws IOException {
        List<StorageEntry> entries = new ArrayList<>();
        for (Path first : hexDirs(root)) {
            for (Path second : hexDirs(first)) {
                entries.addAll(entriesIn(second, first.getFileName().toString() + second.getFileName()));
            }
        }
        return entries;
    }

    private static List<StorageEntry> entriesIn(Path dir, String idStart) throws IOException {
        Map<String, Set<String>> suffixesByPrefix = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (AtomicFiles.isLeftover(name)) {
                    Files.deleteIfExists(file);
                    continue;
                }
                Matcher m = ENTRY_FILE.matcher(name);
                if (m.matches() && Files.isRegularFile(file)) {
                    suffixesByPrefix.computeIfAbsent(m.group(1), p -> new HashSet<>()).add(m.group(2));
                }
            }
        }
        List<StorageEntry> entries = new ArrayList<>();
        suffixesByPrefix.forEach((prefix, suffixes) ->
                entries.add(new StorageEntry(idStart + prefix, dir, prefix, suffixes)));
        return entries;
    }

    private static List<Path> hexDirs(Path parent) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                if (TWO_HEX.matcher(child.getFileName().toString()).matches() && Files.isDirectory(child)) {
                    dirs.add(child);
                }
            }
        }
        dirs.sort(null);
        return dirs;
    }
}
