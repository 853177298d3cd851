// Decodes every .jpg of a folder with jpeg-js 0.4.4 as the original server does and writes one TSV fixture:
// per file the sha256 of the JPEG, its size, the sha256 of the RGB bytes and a few sampled pixels (to see where a
// mismatch is), or jpeg-js's error. Usage: node generate.js <corpus-dir> <fixtures.tsv> [--dump <dir>]
// (--dump also writes the decoded <name>.rgb files, for debugging).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { readJpeg } = require('./read-jpeg');

const [corpus, out] = process.argv.slice(2);
const dumpAt = process.argv.indexOf('--dump');
const dump = dumpAt > 0 ? process.argv[dumpAt + 1] : null;
if (!corpus || !out) {
  console.error('usage: node generate.js <corpus-dir> <fixtures.tsv> [--dump <dir>]');
  process.exit(2);
}
if (dump) fs.mkdirSync(dump, { recursive: true });

const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.jpg')).sort();
const images = [];
for (const file of files) {
  const bytes = fs.readFileSync(path.join(corpus, file));
  const name = file.replace(/\.jpg$/, '');
  const entry = { name, jpegSha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  try {
    const { width, height, rgb } = readJpeg(bytes);
    entry.width = width;
    entry.height = height;
    entry.rgbSha256 = crypto.createHash('sha256').update(rgb).digest('hex');
    // Corners, centre and a few inner points: [x, y, r, g, b].
    const points = [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1],
      [width >> 1, height >> 1], [width >> 2, height >> 3], [(3 * width) >> 2, (5 * height) >> 3]];
    entry.samples = points.map(([x, y]) => {
      const i = (y * width + x) * 3;
      return [x, y, rgb[i], rgb[i + 1], rgb[i + 2]];
    });
    if (dump) fs.writeFileSync(path.join(dump, `${name}.rgb`), rgb);
  } catch (e) {
    entry.error = String(e.message || e);
  }
  images.push(entry);
  console.log(name, entry.error ? `ERROR ${entry.error}` : `${entry.width}x${entry.height} ${entry.rgbSha256.slice(0, 12)}`);
}
const version = require('jpeg-js/package.json').version;
const lines = [
  `# jpeg-js ${version}: decode(bytes, {useTArray: true}), alpha dropped (the original server's readJpeg).`,
  '# Written by tools/jpegjs-reference/generate.js; do not edit.',
  '# name\tjpegSha256\twidth\theight\trgbSha256\tsamples (x:y:r:g:b, space separated) | name\tjpegSha256\terror\tmessage',
];
for (const e of images) {
  lines.push(e.error
    ? [e.name, e.jpegSha256, 'error', e.error].join('\t')
    : [e.name, e.jpegSha256, e.width, e.height, e.rgbSha256, e.samples.map((s) => s.join(':')).join(' ')].join('\t'));
}
fs.writeFileSync(out, lines.join('\n') + '\n');
