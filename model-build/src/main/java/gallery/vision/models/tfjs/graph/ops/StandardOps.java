package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;

import java.util.List;

/** The op families this module ships, and the registry of all their handlers. Stateless, thread-safe. */
public final class StandardOps {

    /** The 14 families; a new family is added here. */
    public static final List<OpFamily> FAMILIES = List.of(
            new GraphOps(), new ConvolutionOps(), new PoolingOps(), new MatMulOps(), new ActivationOps(),
            new ArithmeticOps(), new ReductionOps(), new ShapeOps(), new SliceOps(), new ConcatSplitOps(),
            new PadOps(), new ResizeOps(), new DepthToSpaceOps(), new TransposedConvolutionOps());

    private StandardOps() {
    }

    /** Every handler this module ships. */
    public static OpRegistry registry() {
        return OpRegistry.of(FAMILIES);
    }
}
