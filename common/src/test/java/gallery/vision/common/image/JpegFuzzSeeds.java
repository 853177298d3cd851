package gallery.vision.common.image;

import gallery.vision.common.image.JpegCorpus.Kind;
import gallery.vision.common.image.JpegCorpus.Recipe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed corpus of the JPEG fuzz tests, made from code at test time (nothing large is committed): small JPEGs of
 * every coding the decoders read (all sampling factors, baseline and progressive, restart intervals, grayscale,
 * Adobe RGB, CMYK, YCCK) and damaged variants of them (truncated, wrong segment lengths, huge and zero declared
 * sizes, bad and missing Huffman and quantization tables, unsupported codings, bad scan headers), plus bodies that
 * are not JPEGs at all. The fuzzer mutates from these; in the normal build every seed is one regression input.
 *
 * <p>Sizes stay far below {@link JpegInputFuzzTest#MAX_PIXELS} except where a seed is about the limit.
 */
final class JpegFuzzSeeds {

    private static final int[] S444 = {1, 1};
    private static final int[] S422 = {2, 1};
    private static final int[] S420 = {2, 2};
    private static final int[] S440 = {1, 2};

    private JpegFuzzSeeds() {
    }

    /** Every seed by a descriptive name, in a stable order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        valid(seeds);
        byte[] baseline = encode("ycc420-37x23", 37, 23, S420, false, 0, Kind.YCBCR);
        byte[] progressive = encode("ycc420-prog-33x21", 33, 21, S420, true, 0, Kind.YCBCR);
        byte[] restarts = encode("ycc420-rst1-40x24", 40, 24, S420, false, 1, Kind.YCBCR);
        truncated(seeds, baseline, progressive);
        wrongLengths(seeds, JpegSegments.split(baseline));
        declaredSizes(seeds, JpegSegments.split(baseline));
        huffmanTables(seeds, JpegSegments.split(baseline), JpegSegments.split(progressive));
        frames(seeds, JpegSegments.split(baseline));
        scans(seeds, JpegSegments.split(baseline), JpegSegments.split(progressive), JpegSegments.split(restarts));
        notJpegs(seeds);
        return seeds;
    }

    private static void valid(Map<String, byte[]> seeds) {
        add(seeds, "ycc444-17x9", 17, 9, S444, false, 0, Kind.YCBCR);
        add(seeds, "ycc422-24x17", 24, 17, S422, false, 0, Kind.YCBCR);
        add(seeds, "ycc420-37x23", 37, 23, S420, false, 0, Kind.YCBCR);
        add(seeds, "ycc440-20x30", 20, 30, S440, false, 0, Kind.YCBCR);
        add(seeds, "ycc444-prog-16x16", 16, 16, S444, true, 0, Kind.YCBCR);
        add(seeds, "ycc422-prog-30x18", 30, 18, S422, true, 0, Kind.YCBCR);
        add(seeds, "ycc420-prog-33x21", 33, 21, S420, true, 0, Kind.YCBCR);
        add(seeds, "ycc440-prog-18x34", 18, 34, S440, true, 0, Kind.YCBCR);
        add(seeds, "ycc420-rst1-40x24", 40, 24, S420, false, 1, Kind.YCBCR);
        add(seeds, "ycc444-rst3-24x24", 24, 24, S444, false, 3, Kind.YCBCR);
        add(seeds, "ycc420-prog-rst2-35x20", 35, 20, S420, true, 2, Kind.YCBCR);
        add(seeds, "gray-21x13", 21, 13, S444, false, 0, Kind.GRAY);
        add(seeds, "gray-prog-19x19", 19, 19, S444, true, 0, Kind.GRAY);
        add(seeds, "gray-rst2-24x16", 24, 16, S444, false, 2, Kind.GRAY);
        add(seeds, "adobe-rgb-16x12", 16, 12, S444, false, 0, Kind.ADOBE_RGB);
        add(seeds, "cmyk-15x10", 15, 10, S444, false, 0, Kind.CMYK);
        add(seeds, "ycck-16x8", 16, 8, S444, false, 0, Kind.YCCK);
        seeds.put("quadrants-baseline-16x16", TestJpegs.baseline(16, 16));
        seeds.put("quadrants-progressive-16x16", TestJpegs.progressive(16, 16));
    }

    private static void truncated(Map<String, byte[]> seeds, byte[] baseline, byte[] progressive) {
        for (double fraction : new double[]{0.2, 0.5, 0.9}) {
            seeds.put("truncated-" + (int) (fraction * 100) + "pct", TestJpegs.truncated(baseline, fraction));
            seeds.put("truncated-prog-" + (int) (fraction * 100) + "pct", TestJpegs.truncated(progressive, fraction));
        }
        seeds.put("without-eoi", Arrays.copyOf(baseline, baseline.length - 2));
        seeds.put("soi-eoi", bytes(0xFF, 0xD8, 0xFF, 0xD9));
        seeds.put("soi-only", bytes(0xFF, 0xD8, 0xFF));
    }

    private static void wrongLengths(Map<String, byte[]> seeds, JpegSegments jpeg) {
        seeds.put("dqt-length-plus1", jpeg.withLengthOff(jpeg.first(0xDB), 1));
        seeds.put("dqt-length-minus1", jpeg.withLengthOff(jpeg.first(0xDB), -1));
        seeds.put("dht-length-plus3", jpeg.withLengthOff(jpeg.first(0xC4), 3));
        seeds.put("dht-length-minus5", jpeg.withLengthOff(jpeg.first(0xC4), -5));
        seeds.put("sof-length-minus2", jpeg.withLengthOff(jpeg.frameHeader(), -2));
        seeds.put("sos-length-plus1", jpeg.withLengthOff(jpeg.first(0xDA), 1));
        seeds.put("app0-length-zero", jpeg.withLengthOff(jpeg.first(0xE0), -jpeg.segments().get(jpeg.first(0xE0)).payload().length - 2));
        seeds.put("app0-length-huge", jpeg.withLengthOff(jpeg.first(0xE0), 60_000));
    }

    private static void declaredSizes(Map<String, byte[]> seeds, JpegSegments jpeg) {
        byte[] bytes = jpeg.join();
        seeds.put("declares-65535x65535", TestJpegs.withDeclaredSize(bytes, 65535, 65535));
        seeds.put("declares-one-pixel-over-limit", TestJpegs.withDeclaredSize(bytes, 257, 256));
        seeds.put("declares-256x256-with-small-data", TestJpegs.withDeclaredSize(bytes, 256, 256));
        seeds.put("declares-zero-width", TestJpegs.withDeclaredSize(bytes, 0, 23));
        seeds.put("declares-zero-height", TestJpegs.withDeclaredSize(bytes, 37, 0));
        seeds.put("declares-1x1", TestJpegs.withDeclaredSize(bytes, 1, 1));
    }

    private static void huffmanTables(Map<String, byte[]> seeds, JpegSegments baseline, JpegSegments progressive) {
        int dht = baseline.first(0xC4);
        seeds.put("dht-oversubscribed", baseline.patch(dht, 1, 3).join());
        seeds.put("dht-all-counts-zero", baseline.replace(dht, s -> s.withPayload(new byte[17])).join());
        seeds.put("dht-table-id-15", baseline.patch(dht, 0, 0x1F).join());
        seeds.put("dht-class-2", baseline.patch(dht, 0, 0x20).join());
        seeds.put("dht-values-cut", baseline.replace(dht, s -> s.withPayload(Arrays.copyOf(s.payload(), 20))).join());
        seeds.put("dht-missing", removeAll(baseline, 0xC4).join());
        seeds.put("dqt-missing", removeAll(baseline, 0xDB).join());
        seeds.put("dqt-precision-3", baseline.patch(baseline.first(0xDB), 0, 0x30).join());
        int progressiveDht = progressive.first(0xC4);
        seeds.put("prog-dht-long-codes", progressive.patch(progressiveDht, 1, 0).patch(progressiveDht, 16, 1).join());
    }

    private static void frames(Map<String, byte[]> seeds, JpegSegments jpeg) {
        int sof = jpeg.frameHeader();
        seeds.put("sof3-lossless", jpeg.replace(sof, s -> new JpegSegments.Segment(0xC3, s.payload(), s.entropyCoded())).join());
        seeds.put("sof9-arithmetic", jpeg.replace(sof, s -> new JpegSegments.Segment(0xC9, s.payload(), s.entropyCoded())).join());
        seeds.put("sof1-extended", jpeg.replace(sof, s -> new JpegSegments.Segment(0xC1, s.payload(), s.entropyCoded())).join());
        seeds.put("precision-12", jpeg.patch(sof, 0, 12).join());
        seeds.put("two-components", jpeg.patch(sof, 5, 2).join());
        seeds.put("zero-components", jpeg.patch(sof, 5, 0).join());
        seeds.put("component-id-twice", jpeg.patch(sof, 9, jpeg.segments().get(sof).payload()[6]).join());
        seeds.put("sampling-factor-zero", jpeg.patch(sof, 7, 0x00).join());
        seeds.put("sampling-factor-15x15", jpeg.patch(sof, 7, 0xFF).join());
        seeds.put("quantization-table-15", jpeg.patch(sof, 8, 15).join());
        seeds.put("two-frame-headers", jpeg.insert(sof + 1, jpeg.segments().get(sof)).join());
        seeds.put("dnl-after-frame", jpeg.insert(sof + 1, new JpegSegments.Segment(0xDC, bytes(0, 23), new byte[0])).join());
    }

    private static void scans(Map<String, byte[]> seeds, JpegSegments baseline, JpegSegments progressive,
                              JpegSegments restarts) {
        int sos = baseline.first(0xDA);
        seeds.put("scan-unknown-component", baseline.patch(sos, 1, 0x7F).join());
        seeds.put("scan-zero-components", baseline.patch(sos, 0, 0).join());
        seeds.put("scan-table-15", baseline.patch(sos, 2, 0xFF).join());
        seeds.put("scan-before-frame", baseline.remove(baseline.frameHeader()).join());
        seeds.put("scan-data-all-ones", baseline.replace(sos, s -> s.withEntropyCoded(filled(s.entropyCoded().length, 0xFF))).join());
        seeds.put("scan-data-zeros", baseline.replace(sos, s -> s.withEntropyCoded(new byte[s.entropyCoded().length])).join());
        int progressiveScan = progressive.segments().size() - 2;
        JpegSegments.Segment last = progressive.segments().get(progressiveScan);
        int lastEnd = last.payload().length - 2;
        seeds.put("prog-spectral-end-80", progressive.patch(progressiveScan, lastEnd, 80).join());
        seeds.put("prog-approximation-15", progressive.patch(progressiveScan, lastEnd + 1, 0xFF).join());
        seeds.put("prog-scans-repeated", progressive.insert(progressiveScan, last).insert(progressiveScan, last).join());
        int dri = restarts.first(0xDD);
        seeds.put("restart-interval-without-markers", restarts.replace(restarts.first(0xDA),
                s -> s.withEntropyCoded(withoutRestartMarkers(s.entropyCoded()))).join());
        seeds.put("restart-interval-zero", restarts.patch(dri, 1, 0).join());
        seeds.put("restart-interval-65535", restarts.patch(dri, 0, 0xFF).patch(dri, 1, 0xFF).join());
        seeds.put("fill-bytes-before-markers", fillBytes(baseline.join()));
        seeds.put("app1-without-ff", appWithoutFf(baseline.join()));
    }

    private static void notJpegs(Map<String, byte[]> seeds) {
        seeds.put("png", TestJpegs.png(8, 8));
        seeds.put("gif", TestJpegs.gif(8, 8));
        seeds.put("text", TestJpegs.text());
        seeds.put("soi-then-text", concat(bytes(0xFF, 0xD8), TestJpegs.text()));
    }

    private static void add(Map<String, byte[]> seeds, String name, int width, int height, int[] sampling,
                            boolean progressive, int restartInterval, Kind kind) {
        seeds.put(name, encode(name, width, height, sampling, progressive, restartInterval, kind));
    }

    private static byte[] encode(String name, int width, int height, int[] sampling, boolean progressive,
                                 int restartInterval, Kind kind) {
        return JpegCorpus.encode(new Recipe(name, width, height, 85, sampling, progressive, restartInterval, kind));
    }

    private static JpegSegments removeAll(JpegSegments jpeg, int marker) {
        JpegSegments result = jpeg;
        while (result.segments().stream().anyMatch(s -> s.marker() == marker)) {
            result = result.remove(result.first(marker));
        }
        return result;
    }

    private static byte[] withoutRestartMarkers(byte[] data) {
        byte[] out = new byte[data.length];
        int n = 0;
        for (int i = 0; i < data.length; i++) {
            if ((data[i] & 0xff) == 0xFF && i + 1 < data.length && (data[i + 1] & 0xff) >= 0xD0
                    && (data[i + 1] & 0xff) <= 0xD7) {
                i++;
            } else {
                out[n++] = data[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Extra 0xFF fill bytes before the frame header's marker, as T.81 B.1.1.2 allows. */
    private static byte[] fillBytes(byte[] jpeg) {
        JpegSegments segments = JpegSegments.split(jpeg);
        int at = segments.offsetOf(segments.frameHeader());
        return concat(Arrays.copyOf(jpeg, at), bytes(0xFF, 0xFF, 0xFF), Arrays.copyOfRange(jpeg, at, jpeg.length));
    }

    /** An APP1 segment written as 00 E1 instead of FF E1, as some phones write it, right after SOI. */
    private static byte[] appWithoutFf(byte[] jpeg) {
        return concat(Arrays.copyOf(jpeg, 2), bytes(0x00, 0xE1, 0, 6, 'E', 'x', 'i', 'f'), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
