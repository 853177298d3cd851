// Shared set-up for the reference scripts: tfjs backend, face-api models, RGB inputs, the seed's answer mapping.
// Dev tool only; not part of the Maven build.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm'); // registers the 'wasm' backend; binaries are read from its dist/ folder
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js'); // the build that shares our tfjs instance

const MODEL_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

async function init(backend) {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR);
  await faceapi.nets.ageGenderNet.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceExpressionNet.loadFromDisk(MODEL_DIR);
  return {
    faceApi: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
  };
}

/** index.tsv written by RgbDump.java: name -> { name, width, height, rgbSha1, file }. */
function readIndex(rgbDir) {
  const entries = {};
  for (const line of fs.readFileSync(path.join(rgbDir, 'index.tsv'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [name, width, height, rgbSha1] = line.split('\t');
    entries[name] = { name, width: Number(width), height: Number(height), rgbSha1, file: path.join(rgbDir, `${name}.rgb`) };
  }
  return entries;
}

/** images.txt: name -> recipe { source, crop?, scale? } as RgbDump.java reads it. */
function readRecipes(imagesFile) {
  const recipes = {};
  for (const raw of fs.readFileSync(imagesFile, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    const recipe = { source: f[1] };
    let i = 2;
    if (f[i] === 'crop') {
      recipe.crop = { x: +f[i + 1], y: +f[i + 2], width: +f[i + 3], height: +f[i + 4] };
      i += 5;
    }
    if (f[i] === 'scale') {
      recipe.scale = { width: +f[i + 1], height: +f[i + 2] };
      i += 3;
    }
    recipes[f[0]] = recipe;
  }
  return recipes;
}

/** The seed's tensor: tf.tensor3d(Uint8Array, [h, w, 3]) (dtype int32), then toFloat().expandDims(0). */
function seedTensor(entry) {
  const rgb = new Uint8Array(fs.readFileSync(entry.file));
  return tf.tidy(() => {
    const image = tf.tensor3d(rgb, [entry.height, entry.width, 3]);
    return image.toFloat().expandDims(0);
  });
}

/** Raw pixels as a [h, w, 3] int32 tensor. */
function pixelTensor(entry) {
  const rgb = new Uint8Array(fs.readFileSync(entry.file));
  return tf.tensor3d(rgb, [entry.height, entry.width, 3], 'int32');
}

const SEED_OPTIONS = () => new faceapi.SsdMobilenetv1Options({ minConfidence: 0.1, maxResults: 10 });

/** The seed's call, exactly. */
async function seedPipeline(tensor) {
  return faceapi
    .detectAllFaces(tensor, SEED_OPTIONS())
    .withFaceLandmarks()
    .withFaceExpressions()
    .withFaceDescriptors()
    .withAgeAndGender();
}

const point = (p) => ({ x: p.x, y: p.y });
const box = (b) => ({ x: b.x, y: b.y, width: b.width, height: b.height });

/** The seed API server's mapping of one face (descriptor written as a plain array of 128 numbers). */
function seedFace(face) {
  const { landmarks, expressions } = face;
  return {
    alignedRect: { box: box(face.alignedRect.box), score: face.alignedRect.score },
    gender: face.gender,
    genderProbability: face.genderProbability,
    age: face.age,
    expressions: {
      neutral: expressions.neutral,
      happy: expressions.happy,
      sad: expressions.sad,
      angry: expressions.angry,
      fearful: expressions.fearful,
      disgusted: expressions.disgusted,
      surprised: expressions.surprised,
    },
    landmarks: {
      positions: landmarks.positions.map(point),
      leftEye: landmarks.getLeftEye().map(point),
      leftEyeBrow: landmarks.getLeftEyeBrow().map(point),
      rightEye: landmarks.getRightEye().map(point),
      rightEyeBrow: landmarks.getRightEyeBrow().map(point),
      mouth: landmarks.getMouth().map(point),
      nose: landmarks.getNose().map(point),
      jawOutline: landmarks.getJawOutline().map(point),
      refPointsForAlignment: landmarks.getRefPointsForAlignment().map(point),
    },
    descriptor: Array.from(face.descriptor),
  };
}

module.exports = { tf, faceapi, init, readIndex, readRecipes, seedTensor, pixelTensor, seedPipeline, seedFace };
