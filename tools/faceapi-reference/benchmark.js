// Reference speed of the seed's pipeline on tfjs: the whole call (tensor from RGB bytes as the seed builds it,
// detectAllFaces ... withAgeAndGender, the seed's answer mapping), per image, after warm-up runs.
// JPEG decoding is not included (the pixels come from RgbDump.java).
//
// usage: node benchmark.js --rgb <dir> [--backend wasm|cpu] [--names sample-2,sample1] [--warmup 3] [--runs 20]
const fs = require('fs');
const ref = require('./reference');

function args() {
  const out = { backend: 'wasm', names: 'sample-2,sample1', warmup: '3', runs: '20' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!out.rgb) throw new Error('missing --rgb');
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function once(entry, rgb) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const tensor = ref.tf.tidy(() => ref.tf.tensor3d(rgb, [entry.height, entry.width, 3]).toFloat().expandDims(0));
  const faces = (await ref.seedPipeline(tensor)).map(ref.seedFace);
  tensor.dispose();
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, faces: faces.length };
}

async function main() {
  const opts = args();
  const versions = await ref.init(opts.backend);
  const index = ref.readIndex(opts.rgb);
  const env = ref.tf.env();
  const wasmInfo = versions.backend === 'wasm'
    ? ` (simd ${await env.getAsync('WASM_HAS_SIMD_SUPPORT')}, multithread ${await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}, threads ${require('@tensorflow/tfjs-backend-wasm').getThreadsCount()})`
    : '';
  console.log(`face-api ${versions.faceApi}, tfjs ${versions.tfjs}, backend ${versions.backend}${wasmInfo}, warm-up ${opts.warmup}, runs ${opts.runs}`);
  for (const name of opts.names.split(',')) {
    const entry = index[name];
    const rgb = new Uint8Array(fs.readFileSync(entry.file));
    for (let i = 0; i < Number(opts.warmup); i++) await once(entry, rgb);
    const times = [];
    const cpuTimes = [];
    let faces = 0;
    for (let i = 0; i < Number(opts.runs); i++) {
      const run = await once(entry, rgb);
      times.push(run.ms);
      cpuTimes.push(run.cpuMs);
      faces = run.faces;
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    console.log(`${name} ${entry.width}x${entry.height}, ${faces} faces: p50 ${percentile(times, 50).toFixed(0)} ms, `
      + `p90 ${percentile(times, 90).toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms; `
      + `process CPU time p50 ${percentile(cpuTimes, 50).toFixed(0)} ms (load average ${require('os').loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
