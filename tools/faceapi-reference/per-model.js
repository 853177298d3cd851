// Per-model fixtures: each of the five networks' own forward on a fixed input tensor, outputs named as in
// model-build/README.md, so each ONNX model can be tested alone (max abs diff <= 1e-3 per value).
//
// Every input is a stack of images that are already at the net's input size (images.txt, "per-model inputs").
// For such an image face-api's NetInput.toBatchTensor neither pads (square) nor resizes (same size), so the net's
// input tensor is exactly the images' RGB bytes as float32, NHWC, batch in the listed order. write() checks that.
const fs = require('fs');
const path = require('path');
const { tf, faceapi } = require('./reference');
const { format } = require('./json');

const DETECTOR_SAMPLE = { top: 100, stride: 50 };

const MODELS = [
  {
    name: 'face-detector',
    net: 'SsdMobilenetv1',
    images: ['det-512'],
    size: 512,
    centred: false,
    forward: (input) => {
      const { boxes, scores } = faceapi.nets.ssdMobilenetv1.forwardInput(input);
      return detectorOutputs(boxes[0].arraySync(), Array.from(scores[0].dataSync()), [boxes, scores]);
    },
  },
  {
    name: 'face-landmarks',
    net: 'FaceLandmark68Net',
    images: ['face1-112', 'face2-112', 'face3-112'],
    size: 112,
    centred: true,
    // runNet: the fully-connected output, before postProcess scales it to the input size and image coordinates
    forward: (input) => ({ landmarks: take(faceapi.nets.faceLandmark68Net.runNet(input)) }),
  },
  {
    name: 'face-recognition',
    net: 'FaceRecognitionNet',
    images: ['face1-150', 'face2-150', 'face3-150'],
    size: 150,
    centred: true,
    forward: (input) => ({ descriptor: take(faceapi.nets.faceRecognitionNet.forwardInput(input)) }),
  },
  {
    name: 'face-age-gender',
    net: 'AgeGenderNet',
    images: ['face1-112', 'face2-112', 'face3-112'],
    size: 112,
    centred: true,
    forward: (input) => {
      const { age, gender } = faceapi.nets.ageGenderNet.forwardInput(input);
      return { age: take(age), gender: take(gender) };
    },
  },
  {
    name: 'face-expression',
    net: 'FaceExpressionNet',
    images: ['face1-112', 'face2-112', 'face3-112'],
    size: 112,
    centred: true,
    forward: (input) => ({ expressions: take(faceapi.nets.faceExpressionNet.forwardInput(input)) }),
  },
];

function take(tensor) {
  const value = tensor.arraySync();
  tensor.dispose();
  return value;
}

/** The 100 highest-scoring anchors plus every 50th anchor, ascending by anchor index. */
function detectorOutputs(boxes, scores, tensors) {
  tf.dispose(tensors);
  const byScore = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
  const chosen = new Set(byScore.slice(0, DETECTOR_SAMPLE.top));
  for (let i = 0; i < scores.length; i += DETECTOR_SAMPLE.stride) chosen.add(i);
  const anchors = [...chosen].sort((a, b) => a - b);
  return {
    anchorCount: scores.length,
    anchors,
    scores: anchors.map((i) => scores[i]),
    boxes: anchors.map((i) => boxes[i]),
    topAnchorsByScore: byScore.slice(0, 10),
    scoreSum: scores.reduce((a, b) => a + b, 0),
  };
}

async function write(opts, index, recipes, versions, describeSource) {
  const dir = path.join(opts.out, 'models');
  fs.mkdirSync(dir, { recursive: true });
  for (const model of MODELS) {
    const entries = model.images.map((name) => index[name]);
    const pixels = entries.map((e) => tf.tensor3d(new Uint8Array(fs.readFileSync(e.file)), [e.height, e.width, 3], 'int32'));
    const input = await faceapi.toNetInput(pixels.length === 1 ? pixels[0] : pixels);
    assertBatchTensorIsPixels(input, model, pixels);
    const outputs = model.forward(input);
    tf.dispose(pixels);
    const fixture = {
      model: model.name,
      faceApiNet: model.net,
      reference: versions,
      input: {
        name: 'input',
        shape: [entries.length, model.size, model.size, 3],
        values: 'float32 NHWC: the RGB bytes of the listed images (0..255), batch in the listed order',
        images: entries.map((e) => ({ image: e.name, width: e.width, height: e.height, rgbSha1: e.rgbSha1, source: describeSource(recipes[e.name]) })),
      },
      outputs,
    };
    if (model.name === 'face-detector') {
      fixture.outputsNote = 'boxes [1,5118,4] (ymin, xmin, ymax, xmax, relative, before clipping) and scores [1,5118] are sampled: '
        + `the ${DETECTOR_SAMPLE.top} highest scores plus every ${DETECTOR_SAMPLE.stride}th anchor, listed by ascending anchor index `
        + '(anchors[i] is the index into the 5118 anchors of scores[i] and boxes[i]); scoreSum is the sum of all 5118 scores.';
    }
    fs.writeFileSync(path.join(dir, `${model.name}.json`), `${format(fixture)}\n`);
    console.log(`${model.name}: input [${fixture.input.shape}], outputs ${Object.keys(outputs).join(', ')}`);
  }
}

/** face-api's own batch tensor for this input must equal the raw pixels: no padding, no resize. */
function assertBatchTensorIsPixels(input, model, pixels) {
  const diff = tf.tidy(() => {
    const batch = input.toBatchTensor(model.size, model.centred);
    const raw = tf.stack(pixels.map((p) => tf.cast(p, 'float32')));
    return tf.max(tf.abs(tf.sub(batch, raw))).dataSync()[0];
  });
  if (diff !== 0) throw new Error(`${model.name}: toBatchTensor differs from the pixels by ${diff}`);
}

module.exports = { write, MODEL_NAMES: MODELS.map((m) => m.name) };
