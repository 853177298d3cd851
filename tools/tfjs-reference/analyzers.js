// Reference answers of the /objects and /embeddings analyzers, computed by the original networks on tfjs 4.22 (cpu)
// from exactly the pixels the Java service decodes (written by gallery.vision.worker.parity.AnalyzerParityPixels:
// int32 BE width, height, then RGB bytes).
//
// objects (centernet-mobilenet-v3): as human 3.3 runs it (tf.image.resizeBilinear to 512, values 0..255, the graph's
//   own decoding output tower_0/detections), then coco-ssd's answer rules: tf.image.nonMaxSuppression(20 boxes,
//   IoU 0.5, score >= 0.1), bbox [x, y, w, h] in pixels of the posted image, clipped to it.
// embeddings (nsfw-mobilenet-v2-features): resizeBilinear to 224, x / 255, the graph up to its global average
//   pool, squeezed (the catalog entry's output, .../feature_vector/SpatialSqueeze, 1792 values).
//
// usage: node analyzers.js <pixels dir> <fixture dir> sample1 sample3 ...
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const tf = require('@tensorflow/tfjs');
const { ioHandler, packageDir, CATALOG } = require('./generate');

const COCO = fs.readFileSync(path.join(__dirname, '../../vision-worker/src/main/resources/gallery/vision/worker/objects/coco-classes.txt'), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim());

/** Loads a catalog model with the H and W of its image input made free (-1): tfjs enforces declared input sizes. */
async function load(catalog, name) {
  const entry = catalog.models.find((m) => m.name === name);
  const pin = catalog.packages.find((p) => p.name === entry.package);
  const files = ioHandler(packageDir(pin), entry.path);
  const freeSize = {
    load: async () => {
      const artifacts = await files.load();
      for (const node of artifacts.modelTopology.node) {
        const dims = node.op === 'Placeholder' && node.attr && node.attr.shape && node.attr.shape.shape.dim;
        if (dims && dims.length === 4) [1, 2].forEach((i) => { dims[i].size = '-1'; });
      }
      return artifacts;
    },
  };
  return { model: await tf.loadGraphModel(freeSize), source: `${pin.name}@${pin.version} ${entry.path}` };
}

function readPixels(file) {
  const buf = fs.readFileSync(file);
  const width = buf.readInt32BE(0);
  const height = buf.readInt32BE(4);
  const rgb = buf.subarray(8);
  return { width, height, sha256: crypto.createHash('sha256').update(rgb).digest('hex'), tensor: tf.tensor4d(new Float32Array(rgb), [1, height, width, 3]) };
}

function objects(detector, image) {
  const resized = tf.image.resizeBilinear(image.tensor, [512, 512]);
  const detections = detector.execute(resized, ['tower_0/detections']);
  const rows = detections.arraySync()[0];
  const clip = (v, max) => Math.max(0, Math.min(max, v));
  const boxes = rows.map((r) => [r[1] / 512, r[0] / 512, r[3] / 512, r[2] / 512]);
  const keep = tf.image.nonMaxSuppression(boxes, rows.map((r) => r[4]), 20, 0.5, 0.1).arraySync();
  tf.dispose([resized, detections]);
  return keep.map((i) => {
    const [top, left, bottom, right] = boxes[i];
    const x = clip(left, 1) * image.width;
    const y = clip(top, 1) * image.height;
    return { bbox: [x, y, clip(right, 1) * image.width - x, clip(bottom, 1) * image.height - y], class: COCO[rows[i][5]], score: rows[i][4] };
  }).filter((d) => d.bbox[2] > 0 && d.bbox[3] > 0);
}

function embedding(backbone, image, entry) {
  const input = tf.tidy(() => tf.div(tf.image.resizeBilinear(image.tensor, [224, 224]), 255));
  const pooled = backbone.execute(input, entry.outputs);
  const values = Array.from(pooled.dataSync()).map((v) => Number(v.toPrecision(9)));
  tf.dispose([input, pooled]);
  return values;
}

async function main() {
  const [pixelsDir, outDir, ...names] = process.argv.slice(2);
  await tf.setBackend('cpu');
  await tf.ready();
  const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8'));
  const detector = await load(catalog, 'centernet-mobilenet-v3');
  const embedder = catalog.models.find((m) => m.name === 'nsfw-mobilenet-v2-features');
  const backbone = await load(catalog, embedder.name);
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    const image = readPixels(path.join(pixelsDir, `${name}.rgb`));
    const fixture = {
      photo: `face-api demo/${name}.jpg`,
      pixels: { width: image.width, height: image.height, sha256: image.sha256 },
      reference: { tfjs: tf.version_core, backend: tf.getBackend() },
      objects: { model: detector.source, data: objects(detector.model, image) },
      embeddings: { model: backbone.source, data: embedding(backbone.model, image, embedder) },
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`${name}: ${fixture.objects.data.length} objects, embedding of ${fixture.embeddings.data.length}`);
    tf.dispose(image.tensor);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
