// Compares two fixture directories (e.g. the committed cpu-backend fixtures with a wasm-backend run) with the
// tolerances of issue 3, and prints the largest difference seen for each quantity.
//
// usage: node compare.js <expectedDir> <actualDir>
const fs = require('fs');
const path = require('path');
const { TOLERANCES } = require('./fixture-index');

const worst = {};
const failures = [];

function note(quantity, diff, limit, where) {
  if (!(quantity in worst) || diff > worst[quantity].diff) worst[quantity] = { diff, where };
  if (!(diff <= limit)) failures.push(`${where}: ${quantity} differs by ${diff} (limit ${limit})`);
}

const dist = (a, b) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0));

function compareFace(e, a, where) {
  const t = TOLERANCES.endToEnd;
  for (const k of ['x', 'y', 'width', 'height']) note('box', Math.abs(e.alignedRect.box[k] - a.alignedRect.box[k]), t.boxPx, where);
  note('score', Math.abs(e.alignedRect.score - a.alignedRect.score), t.score, where);
  note('age', Math.abs(e.age - a.age), t.ageYears, where);
  note('gender', e.gender === a.gender ? 0 : 1, 0, where);
  note('genderProbability', Math.abs(e.genderProbability - a.genderProbability), t.genderProbability, where);
  for (const k of Object.keys(e.expressions)) note('expression', Math.abs(e.expressions[k] - a.expressions[k]), t.expression, where);
  for (const group of Object.keys(e.landmarks)) {
    e.landmarks[group].forEach((p, i) => note('landmark', Math.hypot(p.x - a.landmarks[group][i].x, p.y - a.landmarks[group][i].y), t.landmarkPx, `${where} ${group}[${i}]`));
  }
  note('descriptor', dist(e.descriptor, a.descriptor), t.descriptorEuclidean, where);
}

function flat(value) {
  return Array.isArray(value) ? value.flatMap(flat) : [value];
}

function main() {
  const [expectedDir, actualDir] = process.argv.slice(2);
  const index = JSON.parse(fs.readFileSync(path.join(expectedDir, 'index.json'), 'utf8'));
  for (const file of index.endToEnd) {
    const e = JSON.parse(fs.readFileSync(path.join(expectedDir, file), 'utf8'));
    const a = JSON.parse(fs.readFileSync(path.join(actualDir, file), 'utf8'));
    if (e.rgbSha1 !== a.rgbSha1) failures.push(`${file}: different pixels`);
    note('faceCount', Math.abs(e.faces.length - a.faces.length), 0, file);
    e.faces.slice(0, a.faces.length).forEach((face, i) => compareFace(face, a.faces[i], `${file} face ${i}`));
  }
  for (const file of index.perModel) {
    const e = JSON.parse(fs.readFileSync(path.join(expectedDir, file), 'utf8'));
    const a = JSON.parse(fs.readFileSync(path.join(actualDir, file), 'utf8'));
    for (const output of Object.keys(e.outputs)) {
      if (['anchorCount', 'anchors', 'topAnchorsByScore', 'scoreSum'].includes(output)) continue;
      let actual = a.outputs[output];
      if (e.outputs.anchors) {
        // detector samples: match by anchor index, the sampled set may differ
        const at = new Map(a.outputs.anchors.map((anchor, i) => [anchor, i]));
        actual = e.outputs.anchors.map((anchor) => (at.has(anchor) ? a.outputs[output][at.get(anchor)] : NaN));
      }
      const ev = flat(e.outputs[output]);
      const av = flat(actual);
      ev.forEach((v, i) => note(`${e.model}.${output}`, Math.abs(v - av[i]), TOLERANCES.perModel.maxAbsDiff, file));
    }
  }
  for (const [quantity, { diff, where }] of Object.entries(worst)) console.log(`${quantity.padEnd(28)} max diff ${diff.toExponential(3)}  (${where})`);
  if (failures.length) {
    console.log(`\n${failures.length} differences beyond tolerance:\n${failures.slice(0, 20).join('\n')}`);
    process.exit(1);
  }
  console.log('\nall within tolerance');
}

main();
