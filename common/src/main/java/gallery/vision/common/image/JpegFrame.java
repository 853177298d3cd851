package gallery.vision.common.image;

import java.util.List;

/**
 * A JPEG frame as the parser builds it: its size, its components with their quantized DCT coefficients, and the
 * Adobe colour transform flag. Block counts follow jpeg-js 0.4.4: a component has {@code ceil(ceil(width / 8) * h /
 * maxH)} blocks per line that carry pixels, and enough storage for whole MCUs.
 *
 * <p>Not thread-safe: built and used by one decode call.
 */
final class JpegFrame {

    final int width;
    final int height;
    final boolean progressive;
    final List<Component> components;
    final int maxH;
    final int maxV;
    final int mcusPerLine;
    final int mcusPerColumn;

    JpegFrame(int width, int height, boolean progressive, List<Component> components) {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.components = components;
        int h = 1;
        int v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        this.maxH = h;
        this.maxV = v;
        this.mcusPerLine = ceilDiv(width, 8 * maxH);
        this.mcusPerColumn = ceilDiv(height, 8 * maxV);
        for (Component c : components) {
            c.blocksPerLine = ceilDiv(ceilDiv(width, 8) * c.h, maxH);
            c.blocksPerColumn = ceilDiv(ceilDiv(height, 8) * c.v, maxV);
            c.storedBlocksPerLine = mcusPerLine * c.h;
            c.storedBlocksPerColumn = mcusPerColumn * c.v;
        }
    }

    /** Allocates the coefficient storage; called once the frame header passed the size checks. */
    void allocate() {
        for (Component c : components) {
            c.coefficients = new short[Math.multiplyExact(c.storedBlocksPerLine * c.storedBlocksPerColumn, 64)];
        }
    }

    /**
     * The most bytes {@link JpegJsDecoder} holds for this frame: every component's coefficients (2 bytes each over
     * whole MCUs, baseline and progressive alike), its sample plane (1 byte per coefficient that carries pixels) and
     * the RGB result (3 bytes per pixel). For 4:2:0 that is 7.5 bytes per pixel, for 4:4:4 12.
     */
    long workingBytes() {
        long bytes = 3L * width * height;
        for (Component c : components) {
            bytes += 2L * 64 * c.storedBlocksPerLine * c.storedBlocksPerColumn;
            bytes += 64L * c.blocksPerLine * c.blocksPerColumn;
        }
        return bytes;
    }

    ImageSize size() {
        return new ImageSize(width, height);
    }

    Component component(int id) {
        for (Component c : components) {
            if (c.id == id) {
                return c;
            }
        }
        throw new IllegalStateException("scan refers to unknown component " + id);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One colour component of the frame. */
    static final class Component {
        final int id;
        final int h;
        final int v;
        final int quantizationTable;
        int blocksPerLine;
        int blocksPerColumn;
        int storedBlocksPerLine;
        int storedBlocksPerColumn;
        /** 64 coefficients per block in natural (row-major) order, blocks row by row over the stored area. */
        short[] coefficients;
        /** DC predictor of the current scan. */
        int prediction;
        HuffmanTable dcTable;
        HuffmanTable acTable;

        Component(int id, int h, int v, int quantizationTable) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.quantizationTable = quantizationTable;
        }

        int blockOffset(int blockRow, int blockColumn) {
            return (blockRow * storedBlocksPerLine + blockColumn) * 64;
        }
    }
}
