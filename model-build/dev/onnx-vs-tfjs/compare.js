// Dev check, not part of the Maven build. Usage (after `mvn -pl model-build -am package`):
//   npm install --ignore-scripts && node compare.js [sample1.jpg,sample2.jpg,...]
// For each face-api demo photo: the detector on face-api's 512x512 batch tensor, then the four per-face nets on
// up to 3 detected face crops; ONNX (onnxruntime-node, CPU) and face-api on tfjs (cpu backend) get the very same
// input tensor. Prints the max abs difference of every output; exits 1 if any exceeds 1e-3.
// Models are read from MODEL_DIR (a model directory) or ../../target/model-files/gallery/vision/models.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const ort = require('onnxruntime-node');
const jpeg = require('jpeg-js');

const TOLERANCE = 1e-3;
const PACKAGE_DIR = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const MODEL_DIR = process.env.MODEL_DIR || path.join(__dirname, '../../target/model-files/gallery/vision/models');
const sessions = {};
let worst = 0;

function maxAbs(a, b) {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  worst = Math.max(worst, m);
  return m.toExponential(2);
}

async function onnx(name, tensor) {
  sessions[name] = sessions[name] || await ort.InferenceSession.create(path.join(MODEL_DIR, 'faces', `${name}.onnx`));
  const input = new ort.Tensor('float32', Float32Array.from(tensor.dataSync()), tensor.shape);
  return sessions[name].run({ input });
}

async function comparePhoto(photo) {
  const img = jpeg.decode(fs.readFileSync(path.join(PACKAGE_DIR, 'demo', photo)), { useTArray: true, formatAsRGBA: false });
  const image = tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  const netInput = await faceapi.toNetInput(image);
  const ref = faceapi.nets.ssdMobilenetv1.forwardInput(netInput);
  const out = await onnx('face-detector', netInput.toBatchTensor(512, false));
  console.log(`${photo} detector: boxes ${maxAbs(ref.boxes[0].dataSync(), out.boxes.data)}`
    + ` scores ${maxAbs(ref.scores[0].dataSync(), out.scores.data)}`);
  const faces = await faceapi.detectAllFaces(image, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }));
  for (const face of faces.slice(0, 3)) {
    const x = Math.max(0, Math.round(face.box.x));
    const y = Math.max(0, Math.round(face.box.y));
    const w = Math.min(img.width - x, Math.round(face.box.width));
    const h = Math.min(img.height - y, Math.round(face.box.height));
    const crop = await faceapi.toNetInput(tf.slice(image, [y, x, 0], [h, w, 3]));
    const in112 = crop.toBatchTensor(112, true);
    const landmarks = await onnx('face-landmarks', in112);
    const expressions = await onnx('face-expression', in112);
    const ageGender = await onnx('face-age-gender', in112);
    const refAgeGender = faceapi.nets.ageGenderNet.forwardInput(crop);
    const descriptor = await onnx('face-recognition', crop.toBatchTensor(150, true));
    console.log(`  face ${x},${y} ${w}x${h}:`
      + ` landmarks ${maxAbs(faceapi.nets.faceLandmark68Net.runNet(crop).dataSync(), landmarks.landmarks.data)}`
      + ` expressions ${maxAbs(faceapi.nets.faceExpressionNet.forwardInput(crop).dataSync(), expressions.expressions.data)}`
      + ` age ${maxAbs(refAgeGender.age.dataSync(), ageGender.age.data)}`
      + ` gender ${maxAbs(refAgeGender.gender.dataSync(), ageGender.gender.data)}`
      + ` descriptor ${maxAbs(faceapi.nets.faceRecognitionNet.forwardInput(crop).dataSync(), descriptor.descriptor.data)}`);
  }
}

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const weights = path.join(PACKAGE_DIR, 'model');
  for (const net of ['ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet', 'ageGenderNet', 'faceExpressionNet']) {
    await faceapi.nets[net].loadFromDisk(weights);
  }
  const photos = (process.argv[2] || 'sample1.jpg,sample2.jpg,sample3.jpg,sample4.jpg,sample5.jpg,sample6.jpg').split(',');
  for (const photo of photos) await comparePhoto(photo);
  console.log(`worst max abs diff ${worst.toExponential(2)} (tolerance ${TOLERANCE})`);
  process.exit(worst <= TOLERANCE ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
