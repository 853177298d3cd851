// Fixture index: what the Java parity tests iterate over, and the tolerances from issue 3.
const TOLERANCES = {
  endToEnd: {
    faces: 'same faces in the same order',
    boxPx: 1,
    score: 0.01,
    ageYears: 1,
    gender: 'same',
    genderProbability: 0.02,
    expression: 0.02,
    landmarkPx: 1.5,
    descriptorEuclidean: 0.05,
  },
  perModel: { maxAbsDiff: 1e-3 },
};

function writeIndex(versions, e2eNames, modelNames) {
  const index = {
    reference: versions,
    sourcePackage: {
      name: '@vladmandic/face-api',
      version: '1.7.15',
      integrity: 'sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==',
      demoPhotos: 'package/demo/sample1.jpg .. sample6.jpg',
    },
    seedImages: '../shared/fixtures/seed (sample-2.jpg; tests skip, saying so, when it is absent)',
    pixels: 'gallery.vision.common.image.JpegDecoder; rgbSha1 = sha1 of the interleaved RGB bytes',
    endToEnd: e2eNames.map((name) => `e2e/${name}.json`),
    perModel: modelNames.map((name) => `models/${name}.json`),
    tolerances: TOLERANCES,
  };
  return index;
}

module.exports = { writeIndex, TOLERANCES };
