// The original server's readJpeg (home-gallery packages/api-server/src/utils/read-jpeg.js), restated: jpeg-js
// decode with {useTArray: true} (RGBA output), then the alpha byte of every pixel dropped.
const jpeg = require('jpeg-js');

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

module.exports = { readJpeg };
