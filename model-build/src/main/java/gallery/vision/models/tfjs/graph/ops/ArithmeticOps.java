package gallery.vision.models.tfjs.graph.ops;

import gallery.vision.models.onnx.Value;
import gallery.vision.models.tfjs.graph.Constant;
import gallery.vision.models.tfjs.graph.ConversionContext;
import gallery.vision.models.tfjs.graph.OpFamily;
import gallery.vision.models.tfjs.graph.OpRegistry;
import gallery.vision.models.tfjs.graph.TfNode;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise math with TensorFlow's broadcasting. Binary: {@code Add}, {@code AddV2}, {@code Sub}, {@code Mul},
 * {@code RealDiv}, {@code Div}, {@code Maximum}, {@code Minimum}, {@code Pow}, {@code SquaredDifference},
 * {@code FloorDiv}, {@code FloorMod}, {@code AddN}. Unary: {@code Square}, {@code Sqrt}, {@code Rsqrt},
 * {@code Exp}, {@code Log}, {@code Neg}, {@code Abs}, {@code Floor}, {@code Ceil}, {@code Reciprocal}. When every
 * input is a constant the result is folded at conversion time (integer ops only exist this way); otherwise ONNX
 * nodes compute it in float32.
 */
public final class ArithmeticOps implements OpFamily {

    @Override
    public void register(OpRegistry.Builder r) {
        binary(r, List.of("Add", "AddV2"), (a, b) -> a + b, (ctx, v) -> simple(ctx, "Add", v));
        binary(r, List.of("Sub"), (a, b) -> a - b, (ctx, v) -> simple(ctx, "Sub", v));
        binary(r, List.of("Mul"), (a, b) -> a * b, (ctx, v) -> simple(ctx, "Mul", v));
        binary(r, List.of("RealDiv", "Div"), (a, b) -> a / b, (ctx, v) -> simple(ctx, "Div", v));
        binary(r, List.of("Maximum"), Math::max, (ctx, v) -> simple(ctx, "Max", v));
        binary(r, List.of("Minimum"), Math::min, (ctx, v) -> simple(ctx, "Min", v));
        binary(r, List.of("Pow"), Math::pow, (ctx, v) -> simple(ctx, "Pow", v));
        binary(r, List.of("SquaredDifference"), (a, b) -> (a - b) * (a - b), (ctx, v) -> {
            Value d = simple(ctx, "Sub", v);
            return simple(ctx, "Mul", List.of(d, d));
        });
        binary(r, List.of("FloorDiv"), (a, b) -> Math.floor(a / b),
                (ctx, v) -> unaryNode(ctx, "Floor", simple(ctx, "Div", v)));
        binary(r, List.of("FloorMod"), (a, b) -> a - Math.floor(a / b) * b, (ctx, v) -> {
            Value q = unaryNode(ctx, "Floor", simple(ctx, "Div", v));
            return simple(ctx, "Sub", List.of(v.get(0), simple(ctx, "Mul", List.of(q, v.get(1)))));
        });
        r.add("AddN", ArithmeticOps::addN);

        unary(r, "Square", x -> x * x, (ctx, x) -> simple(ctx, "Mul", List.of(x, x)));
        unary(r, "Sqrt", Math::sqrt, (ctx, x) -> unaryNode(ctx, "Sqrt", x));
        unary(r, "Rsqrt", x -> 1 / Math.sqrt(x), (ctx, x) -> unaryNode(ctx, "Reciprocal", unaryNode(ctx, "Sqrt", x)));
        unary(r, "Exp", Math::exp, (ctx, x) -> unaryNode(ctx, "Exp", x));
        unary(r, "Log", Math::log, (ctx, x) -> unaryNode(ctx, "Log", x));
        unary(r, "Neg", x -> -x, (ctx, x) -> unaryNode(ctx, "Neg", x));
        unary(r, "Abs", Math::abs, (ctx, x) -> unaryNode(ctx, "Abs", x));
        unary(r, "Floor", Math::floor, (ctx, x) -> unaryNode(ctx, "Floor", x));
        unary(r, "Ceil", Math::ceil, (ctx, x) -> unaryNode(ctx, "Ceil", x));
        unary(r, "Reciprocal", x -> 1 / x, (ctx, x) -> unaryNode(ctx, "Reciprocal", x));
    }

    private static void binary(OpRegistry.Builder r, List<String> ops, DoubleBinaryOperator fold,
            BiFunction<ConversionContext, List<Value>, Value> emit) {
        r.add(ops, (n, ctx) -> {
            if (ctx.isConstant(n, 0) && ctx.isConstant(n, 1)) {
                ctx.define(n, Constant.broadcast(ctx.constant(n, 0), ctx.constant(n, 1), fold));
            } else {
                ctx.define(n, emit.apply(ctx, List.of(ctx.value(n, 0), ctx.value(n, 1))));
            }
        });
    }

    private static void unary(OpRegistry.Builder r, String op, DoubleUnaryOperator fold,
            BiFunction<ConversionContext, Value, Value> emit) {
        r.add(op, (n, ctx) -> {
            if (ctx.isConstant(n, 0)) {
                ctx.define(n, ctx.constant(n, 0).map(fold));
            } else {
                ctx.define(n, emit.apply(ctx, ctx.value(n, 0)));
            }
        });
    }

    private static void addN(TfNode n, ConversionContext ctx) {
        Value sum = ctx.value(n, 0);
        for (int i = 1; i < ctx.inputCount(n); i++) {
            sum = ctx.ops().add(sum, ctx.value(n, i));
        }
        ctx.define(n, sum);
    }

    private static Value simple(ConversionContext ctx, String onnxOp, List<Value> inputs) {
        return ctx.ops().binary(onnxOp, inputs.get(0), inputs.get(1));
    }

    private static Value unaryNode(ConversionContext ctx, String onnxOp, Value x) {
        return ctx.ops().unary(onnxOp, x);
    }

}
