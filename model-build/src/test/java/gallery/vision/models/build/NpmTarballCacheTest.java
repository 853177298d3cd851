package gallery.vision.models.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmTarballCacheTest {

    private static final String NO_NPM = "/nonexistent/npm";

    @TempDir
    Path dir;

    @Test
    void reusesAVerifiedCachedTarballWithoutRunningNpm() throws Exception {
        Path cached = Files.writeString(dir.resolve("x-1.0.0.tgz"), "tarball");
        NpmPackageSpec spec = new NpmPackageSpec("x", "1.0.0", integrityOf("tarball"));

        assertThat(new NpmTarballCache(dir, NO_NPM).tarball(spec)).isEqualTo(cached);
    }

    @Test
    void namesNpmAndTheRegistryWhenNpmCannotBeRun() throws Exception {
        NpmPackageSpec spec = new NpmPackageSpec("x", "1.0.0", integrityOf("tarball"));

        assertThatThrownBy(() -> new NpmTarballCache(dir.resolve("cache"), NO_NPM).tarball(spec))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("npm")
                .hasMessageContaining("registry");
    }

    @Test
    void fetchesWithNpmPackAndCachesWhenTheCachedCopyIsCorrupt() throws Exception {
        Files.writeString(dir.resolve("x-1.0.0.tgz"), "corrupt");
        NpmPackageSpec spec = new NpmPackageSpec("x", "1.0.0", integrityOf("tarball"));

        Path tgz = new NpmTarballCache(dir, fakeNpm("printf tarball > \"$6/x-1.0.0.tgz\"")).tarball(spec);

        assertThat(tgz).hasContent("tarball");
    }

    @Test
    void rejectsAFetchedTarballThatDoesNotMatchTheCheckedInIntegrity() throws Exception {
        NpmPackageSpec spec = new NpmPackageSpec("x", "1.0.0", integrityOf("tarball"));
        Path cache = dir.resolve("cache");

        assertThatThrownBy(() -> new NpmTarballCache(cache, fakeNpm("printf evil > \"$6/x-1.0.0.tgz\"")).tarball(spec))
                .hasMessageContaining("does not match");
        assertThat(cache.resolve("x-1.0.0.tgz")).doesNotExist();
    }

    @Test
    void reportsWhatNpmSaidWhenPackFails() throws Exception {
        NpmPackageSpec spec = new NpmPackageSpec("x", "1.0.0", integrityOf("tarball"));

        assertThatThrownBy(() -> new NpmTarballCache(dir.resolve("c"), fakeNpm("echo 'npm error ENOTFOUND'; exit 1"))
                .tarball(spec))
                .hasMessageContaining("ENOTFOUND")
                .hasMessageContaining("registry");
    }

    /** A stand-in npm: args are pack, coordinate, --ignore-scripts, --loglevel=error, --pack-destination, dir. */
    private String fakeNpm(String body) throws IOException {
        Path script = dir.resolve("fake-npm.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static String integrityOf(String content) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-512").digest(content.getBytes());
        return "sha512-" + Base64.getEncoder().encodeToString(d);
    }
}
