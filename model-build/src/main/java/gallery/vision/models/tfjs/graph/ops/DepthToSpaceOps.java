package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * {@code DepthToSpace} (NHWC, {@code block_size}): TensorFlow takes output pixel {@code (h*bs + i, w*bs + j)},
 * channel {@code c} from input channel {@code (i*bs + j)*C' + c}, which is ONNX DepthToSpace in {@code DCR} mode on
 * NCHW; runs between transposes like the convolutions.
 */
public final class DepthToSpaceOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("DepthToSpace", DepthToSpaceOps::depthToSpace);
    }

    private static void depthToSpace(TfNode n, ConversionContext ctx) {
        Windows.requireNhwc(n);
        Value x = ctx.value(n, 0);
        long bs = n.i("block_size", 0);
        if (x.rank() != 4 || bs < 2 || x.dim(3) % (bs * bs) != 0) {
            throw ConversionException.at(n, "needs NHWC input with channels divisible by block_size^2, got " + x
                    + " and block_size " + bs);
        }
        Value nchw = ctx.toNchw(x);
        long[] shape = {x.dim(0), x.dim(3) / (bs * bs), mul(x.dim(1), bs), mul(x.dim(2), bs)};
        Value y = ctx.graph().node("DepthToSpace", List.of(nchw), shape, Attrs.intValue("blocksize", bs),
                Attrs.string("mode", "DCR"));
        ctx.define(n, ctx.toNhwc(y));
    }

    private static long mul(long dim, long factor) {
        return dim == Value.DYNAMIC ? Value.DYNAMIC : dim * factor;
    }
}
