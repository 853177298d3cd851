// Writes the parity fixtures: end-to-end answers of the seed's face-api pipeline per image, and per-model
// outputs of each of the five networks on fixed input tensors. See README.md for how to run it.
//
// usage: node generate.js --rgb <dir written by RgbDump.java> --images images.txt --out <fixture dir>
//                         [--backend cpu|wasm] [--only e2e|models] [--names a,b,c]
const fs = require('fs');
const path = require('path');
const ref = require('./reference');
const { format } = require('./json');
const perModel = require('./per-model');
const { writeIndex } = require('./fixture-index');

function args() {
  const out = { backend: 'cpu' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['rgb', 'images', 'out']) {
    if (!out[required]) throw new Error(`missing --${required}`);
  }
  return out;
}

// End-to-end images, in the order of the fixture index.
const E2E = ['sample-2', 'sample1', 'sample2', 'sample3', 'sample4', 'sample5', 'sample6', 'no-faces', 'tiny-40x30', 'wide-1000x100'];

function describeSource(recipe) {
  const [kind, file] = recipe.source.split(':');
  const source = {
    file,
    from: kind === 'seed' ? '../shared/fixtures/seed (never copied into the repo)' : 'package/demo/ of the @vladmandic/face-api 1.7.15 npm tarball',
  };
  if (recipe.crop || recipe.scale) {
    source.crop = recipe.crop || 'whole image';
    if (recipe.scale) source.scale = recipe.scale;
    source.sampling = 'decode with JpegDecoder, then nearest neighbour: srcX = crop.x + floor((2*dstX + 1) * crop.width / (2*scale.width)), same for y';
  }
  return source;
}

async function endToEnd(opts, index, recipes, versions) {
  const names = opts.names ? opts.names.split(',') : E2E;
  const dir = path.join(opts.out, 'e2e');
  fs.mkdirSync(dir, { recursive: true });
  for (const name of names) {
    const entry = index[name];
    if (!entry) throw new Error(`no RGB dump for ${name}`);
    const tensor = ref.seedTensor(entry);
    const result = await ref.seedPipeline(tensor);
    tensor.dispose();
    const fixture = {
      image: name,
      source: describeSource(recipes[name]),
      width: entry.width,
      height: entry.height,
      rgbSha1: entry.rgbSha1,
      reference: versions,
      faces: result.map(ref.seedFace),
      detections: result.map((face) => ({
        box: { x: face.detection.box.x, y: face.detection.box.y, width: face.detection.box.width, height: face.detection.box.height },
        score: face.detection.score,
      })),
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), `${format(fixture)}\n`);
    console.log(`${name}: ${entry.width}x${entry.height}, ${result.length} faces: ${result.map((f) => `${f.gender} ${f.age.toFixed(1)} ${f.alignedRect.score.toFixed(3)}`).join('; ')}`);
  }
}

async function main() {
  const opts = args();
  const versions = await ref.init(opts.backend);
  console.log(`face-api ${versions.faceApi}, tfjs ${versions.tfjs}, backend ${versions.backend}`);
  const index = ref.readIndex(opts.rgb);
  const recipes = ref.readRecipes(opts.images);
  if (!opts.only || opts.only === 'e2e') await endToEnd(opts, index, recipes, versions);
  if (!opts.only || opts.only === 'models') await perModel.write(opts, index, recipes, versions, describeSource);
  const fixtureIndex = writeIndex(versions, E2E, perModel.MODEL_NAMES);
  fs.writeFileSync(path.join(opts.out, 'index.json'), `${format(fixtureIndex)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
