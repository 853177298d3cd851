package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Attrs;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.onnx.proto.AttributeProto;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;

/**
 * {@code ResizeBilinear} and {@code ResizeNearestNeighbor} on NHWC input to a constant size, as one ONNX Resize
 * over the H and W axes (no transposes). TensorFlow's source coordinate rules map to
 * {@code coordinate_transformation_mode}:
 * <ul>
 *   <li>{@code align_corners}: {@code align_corners} (nearest: rounds half up, {@code round_prefer_ceil});</li>
 *   <li>{@code half_pixel_centers}: bilinear {@code half_pixel} (TF clamps negative source coordinates to 0, as
 *       ONNX Runtime does); nearest {@code tf_half_pixel_for_nn} with {@code floor};</li>
 *   <li>neither: {@code asymmetric} ({@code src = dst * in / out}; nearest {@code floor}).</li>
 * </ul>
 */
public final class ResizeOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("ResizeBilinear", (n, ctx) -> resize(n, ctx, true));
        r.add("ResizeNearestNeighbor", (n, ctx) -> resize(n, ctx, false));
    }

    private static void resize(TfNode n, ConversionContext ctx, boolean bilinear) {
        Value x = ctx.value(n, 0);
        long[] size = ctx.constant(n, 1).longs();
        if (x.rank() != 4 || size.length != 2) {
            throw ConversionException.at(n, "expects NHWC input and a [height, width] size");
        }
        boolean alignCorners = n.b("align_corners", false);
        boolean halfPixel = n.b("half_pixel_centers", false);
        if (alignCorners && halfPixel) {
            throw ConversionException.at(n, "align_corners and half_pixel_centers are exclusive");
        }
        String transform = alignCorners ? "align_corners"
                : halfPixel ? (bilinear ? "half_pixel" : "tf_half_pixel_for_nn") : "asymmetric";
        String nearestMode = alignCorners ? "round_prefer_ceil" : "floor";
        long[] out = {x.dim(0), size[0], size[1], x.dim(3)};
        var g = ctx.graph();
        Value noRoi = new Value("", new long[0]);
        List<Value> inputs;
        if (x.dim(0) == Value.DYNAMIC || x.dim(3) == Value.DYNAMIC) {
            float[] scales = {1f, (float) size[0] / x.dim(1), (float) size[1] / x.dim(2), 1f};
            inputs = List.of(x, noRoi, ctx.value(floats(scales)));
        } else {
            inputs = List.of(x, noRoi, noRoi, g.int64s("sizes", out));
        }
        AttributeProto[] attrs = bilinear
                ? new AttributeProto[] {Attrs.string("mode", "linear"),
                        Attrs.string("coordinate_transformation_mode", transform)}
                : new AttributeProto[] {Attrs.string("mode", "nearest"),
                        Attrs.string("coordinate_transformation_mode", transform),
                        Attrs.string("nearest_mode", nearestMode)};
        ctx.define(n, g.node("Resize", inputs, out, attrs));
    }

    private static Constant floats(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return new Constant(Constant.FLOAT,
                new long[] {v.length}, d);
    }
}
