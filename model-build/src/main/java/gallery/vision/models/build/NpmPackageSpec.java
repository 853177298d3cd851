package gallery.vision.models.build;

/**
 * A pinned npm package: name, exact version and the registry's {@code dist.integrity} ({@code sha512-<base64>}).
 */
public record NpmPackageSpec(String name, String version, String integrity) {

    public NpmPackageSpec {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("integrity must be sha512-<base64>, got " + integrity);
        }
    }

    /** {@code name@version}, as npm takes it. */
    public String coordinate() {
        return name + "@" + version;
    }

    /** The file name {@code npm pack} writes: scope folded in, e.g. {@code vladmandic-face-api-1.7.15.tgz}. */
    public String tarballName() {
        return name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }
}
