// Validates the reference set-up against the seed: decodes sample-2.jpg with jpeg-js exactly as the seed's API
// server does (read-jpeg.js: jpeg.decode(..., { useTArray: true }), alpha dropped), runs the seed's pipeline and
// prints the first face next to the values the original server answered (../shared/fixtures/seed/EXPECTED.md).
// Also reports how far our decoder's pixels (RgbDump.java output) are from jpeg-js's.
//
// With --out <fixtureDir> it also writes seed-decoder/sample-2.json: the answer on jpeg-js's pixels, i.e. what the
// original server answers for the file (informational: our decoder's pixels differ, see README.md).
//
// usage: node validate-seed.js <seedDir> [<rgbDir>] [--backend cpu|wasm] [--out <fixtureDir>]
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const crypto = require('crypto');
const ref = require('./reference');
const { format } = require('./json');

// The original server's first face of sample-2.jpg (seed README / EXPECTED.md).
const ORIGINAL = {
  box: { x: 99.93320540934802, y: 53.161558397351016, width: 24.010922688245774, height: 21.71620030403137 },
  score: 0.9825689196586609,
  gender: 'male',
  genderProbability: 0.9902002215385437,
  age: 40.70022201538086,
  expressions: {
    neutral: 0.7269296646118164,
    happy: 2.890040195779875e-05,
    sad: 2.4574979761382565e-05,
    angry: 0.27233782410621643,
    fearful: 5.979609909445571e-07,
    disgusted: 0.0006730938912369311,
    surprised: 5.291645265970146e-06,
  },
  genders: ['male', 'male', 'male', 'male', 'male', 'female'],
};

function seedDecode(file) {
  const { width, height, data } = jpeg.decode(fs.readFileSync(file), { useTArray: true });
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < rgb.length; i += 3, o += 4) {
    rgb[i] = data[o];
    rgb[i + 1] = data[o + 1];
    rgb[i + 2] = data[o + 2];
  }
  return { width, height, rgb };
}

function compare(label, face) {
  const b = face.alignedRect.box;
  const rows = [
    ['box.x', b.x, ORIGINAL.box.x],
    ['box.y', b.y, ORIGINAL.box.y],
    ['box.width', b.width, ORIGINAL.box.width],
    ['box.height', b.height, ORIGINAL.box.height],
    ['score', face.alignedRect.score, ORIGINAL.score],
    ['genderProbability', face.genderProbability, ORIGINAL.genderProbability],
    ['age', face.age, ORIGINAL.age],
    ...Object.keys(ORIGINAL.expressions).map((k) => [`expressions.${k}`, face.expressions[k], ORIGINAL.expressions[k]]),
  ];
  console.log(`\n${label}: first face, gender ${face.gender} (original ${ORIGINAL.gender})`);
  for (const [name, ours, theirs] of rows) {
    console.log(`  ${name.padEnd(22)} ${ours.toPrecision(8).padStart(16)} original ${theirs.toPrecision(8).padStart(16)}  diff ${(ours - theirs).toExponential(2)}`);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const backendAt = argv.indexOf('--backend');
  const backend = backendAt >= 0 ? argv.splice(backendAt, 2)[1] : 'cpu';
  const outAt = argv.indexOf('--out');
  const outDir = outAt >= 0 ? argv.splice(outAt, 2)[1] : null;
  const [seedDir, rgbDir] = argv;
  const versions = await ref.init(backend);
  console.log(`face-api ${versions.faceApi}, tfjs ${versions.tfjs}, backend ${versions.backend}`);
  const decoded = seedDecode(path.join(seedDir, 'sample-2.jpg'));
  const tensor = ref.tf.tidy(() => ref.tf.tensor3d(decoded.rgb, [decoded.height, decoded.width, 3]).toFloat().expandDims(0));
  const result = await ref.seedPipeline(tensor);
  const faces = result.map(ref.seedFace);
  tensor.dispose();
  if (outDir) writeSeedDecoderFixture(outDir, decoded, versions, result, faces);
  console.log(`jpeg-js pixels: ${faces.length} faces, genders ${faces.map((f) => f.gender).join(', ')} (original ${ORIGINAL.genders.join(', ')})`);
  compare('jpeg-js pixels (the seed\'s decoder)', faces[0]);
  if (rgbDir) {
    const ours = new Uint8Array(fs.readFileSync(path.join(rgbDir, 'sample-2.rgb')));
    let max = 0;
    let sum = 0;
    for (let i = 0; i < ours.length; i++) {
      const d = Math.abs(ours[i] - decoded.rgb[i]);
      max = Math.max(max, d);
      sum += d;
    }
    console.log(`\nour JpegDecoder vs jpeg-js on sample-2.jpg: max abs pixel diff ${max}, mean ${(sum / ours.length).toFixed(3)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

function writeSeedDecoderFixture(outDir, decoded, versions, result, faces) {
  const dir = path.join(outDir, 'seed-decoder');
  fs.mkdirSync(dir, { recursive: true });
  const fixture = {
    image: 'sample-2',
    note: 'Informational, not a parity target: the seed pipeline on the pixels of the SEED\'s decoder (jpeg-js 0.4.4, '
      + 'as its read-jpeg.js calls it), i.e. what the original server answers for sample-2.jpg. Our JpegDecoder gives '
      + 'different pixels (see tools/faceapi-reference/README.md), so e2e/sample-2.json is the parity target.',
    source: { file: 'sample-2.jpg', from: '../shared/fixtures/seed (never copied into the repo)', decoder: 'jpeg-js 0.4.4' },
    width: decoded.width,
    height: decoded.height,
    rgbSha1: crypto.createHash('sha1').update(decoded.rgb).digest('hex'),
    reference: versions,
    faces,
    detections: result.map((face) => ({
      box: { x: face.detection.box.x, y: face.detection.box.y, width: face.detection.box.width, height: face.detection.box.height },
      score: face.detection.score,
    })),
  };
  fs.writeFileSync(path.join(dir, 'sample-2.json'), `${format(fixture)}\n`);
}
