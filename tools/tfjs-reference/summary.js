// What a fixture stores per output: shape, min/max/mean over every element, and the elements at a fixed stride
// (at most SAMPLES of them), printed with 9 significant digits (round-trips float32).
const SAMPLES = 1024;

function summarise(values, shape) {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const stride = Math.max(1, Math.ceil(values.length / SAMPLES));
  const samples = [];
  for (let i = 0; i < values.length; i += stride) samples.push(Number(values[i].toPrecision(9)));
  return { shape, count: values.length, min, max, mean: sum / values.length, sampleStride: stride, samples };
}

module.exports = { summarise };
