package gallery.vision.models.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Provides the tarball of a pinned npm package, verified against its checked-in sha512: from the local cache
 * directory when a verified copy is there, otherwise fetched with {@code npm pack} (npm's own registry settings
 * apply) and then cached. A cached file that fails verification is fetched again; a fetched file that fails is
 * rejected. Errors name npm and the registry so a build log says what to fix.
 * <p>Not safe for concurrent builds sharing one cache directory beyond the atomic move of finished files.
 */
public final class NpmTarballCache {

    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final Path cacheDir;
    private final String npmCommand;

    /** Uses {@code npm} from the PATH. */
    public NpmTarballCache(Path cacheDir) {
        this(cacheDir, "npm");
    }

    /** Uses the given npm executable (tests point this at a stand-in). */
    public NpmTarballCache(Path cacheDir, String npmCommand) {
        this.cacheDir = cacheDir;
        this.npmCommand = npmCommand;
    }

    public Path tarball(NpmPackageSpec spec) throws IOException {
        Path cached = cacheDir.resolve(spec.tarballName());
        if (Files.isRegularFile(cached) && spec.integrity().equals(Digests.npmIntegrity(cached))) {
            return cached;
        }
        Files.createDirectories(cacheDir);
        Path work = Files.createTempDirectory(cacheDir, ".npm-pack-");
        try {
            Path fetched = npmPack(spec, work);
            String actual = Digests.npmIntegrity(fetched);
            if (!spec.integrity().equals(actual)) {
                throw new IOException("npm package " + spec.coordinate() + " does not match the checked-in integrity "
                        + spec.integrity() + " (got " + actual + "); refusing to use it");
            }
            Files.move(fetched, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } finally {
            deleteQuietly(work);
        }
    }

    private Path npmPack(NpmPackageSpec spec, Path work) throws IOException {
        List<String> cmd = List.of(npmCommand, "pack", spec.coordinate(), "--ignore-scripts", "--loglevel=error",
                "--pack-destination", work.toString());
        Path log = work.resolve("npm.log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run npm (needed to fetch " + spec.coordinate()
                    + " from the npm registry): is npm installed and on the PATH? " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("npm pack " + spec.coordinate() + " timed out after " + NPM_TIMEOUT_MINUTES
                        + " min: is the npm registry reachable?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while fetching " + spec.coordinate(), e);
        }
        Path tgz = work.resolve(spec.tarballName());
        if (p.exitValue() != 0 || !Files.isRegularFile(tgz)) {
            throw new IOException("npm pack " + spec.coordinate() + " failed (exit " + p.exitValue()
                    + "): is the npm registry reachable? npm said: " + tail(log));
        }
        return tgz;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory in the cache is harmless
        }
    }
}
