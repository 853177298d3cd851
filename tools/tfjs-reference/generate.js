// Writes one parity fixture per model of model-build/tfjs-graph-models.json: the outputs of the real tfjs graph model
// (tf.loadGraphModel + execute, cpu backend) on the deterministic input of inputs.js.
//
// usage: node generate.js [--out <fixture dir>] [--names a,b]     (see README.md beside this file)
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const tf = require('@tensorflow/tfjs');
const { parityInput } = require('./inputs');
const { summarise } = require('./summary');

const ROOT = path.resolve(__dirname, '../..');
const CATALOG = path.join(ROOT, 'model-build/tfjs-graph-models.json');
const DEFAULT_OUT = path.join(ROOT, 'model-build/src/test/resources/parity/tfjs');

function args() {
  const out = { out: DEFAULT_OUT };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

/** The installed package must be the pinned one: version and the catalog's sha512 equal to the lockfile's. */
function packageDir(pin) {
  const dir = path.join(__dirname, 'node_modules', pin.name);
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const lock = JSON.parse(fs.readFileSync(path.join(__dirname, 'package-lock.json'), 'utf8'));
  const locked = lock.packages[`node_modules/${pin.name}`];
  if (version !== pin.version || !locked || locked.integrity !== pin.integrity) {
    throw new Error(`${pin.name}: installed ${version} / locked ${locked && locked.integrity} differs from the catalog pin ${pin.version} ${pin.integrity}`);
  }
  return dir;
}

/** An IOHandler for model.json + shards on disk, or nsfwjs' browserify bundles (require()d, they export JSON/base64). */
function ioHandler(dir, file) {
  return {
    load: async () => {
      const bundled = file.endsWith('.js');
      const json = bundled ? require(path.join(dir, file)) : JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const base = path.dirname(path.join(dir, file));
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) {
          buffers.push(bundled ? Buffer.from(require(path.join(base, `${p}.min.js`)), 'base64') : fs.readFileSync(path.join(base, p)));
        }
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

async function main() {
  const opts = args();
  await tf.setBackend('cpu');
  await tf.ready();
  const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8'));
  const names = opts.names ? opts.names.split(',') : catalog.models.map((m) => m.name);
  fs.mkdirSync(opts.out, { recursive: true });
  for (const name of names) {
    const entry = catalog.models.find((m) => m.name === name);
    if (!entry) throw new Error(`no model ${name} in the catalog`);
    const pin = catalog.packages.find((p) => p.name === entry.package);
    const model = await tf.loadGraphModel(ioHandler(packageDir(pin), entry.path));
    const feeds = {};
    const inputs = entry.inputs.map((input) => {
      const shape = input.shape.map((d) => (d < 0 ? 1 : d));
      const data = parityInput(shape, entry.inputRange[0], entry.inputRange[1]);
      feeds[input.tensor] = tf.tensor(data, shape, 'float32');
      return { tensor: input.tensor, shape, sha256: crypto.createHash('sha256').update(Buffer.from(data.buffer)).digest('hex') };
    });
    const started = Date.now();
    const results = model.execute(feeds, entry.outputs);
    const list = Array.isArray(results) ? results : [results];
    const outputs = {};
    for (let i = 0; i < entry.outputs.length; i++) {
      outputs[entry.outputs[i]] = summarise(Array.from(list[i].dataSync()), list[i].shape);
    }
    const fixture = {
      model: name,
      source: `${pin.name}@${pin.version} ${entry.path}`,
      reference: { tfjs: tf.version_core, backend: tf.getBackend() },
      input: { pattern: 'tools/tfjs-reference/inputs.js (ParityInputs.java)', range: entry.inputRange, tensors: inputs },
      outputs,
    };
    fs.writeFileSync(path.join(opts.out, `${name}.json`), `${JSON.stringify(fixture)}\n`);
    console.log(`${name}: ${Date.now() - started} ms, ${entry.outputs.map((o) => `${o} ${outputs[o].shape} [${outputs[o].min.toFixed(3)}, ${outputs[o].max.toFixed(3)}]`).join('; ')}`);
    tf.dispose([...Object.values(feeds), ...list]);
    model.dispose();
  }
}

module.exports = { ioHandler, packageDir, CATALOG, ROOT };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
