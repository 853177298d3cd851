package gallery.vision.models.onnx;

import gallery.vision.models.onnx.proto.AttributeProto;
import gallery.vision.models.onnx.proto.GraphProto;
import gallery.vision.models.onnx.proto.ModelProto;
import gallery.vision.models.onnx.proto.NodeProto;
import gallery.vision.models.onnx.proto.OperatorSetIdProto;
import gallery.vision.models.onnx.proto.StringStringEntryProto;
import gallery.vision.models.onnx.proto.TensorProto;
import gallery.vision.models.onnx.proto.TensorShapeProto;
import gallery.vision.models.onnx.proto.TypeProto;
import gallery.vision.models.onnx.proto.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one ONNX graph (float32 values, default domain) node by node and turns it into a {@link ModelProto}.
 * Knows nothing about any particular network or source format: shapes of node outputs are supplied by the caller
 * (see {@code gallery.vision.models.tf.TfOps} for TensorFlow-style layers on top of it).
 * <p>Not thread-safe: one builder per graph, used by one thread.
 */
public final class GraphBuilder {

    /** ONNX IR version written: 8 (ONNX 1.10), read by every ONNX Runtime 1.1x/1.2x. */
    public static final long IR_VERSION = 8;
    /** Default-domain operator set the graphs are written against. */
    public static final long OPSET = 13;
    /** Name of the symbolic dimension used for {@link Value#DYNAMIC} in graph inputs/outputs. */
    public static final String DYNAMIC_DIM_NAME = "N";

    private final String graphName;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();
    private int counter;

    public GraphBuilder(String graphName) {
        this.graphName = graphName;
    }

    /** Declares a float32 graph input. */
    public Value input(String name, long... shape) {
        Value v = new Value(claim(name), shape.clone());
        graph.addInput(valueInfo(v.name(), shape));
        return v;
    }

    /** Adds a float32 constant (initializer). */
    public Value constant(String hint, FloatTensor tensor) {
        String name = claim(unique(hint));
        ByteBuffer raw = ByteBuffer.allocate(tensor.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(tensor.data());
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(longs(tensor.shape()))
                .setRawData(ByteString.copyFrom(raw.array())));
        return new Value(name, tensor.shape().clone());
    }

    public Value scalar(String hint, float value) {
        return constant(hint, FloatTensor.scalar(value));
    }

    /** Adds a 1-D int64 constant (shapes, axes, pads, indices). */
    public Value int64s(String hint, long... values) {
        return int64Tensor(hint, new long[] {values.length}, values);
    }

    /** Adds a 0-D int64 constant (e.g. a Gather index that drops the axis). */
    public Value int64Scalar(String hint, long value) {
        return int64Tensor(hint, new long[0], value);
    }

    /** Adds an int64 constant of any shape ({@code values} row-major). */
    public Value int64Tensor(String hint, long[] shape, long... values) {
        String name = claim(unique(hint));
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(longs(shape));
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return new Value(name, shape);
    }

    /** Adds a node with one output of the given shape. */
    public Value node(String opType, List<Value> inputs, long[] outputShape, AttributeProto... attributes) {
        return node(opType, inputs, List.of(outputShape), attributes).get(0);
    }

    /** Adds a node with as many outputs as shapes given. */
    public List<Value> node(String opType, List<Value> inputs, List<long[]> outputShapes, AttributeProto... attributes) {
        String nodeName = unique(opType);
        NodeProto.Builder node = NodeProto.newBuilder().setName(nodeName).setOpType(opType);
        for (Value in : inputs) {
            node.addInput(in.name());
        }
        List<Value> outputs = new ArrayList<>();
        for (int i = 0; i < outputShapes.size(); i++) {
            Value out = new Value(claim(outputShapes.size() == 1 ? nodeName : nodeName + "_" + i),
                    outputShapes.get(i).clone());
            node.addOutput(out.name());
            outputs.add(out);
        }
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return outputs;
    }

    /**
     * Keeps a name free for a later {@link #output} or {@link #input}: generated names skip it (e.g. an output named
     * after a source-graph node such as {@code Add_5}).
     */
    public void reserve(String name) {
        reserved.add(name);
    }

    /** Makes {@code value} a graph output called {@code name} (through an Identity node). */
    public void output(String name, Value value) {
        graph.addNode(NodeProto.newBuilder()
                .setName(unique("Identity"))
                .setOpType("Identity")
                .addInput(value.name())
                .addOutput(claim(name)));
        graph.addOutput(valueInfo(name, value.shape()));
    }

    public ModelProto build(ModelInfo info) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(info.producerName())
                .setProducerVersion(info.producerVersion())
                .setDocString(info.docString())
                .setGraph(graph.clone().setName(graphName));
        for (Map.Entry<String, String> e : info.metadata().entrySet()) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return model.build();
    }

    private static ValueInfoProto valueInfo(String name, long[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) {
            s.addDim(d == Value.DYNAMIC
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam(DYNAMIC_DIM_NAME)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(s)))
                .build();
    }

    private String unique(String hint) {
        String name;
        do {
            name = hint + "_" + (counter++);
        } while (names.contains(name) || reserved.contains(name));
        return name;
    }

    private String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("name used twice in graph " + graphName + ": " + name);
        }
        return name;
    }

    private static List<Long> longs(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
