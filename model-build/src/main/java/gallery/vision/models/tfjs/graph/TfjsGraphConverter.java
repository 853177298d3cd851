package gallery.vision.models.tfjs.graph;

import gallery.vision.models.onnx.GraphBuilder;
import gallery.vision.models.onnx.ModelInfo;
import gallery.vision.models.onnx.Value;
import gallery.vision.models.onnx.proto.ModelProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts a TensorFlow.js graph model to an ONNX model (float32 inputs and outputs, TensorFlow layout kept at
 * the edges: an NHWC input stays NHWC). Only the nodes between the selected inputs and outputs are converted;
 * before anything is converted, every op among them without a handler is reported at once
 * ({@link UnsupportedOpsException}). Values computable from weights alone are folded at conversion time.
 * <p>Thread-safe: each call works on its own state.
 */
public final class TfjsGraphConverter {

    private final OpRegistry registry;

    public TfjsGraphConverter(OpRegistry registry) {
        this.registry = registry;
    }

    public ModelProto convert(TfGraphModel model, ConversionSpec spec, String graphName, ModelInfo info) {
        Map<String, TfNode> byName = new LinkedHashMap<>();
        model.nodes().forEach(n -> byName.put(n.name(), n));
        List<ConversionSpec.Input> inputs = spec.inputs().isEmpty() ? placeholders(model) : spec.inputs();
        List<String> outputs = spec.outputs().isEmpty() ? sinks(model) : spec.outputs();
        Set<String> inputNodes = new HashSet<>();
        inputs.forEach(in -> inputNodes.add(ConversionContext.nodeName(in.tensor())));

        Set<String> needed = reachable(byName, outputs, inputNodes);
        requireHandlers(model.nodes().stream().filter(n -> needed.contains(n.name())).toList(), inputNodes);
        List<TfNode> order = topologicalOrder(byName, outputs, inputNodes);

        GraphBuilder g = new GraphBuilder(graphName);
        outputs.forEach(g::reserve);
        ConversionContext ctx = new ConversionContext(g, model.weights());
        for (ConversionSpec.Input in : inputs) {
            TfNode node = byName.get(ConversionContext.nodeName(in.tensor()));
            if (node == null) {
                throw new ConversionException("input tensor " + in.tensor() + ": no such node");
            }
            long[] shape = in.shape() != null ? in.shape() : declaredShape(node);
            ctx.defineTensor(in.tensor(), new TfTensor.Runtime(g.input(ConversionContext.nodeName(in.tensor()),
                    shape)));
        }
        for (TfNode node : order) {
            if (!inputNodes.contains(node.name())) {
                registry.handler(node.op()).orElseThrow().convert(node, ctx);
            }
        }
        for (String out : outputs) {
            g.output(out, ctx.value(ctx.tensor(out)));
        }
        return g.build(info);
    }

    private void requireHandlers(List<TfNode> nodes, Set<String> inputNodes) {
        Map<String, List<String>> missing = new TreeMap<>();
        for (TfNode n : nodes) {
            if (!inputNodes.contains(n.name()) && registry.handler(n.op()).isEmpty()) {
                missing.computeIfAbsent(n.op(), k -> new ArrayList<>()).add(n.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedOpsException(missing);
        }
    }

    /** Names of the nodes the outputs depend on, not looking past the inputs (cycles allowed). */
    private static Set<String> reachable(Map<String, TfNode> byName, List<String> outputs, Set<String> stopAt) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        outputs.forEach(o -> todo.push(ConversionContext.nodeName(o)));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            TfNode node = byName.get(name);
            if (node == null) {
                throw new ConversionException("tensor " + name + " is not produced by any node of the graph");
            }
            if (!seen.add(name)) {
                continue;
            }
            if (!stopAt.contains(name)) {
                node.inputs().forEach(in -> todo.push(ConversionContext.nodeName(in)));
            }
        }
        return seen;
    }

    /** The nodes the outputs depend on (not looking past the inputs), each after its inputs. */
    private static List<TfNode> topologicalOrder(Map<String, TfNode> byName, List<String> outputs,
            Set<String> stopAt) {
        List<TfNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String out : outputs) {
            Deque<String[]> stack = new ArrayDeque<>(); // {node name, "expanded" marker}
            stack.push(new String[] {ConversionContext.nodeName(out), null});
            while (!stack.isEmpty()) {
                String[] top = stack.pop();
                String name = top[0];
                if (top[1] != null) {
                    onPath.remove(name);
                    if (done.add(name)) {
                        order.add(byName.get(name));
                    }
                    continue;
                }
                if (done.contains(name)) {
                    continue;
                }
                TfNode node = byName.get(name);
                if (node == null) {
                    throw new ConversionException("tensor " + name + " is not produced by any node of the graph");
                }
                if (!onPath.add(name)) {
                    throw new ConversionException("cycle in graph at " + node + " (TensorFlow control flow is not"
                            + " supported; cut the graph before it)");
                }
                stack.push(new String[] {name, "expanded"});
                if (!stopAt.contains(name)) {
                    for (String in : node.inputs()) {
                        String dep = ConversionContext.nodeName(in);
                        if (!done.contains(dep)) {
                            stack.push(new String[] {dep, null});
                        }
                    }
                }
            }
        }
        return order;
    }

    private static List<ConversionSpec.Input> placeholders(TfGraphModel model) {
        List<ConversionSpec.Input> inputs = new ArrayList<>();
        for (TfNode n : model.nodes()) {
            if (n.op().equals("Placeholder")) {
                inputs.add(new ConversionSpec.Input(n.name(), null));
            }
        }
        return inputs;
    }

    private static List<String> sinks(TfGraphModel model) {
        Set<String> consumed = new HashSet<>();
        model.nodes().forEach(n -> n.inputs().forEach(in -> consumed.add(ConversionContext.nodeName(in))));
        Set<String> sinks = new LinkedHashSet<>();
        for (TfNode n : model.nodes()) {
            if (!consumed.contains(n.name()) && !n.op().equals("Const") && !n.op().equals("NoOp")) {
                sinks.add(n.name());
            }
        }
        return new ArrayList<>(sinks);
    }

    /** A Placeholder's {@code shape} attribute ({@code -1} and unknown rank not allowed for the latter). */
    static long[] declaredShape(TfNode node) {
        var dims = node.attr().path("shape").path("shape").path("dim");
        if (dims.isMissingNode() || node.attr().path("shape").path("shape").path("unknownRank").asBoolean(false)) {
            throw ConversionException.at(node, "input shape unknown; give it in the ConversionSpec");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long d = Long.parseLong(dims.get(i).path("size").asString("-1"));
            shape[i] = d < 0 ? Value.DYNAMIC : d;
        }
        return shape;
    }

}
