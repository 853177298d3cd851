package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.ConversionException;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import gallery.vision.models.tfjs.graph.TfTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StridedSlice} (constant begin/end/strides; {@code begin_mask}, {@code end_mask}, {@code shrink_axis_mask};
 * no ellipsis or new-axis masks) and {@code Slice} (constant begin and size, {@code -1} to the end), resolved at
 * conversion time against the static input shape as TensorFlow resolves them (negative indices count from the
 * end, out-of-range indices clamp). Constants are folded; run-time tensors become ONNX Slice (+ Squeeze).
 */
public final class SliceOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        r.add("StridedSlice", SliceOps::stridedSlice);
        r.add("Slice", SliceOps::slice);
    }

    /** One axis resolved: the selected indices, and whether the axis is dropped. */
    private record AxisRange(long start, long step, long count, boolean shrink) {
        long[] indices() {
            long[] idx = new long[(int) count];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = start + k * step;
            }
            return idx;
        }
    }

    private static void stridedSlice(TfNode n, ConversionContext ctx) {
        if (n.i("ellipsis_mask", 0) != 0 || n.i("new_axis_mask", 0) != 0) {
            throw ConversionException.at(n, "ellipsis_mask and new_axis_mask are not supported");
        }
        TfTensor x = ctx.input(n, 0);
        long[] begin = ctx.constant(n, 1).longs();
        long[] end = ctx.constant(n, 2).longs();
        long[] strides = ctx.constant(n, 3).longs();
        long beginMask = n.i("begin_mask", 0), endMask = n.i("end_mask", 0), shrinkMask = n.i("shrink_axis_mask", 0);
        List<AxisRange> ranges = new ArrayList<>();
        for (int d = 0; d < x.rank(); d++) {
            boolean whole = d >= begin.length
                    || (beginMask >> d & 1) == 1 && (endMask >> d & 1) == 1 && strides[d] == 1 && (shrinkMask >> d & 1) == 0;
            if (whole) { // the whole axis, even when its size is only known at run time
                ranges.add(new AxisRange(0, 1, x.shape()[d], false));
                continue;
            }
            long dim = requireStatic(n, x, d);
            long s = strides[d];
            boolean shrink = (shrinkMask >> d & 1) == 1;
            long b = resolve(begin[d], (beginMask >> d & 1) == 1 && !shrink, s > 0 ? 0 : dim - 1, dim, s);
            if (shrink) {
                ranges.add(new AxisRange(b, 1, 1, true));
                continue;
            }
            long e = resolve(end[d], (endMask >> d & 1) == 1, s > 0 ? dim : -1, dim, s);
            long count = s > 0 ? Math.max(0, (e - b + s - 1) / s) : Math.max(0, (b - e - s - 1) / -s);
            ranges.add(new AxisRange(b, s, count, false));
        }
        emit(n, ctx, x, ranges);
    }

    private static long resolve(long index, boolean masked, long maskedValue, long dim, long stride) {
        if (masked) {
            return maskedValue;
        }
        long i = index < 0 ? index + dim : index;
        return stride > 0 ? Math.max(0, Math.min(dim, i)) : Math.max(-1, Math.min(dim - 1, i));
    }

    private static void slice(TfNode n, ConversionContext ctx) {
        TfTensor x = ctx.input(n, 0);
        long[] begin = ctx.constant(n, 1).longs();
        long[] size = ctx.constant(n, 2).longs();
        List<AxisRange> ranges = new ArrayList<>();
        for (int d = 0; d < x.rank(); d++) {
            long dim = requireStatic(n, x, d);
            ranges.add(new AxisRange(begin[d], 1, size[d] < 0 ? dim - begin[d] : size[d], false));
        }
        emit(n, ctx, x, ranges);
    }

    private static long requireStatic(TfNode n, TfTensor x, int d) {
        long dim = x.shape()[d];
        if (dim == Value.DYNAMIC) {
            throw ConversionException.at(n, "slicing needs static input dimensions; axis " + d + " is dynamic");
        }
        return dim;
    }

    private static void emit(TfNode n, ConversionContext ctx, TfTensor x, List<AxisRange> ranges) {
        List<Long> kept = new ArrayList<>();
        List<Long> squeezed = new ArrayList<>();
        long[] full = new long[ranges.size()];
        for (int d = 0; d < ranges.size(); d++) {
            full[d] = ranges.get(d).count();
            if (ranges.get(d).shrink()) {
                squeezed.add((long) d);
            } else {
                kept.add(ranges.get(d).count());
            }
        }
        long[] outShape = kept.stream().mapToLong(Long::longValue).toArray();
        if (x instanceof Constant c) {
            long[][] idx = new long[ranges.size()][];
            for (int d = 0; d < idx.length; d++) {
                idx[d] = ranges.get(d).indices();
            }
            ctx.define(n, Folding.gather(c, idx).reshape(outShape));
            return;
        }
        List<Long> axes = new ArrayList<>(), starts = new ArrayList<>(), ends = new ArrayList<>(), steps = new ArrayList<>();
        for (int d = 0; d < ranges.size(); d++) {
            AxisRange a = ranges.get(d);
            if (a.start() == 0 && a.step() == 1 && a.count() == x.shape()[d]) {
                continue;
            }
            long stop = a.start() + a.count() * a.step();
            axes.add((long) d);
            starts.add(a.start());
            ends.add(a.step() < 0 && stop < 0 ? Long.MIN_VALUE : stop);
            steps.add(a.step());
        }
        var g = ctx.graph();
        Value y = ctx.value(x);
        if (!axes.isEmpty()) {
            y = g.node("Slice", List.of(y, g.int64s("starts", longs(starts)), g.int64s("ends", longs(ends)),
                    g.int64s("axes", longs(axes)), g.int64s("steps", longs(steps))), full);
        }
        if (!squeezed.isEmpty()) {
            y = g.node("Squeeze", List.of(y, g.int64s("axes", longs(squeezed))), outShape);
        }
        ctx.define(n, y);
    }

    private static long[] longs(List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }
}
