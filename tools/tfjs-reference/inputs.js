// The deterministic parity input: the same float32 values as ParityInputs.java, from integer arithmetic only
// (exact in both languages). For a tensor of shape [..., a, b, c] and flat index i with coordinates (.., y, x, ch)
// in the last three axes:
//   noise = mix(i) % 24, mix(u) = h ^ (h >>> 16) with h = imul(u ^ (u >>> 16), 0x45d9f3b) (unsigned 32-bit)
//   level = (3 * x + 5 * y + 40 * ch + noise) % 256            (an integer 0..255)
//   value = float32(low + level * (high - low) / 255)           (computed in double, rounded once)
function mix(u) {
  let h = Math.imul(u ^ (u >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

function parityInput(shape, low, high) {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  const c = shape[shape.length - 1];
  const b = shape[shape.length - 2];
  const a = shape[shape.length - 3];
  for (let i = 0; i < n; i++) {
    const ch = i % c;
    const x = Math.floor(i / c) % b;
    const y = Math.floor(i / (c * b)) % a;
    const level = (3 * x + 5 * y + 40 * ch + (mix(i) % 24)) % 256;
    out[i] = low + (level * (high - low)) / 255;
  }
  return out;
}

module.exports = { parityInput };
