// End-to-end reference from the JPEG bytes, as the original server runs it: jpeg-js 0.4.4 decode (its readJpeg:
// decode(bytes, {useTArray: true}), alpha dropped) -> tf.tensor3d(rgb, [h, w, 3]).toFloat().expandDims(0) ->
// face-api 1.7.15 with the seed's options -> the seed's answer mapping. Writes one fixture per photo.
// Usage: node jpeg-e2e.js --out <dir> [--backend cpu|wasm] <name=path.jpg> ...
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const jpeg = require('jpeg-js');
const { tf, init, seedPipeline, seedFace } = require('./reference');

/** The original server's readJpeg (home-gallery packages/api-server/src/utils/read-jpeg.js), restated. */
function readJpeg(bytes) {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true });
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < rgb.length; i += 3, o += 4) {
    rgb[i] = data[o];
    rgb[i + 1] = data[o + 1];
    rgb[i + 2] = data[o + 2];
  }
  return { width, height, rgb };
}

async function main() {
  const args = process.argv.slice(2);
  let out = null;
  let backend = 'cpu';
  const photos = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i] === '--backend') backend = args[++i];
    else photos.push(args[i]);
  }
  if (!out || photos.length === 0) {
    console.error('usage: node jpeg-e2e.js --out <dir> [--backend cpu|wasm] <name=path.jpg> ...');
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  const reference = await init(backend);
  for (const spec of photos) {
    const [name, file] = spec.split('=');
    const bytes = fs.readFileSync(file);
    const { width, height, rgb } = readJpeg(bytes);
    const tensor = tf.tidy(() => tf.tensor3d(rgb, [height, width, 3]).toFloat().expandDims(0));
    const started = Date.now();
    const faces = (await seedPipeline(tensor)).map(seedFace);
    tensor.dispose();
    const fixture = {
      image: name,
      file: path.basename(file),
      jpegSha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      width,
      height,
      rgbSha256: crypto.createHash('sha256').update(rgb).digest('hex'),
      reference: { ...reference, jpegJs: require('jpeg-js/package.json').version },
      faces,
    };
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(fixture) + '\n');
    console.log(`${name}: ${width}x${height}, ${faces.length} faces, ${Date.now() - started} ms`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
