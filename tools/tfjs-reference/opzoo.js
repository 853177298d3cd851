// Writes a synthetic TensorFlow.js graph model that exercises every op the Java converter handles, in the
// variants whose semantics are easy to get wrong (SAME padding with stride, dilations, explicit padding, fused
// activations, resize coordinate modes, strided-slice masks, ...), then runs it on tfjs (cpu) and writes the
// fixture. Weights are small deterministic values, stored as float32, float16 and uint8-quantised.
//
// usage: node opzoo.js      (writes model-build/src/test/resources/parity/tfjs/op-zoo/{model.json,weights.bin,expected.json})
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const tf = require('@tensorflow/tfjs');
const { parityInput } = require('./inputs');
const { summarise } = require('./summary');

const OUT = path.resolve(__dirname, '../../model-build/src/test/resources/parity/tfjs/op-zoo');
const INPUT_SHAPE = [1, 8, 8, 4];
const INPUT_RANGE = [-1, 1];

const nodes = [];
const specs = [];
const chunks = [];
const outputs = [];
let seed = 12345;

function rand() { // deterministic values k/64, k in -32..32: exact in float16
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return ((seed >>> 8) % 65 - 32) / 64;
}
const enc = (s) => Buffer.from(s).toString('base64');
const A = {
  s: (v) => ({ s: enc(v) }),
  i: (v) => ({ i: String(v) }),
  f: (v) => ({ f: v }),
  b: (v) => ({ b: v }),
  ints: (v) => ({ list: { i: v.map(String) } }),
  strs: (v) => ({ list: { s: v.map(enc) } }),
  type: (v) => ({ type: v }),
};

function half(v) { // float -> IEEE half bits, for values exactly representable
  if (v === 0) return 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.floor(Math.log2(a));
  if (e < -14) return sign | Math.round(a / 2 ** -24);
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

function node(name, op, inputs, attr = {}) {
  nodes.push({ name, op, input: inputs, attr });
  return name;
}

/** A Const node and its weight; storage 'float32' | 'float16' | 'uint8' | 'int32'. */
function constant(name, shape, values, storage = 'float32') {
  const dtype = storage === 'int32' ? 'int32' : 'float32';
  const spec = { name, shape, dtype };
  if (storage === 'int32') chunks.push(Buffer.from(Int32Array.from(values).buffer));
  else if (storage === 'float32') chunks.push(Buffer.from(Float32Array.from(values).buffer));
  else if (storage === 'float16') {
    spec.quantization = { dtype: 'float16' };
    chunks.push(Buffer.from(Uint16Array.from(values.map(half)).buffer));
  } else {
    const min = Math.min(...values);
    const scale = (Math.max(...values) - min) / 255 || 1;
    spec.quantization = { dtype: 'uint8', min, scale };
    chunks.push(Buffer.from(Uint8Array.from(values.map((v) => Math.round((v - min) / scale)))));
  }
  specs.push(spec);
  node(name, 'Const', [], {
    dtype: A.type(dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT'),
    value: { tensor: { dtype: dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT', tensorShape: { dim: shape.map((d) => ({ size: String(d) })) } } },
  });
  return name;
}
const weights = (name, shape, storage) => constant(name, shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, rand), storage);
const ints = (name, values, shape = [values.length]) => constant(name, shape, values, 'int32');
const scalar = (name, v) => constant(name, [], [v]);
const out = (name) => { outputs.push(name); return name; };
const T = { T: A.type('DT_FLOAT') };
const conv = (extra) => ({ ...T, data_format: A.s('NHWC'), dilations: A.ints([1, 1, 1, 1]), ...extra });

function build() {
  const x = node('x', 'Placeholder', [], { dtype: A.type('DT_FLOAT'), shape: { shape: { dim: INPUT_SHAPE.map((d) => ({ size: String(d) })) } } });
  // convolutions
  out(node('conv_same_s2', 'Conv2D', [x, weights('w_same', [3, 3, 4, 6])], conv({ padding: A.s('SAME'), strides: A.ints([1, 2, 2, 1]) })));
  out(node('conv_same_s2_k4', 'Conv2D', [x, weights('w_k4', [4, 4, 4, 3], 'float16')], conv({ padding: A.s('SAME'), strides: A.ints([1, 2, 2, 1]) })));
  out(node('conv_dilated', 'Conv2D', [x, weights('w_dil', [3, 3, 4, 5], 'uint8')], conv({ padding: A.s('SAME'), strides: A.ints([1, 1, 1, 1]), dilations: A.ints([1, 2, 2, 1]) })));
  out(node('conv_explicit', 'Conv2D', [x, weights('w_exp', [3, 2, 4, 3])], conv({ padding: A.s('EXPLICIT'), explicit_paddings: A.ints([0, 0, 1, 2, 2, 1, 0, 0]), strides: A.ints([1, 1, 2, 1]) })));
  const fused = (name, act, extraArgs = [], attr = {}) => out(node(name, '_FusedConv2D',
    [x, weights(`${name}_w`, [3, 3, 4, 4]), weights(`${name}_b`, [4]), ...extraArgs],
    conv({ padding: A.s('VALID'), strides: A.ints([1, 1, 1, 1]), fused_ops: A.strs(['BiasAdd', ...(act ? [act] : [])]), num_args: A.i(1 + extraArgs.length), epsilon: A.f(0), ...attr })));
  fused('fused_bias', null);
  fused('fused_relu', 'Relu');
  fused('fused_relu6', 'Relu6');
  fused('fused_elu', 'Elu');
  fused('fused_sigmoid', 'Sigmoid');
  fused('fused_leaky', 'LeakyRelu', [], { leakyrelu_alpha: A.f(0.3) });
  fused('fused_prelu', 'Prelu', [weights('prelu_alpha', [4])]);
  out(node('depthwise_s2', 'DepthwiseConv2dNative', [x, weights('w_dw', [3, 3, 4, 2])], conv({ padding: A.s('SAME'), strides: A.ints([1, 2, 2, 1]) })));
  out(node('fused_depthwise_relu6', 'FusedDepthwiseConv2dNative', [x, weights('w_fdw', [3, 3, 4, 1]), weights('b_fdw', [4])],
    conv({ padding: A.s('SAME'), strides: A.ints([1, 1, 1, 1]), fused_ops: A.strs(['BiasAdd', 'Relu6']), num_args: A.i(1) })));
  const convT = (name, sizes, k, padding, storage) => out(node(name, 'Conv2DBackpropInput',
    [ints(`${name}_sizes`, sizes), weights(`${name}_w`, [k, k, sizes[3], 4], storage), x],
    conv({ padding: A.s(padding), strides: A.ints([1, 2, 2, 1]) })));
  convT('conv_transpose_same', [1, 16, 16, 3], 3, 'SAME');
  convT('conv_transpose_same_odd', [1, 15, 15, 2], 4, 'SAME', 'float16');
  convT('conv_transpose_valid', [1, 17, 17, 2], 3, 'VALID');
  // pooling
  const pool = (name, op, k, s, padding) => out(node(name, op, [x], { ...T, data_format: A.s('NHWC'), ksize: A.ints([1, k, k, 1]), strides: A.ints([1, s, s, 1]), padding: A.s(padding) }));
  pool('maxpool_same', 'MaxPool', 3, 2, 'SAME');
  pool('avgpool_same', 'AvgPool', 3, 2, 'SAME');
  pool('avgpool_valid', 'AvgPool', 2, 2, 'VALID');
  // resize
  const resize = (name, op, size, ac, hp) => out(node(name, op, [x, ints(`${name}_size`, size)], { ...T, align_corners: A.b(ac), half_pixel_centers: A.b(hp) }));
  resize('bilinear_half_pixel', 'ResizeBilinear', [13, 11], false, true);
  resize('bilinear_align_corners', 'ResizeBilinear', [5, 7], true, false);
  resize('bilinear_asymmetric', 'ResizeBilinear', [16, 12], false, false);
  resize('nearest_half_pixel', 'ResizeNearestNeighbor', [13, 11], false, true);
  resize('nearest_align_corners', 'ResizeNearestNeighbor', [5, 7], true, false);
  resize('nearest_asymmetric', 'ResizeNearestNeighbor', [16, 12], false, false);
  // reductions, squeeze, expand
  const mean = out(node('mean_hw_keep', 'Mean', [x, ints('mean_axes', [1, 2])], { ...T, keep_dims: A.b(true) }));
  out(node('squeeze_hw', 'Squeeze', [mean], { ...T, squeeze_dims: A.ints([1, 2]) }));
  out(node('sum_c', 'Sum', [x, ints('sum_axes', [3])], { ...T, keep_dims: A.b(false) }));
  out(node('max_last_keep', 'Max', [x, ints('max_axes', [-1])], { ...T, keep_dims: A.b(true) }));
  out(node('min_w', 'Min', [x, ints('min_axes', [2])], { ...T, keep_dims: A.b(false) }));
  out(node('prod_c', 'Prod', [x, ints('prod_axes', [3])], { ...T, keep_dims: A.b(false) }));
  out(node('expand_last', 'ExpandDims', [x, ints('expand_axis', [-1], [])], T));
  // dense
  const flat = node('flat', 'Reshape', [x, ints('flat_shape', [-1, 4])], T);
  out(node('matmul', 'MatMul', [flat, weights('w_mm', [4, 3])], { ...T, transpose_a: A.b(false), transpose_b: A.b(false) }));
  out(node('matmul_tb', 'MatMul', [flat, weights('w_mmt', [3, 4])], { ...T, transpose_a: A.b(false), transpose_b: A.b(true) }));
  out(node('fused_matmul_relu', '_FusedMatMul', [flat, weights('w_fmm', [4, 5]), weights('b_fmm', [5])],
    { ...T, transpose_a: A.b(false), transpose_b: A.b(false), fused_ops: A.strs(['BiasAdd', 'Relu']), num_args: A.i(1), epsilon: A.f(0) }));
  out(node('bias_add', 'BiasAdd', [x, weights('b_add', [4])], { ...T, data_format: A.s('NHWC') }));
  // activations
  for (const op of ['Relu', 'Relu6', 'Elu', 'Selu', 'Sigmoid', 'Tanh', 'Softplus', 'Softmax']) out(node(`act_${op}`, op, [x], T));
  out(node('act_LeakyRelu', 'LeakyRelu', [x], { ...T, alpha: A.f(0.15) }));
  out(node('act_Prelu', 'Prelu', [x, weights('alpha_prelu', [4])], T));
  // element-wise math
  const absx = node('absx', 'Abs', [x], T);
  const pos = node('pos', 'AddV2', [absx, scalar('half', 0.5)], T);
  const w4 = weights('w_bin', [4]);
  for (const op of ['Add', 'AddV2', 'Sub', 'Mul', 'Maximum', 'Minimum', 'SquaredDifference']) out(node(`bin_${op}`, op, [x, w4], T));
  out(node('bin_RealDiv', 'RealDiv', [x, pos], T));
  out(node('bin_Div', 'Div', [x, pos], T));
  out(node('bin_Pow', 'Pow', [pos, scalar('pow_e', 1.5)], T));
  out(node('bin_FloorDiv', 'FloorDiv', [node('x3', 'Mul', [x, scalar('three', 3)], T), pos], T));
  out(node('bin_FloorMod', 'FloorMod', ['x3', pos], T));
  out(node('add_n', 'AddN', [x, absx, pos], { ...T, N: A.i(3) }));
  for (const op of ['Square', 'Neg', 'Abs', 'Floor', 'Ceil', 'Exp']) out(node(`un_${op}`, op, [x], T));
  for (const op of ['Sqrt', 'Rsqrt', 'Log', 'Reciprocal']) out(node(`un_${op}`, op, [pos], T));
  // slicing, splitting, joining
  // tfjs 4.22 (cpu) gets shrink_axis_mask wrong when another axis has a stride other than 1 (it returns the
  // elements of a contiguous slice); the converter follows TensorFlow there, so the zoo keeps the two apart.
  out(node('strided', 'StridedSlice', [x, ints('ss_b', [0, 1, -1, 2]), ints('ss_e', [0, 7, 0, 3]), ints('ss_s', [1, 2, -1, 1])],
    { ...T, Index: A.type('DT_INT32'), begin_mask: A.i(1), end_mask: A.i(5), ellipsis_mask: A.i(0), new_axis_mask: A.i(0), shrink_axis_mask: A.i(0) }));
  out(node('strided_shrink', 'StridedSlice', [x, ints('ss3_b', [0, 1, 0, -2]), ints('ss3_e', [1, 7, 8, 3]), ints('ss3_s', [1, 1, 1, 1])],
    { ...T, Index: A.type('DT_INT32'), begin_mask: A.i(4), end_mask: A.i(4), ellipsis_mask: A.i(0), new_axis_mask: A.i(0), shrink_axis_mask: A.i(9) }));
  out(node('strided_short', 'StridedSlice', [x, ints('ss2_b', [0, 2]), ints('ss2_e', [1, -2]), ints('ss2_s', [1, 1])],
    { ...T, Index: A.type('DT_INT32'), begin_mask: A.i(0), end_mask: A.i(0), ellipsis_mask: A.i(0), new_axis_mask: A.i(0), shrink_axis_mask: A.i(0) }));
  out(node('slice', 'Slice', [x, ints('sl_b', [0, 2, 1, 0]), ints('sl_s', [1, -1, 3, 2])], { ...T, Index: A.type('DT_INT32') }));
  const split = node('split', 'Split', [ints('split_axis', [3], []), x], { ...T, num_split: A.i(2) });
  out(split); out(`${split}:1`);
  const splitv = node('splitv', 'SplitV', [x, ints('splitv_sizes', [1, -1]), ints('splitv_axis', [-1], [])], { ...T, num_split: A.i(2) });
  out(splitv); out(`${splitv}:1`);
  out(node('concat', 'ConcatV2', [x, absx, ints('concat_axis', [-1], [])], { ...T, N: A.i(2) }));
  out(node('pack', 'Pack', [x, absx], { ...T, N: A.i(2), axis: A.i(1) }));
  out(node('transpose', 'Transpose', [x, ints('perm', [0, 3, 1, 2])], T));
  out(node('pad', 'Pad', [x, ints('pads', [0, 0, 1, 2, 2, 1, 0, 0], [4, 2])], T));
  out(node('pad_v2', 'PadV2', [x, ints('pads2', [0, 0, 0, 1, 1, 0, 0, 0], [4, 2]), scalar('pad_value', 0.75)], T));
  out(node('mirror_pad', 'MirrorPad', [x, ints('pads3', [0, 0, 2, 1, 1, 2, 0, 0], [4, 2])], { ...T, mode: A.s('REFLECT') }));
  out(node('depth_to_space', 'DepthToSpace', [node('x8', 'ConcatV2', [x, absx, ints('c8_axis', [3], [])], { ...T, N: A.i(2) })],
    { ...T, block_size: A.i(2), data_format: A.s('NHWC') }));
  // shape arithmetic folded at conversion time: reshape x to [H, W * C] computed from Shape(x)
  const shape = node('shape', 'Shape', [x], { T: A.type('DT_FLOAT'), out_type: A.type('DT_INT32') });
  const h = node('shape_h', 'StridedSlice', [shape, ints('sh_b', [1]), ints('sh_e', [2]), ints('sh_s', [1])],
    { T: A.type('DT_INT32'), Index: A.type('DT_INT32'), begin_mask: A.i(0), end_mask: A.i(0), ellipsis_mask: A.i(0), new_axis_mask: A.i(0), shrink_axis_mask: A.i(1) });
  const target = node('target', 'Pack', [h, ints('minus_one', [-1], [])], { T: A.type('DT_INT32'), N: A.i(2), axis: A.i(0) });
  out(node('reshape_from_shape', 'Reshape', [node('x_id', 'Identity', [x], T), target], T));
  const size = node('size_f', 'Cast', [ints('size_i', [6, 10])], { SrcT: A.type('DT_INT32'), DstT: A.type('DT_INT32') });
  out(node('resize_cast_size', 'ResizeBilinear', [x, size], { ...T, align_corners: A.b(false), half_pixel_centers: A.b(true) }));
}

async function main() {
  build();
  fs.mkdirSync(OUT, { recursive: true });
  const data = Buffer.concat(chunks);
  const model = {
    format: 'graph-model',
    generatedBy: 'tools/tfjs-reference/opzoo.js',
    convertedBy: null,
    modelTopology: { node: nodes, library: {}, versions: {} },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  fs.writeFileSync(path.join(OUT, 'model.json'), `${JSON.stringify(model)}\n`);
  fs.writeFileSync(path.join(OUT, 'weights.bin'), data);
  await tf.setBackend('cpu');
  const graph = await tf.loadGraphModel({
    load: async () => ({ modelTopology: model.modelTopology, format: model.format, weightSpecs: specs, weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }),
  });
  const input = parityInput(INPUT_SHAPE, INPUT_RANGE[0], INPUT_RANGE[1]);
  const xs = tf.tensor(input, INPUT_SHAPE, 'float32');
  const results = graph.execute({ x: xs }, outputs);
  const expected = {
    model: 'op-zoo',
    reference: { tfjs: tf.version_core, backend: tf.getBackend() },
    input: { tensor: 'x', shape: INPUT_SHAPE, range: INPUT_RANGE, sha256: crypto.createHash('sha256').update(Buffer.from(input.buffer)).digest('hex') },
    outputs: {},
  };
  outputs.forEach((name, i) => { expected.outputs[name] = summarise(Array.from(results[i].dataSync()), results[i].shape); });
  fs.writeFileSync(path.join(OUT, 'expected.json'), `${JSON.stringify(expected)}\n`);
  console.log(`op-zoo: ${nodes.length} nodes, ${outputs.length} outputs, ${data.length} weight bytes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
