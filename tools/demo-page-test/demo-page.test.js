// Browser test of the ingress demo page (DEMO_PAGE=true): Debian's chromium, headless, driven by playwright-core.
// Run by scripts/demo-page-test.sh, which starts the built ingress jar and passes:
//   BASE_URL      the ingress, e.g. http://127.0.0.1:41234
//   SERVICE_PID   its process id (to stop waiting at once if it dies while starting)
//   TOKEN         the access token the ingress was started with (API_TOKENS)
//   PHOTO         the photo whose faces and objects are checked; EXPECT_FACES (optional) the faces it must have
//   SECOND_PHOTO  another photo, for the similarity list
//   OUT_DIR       where the screenshots go
// The expected drawings are computed from the service's own answers for the same file (fetched here with the token),
// so the test checks the page, not the models; EXPECT_FACES pins the count for the seed's photo as well.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdtempSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const BASE_URL = env('BASE_URL').replace(/\/$/, '');
const TOKEN = env('TOKEN');
const PHOTO = env('PHOTO');
const SECOND_PHOTO = env('SECOND_PHOTO');
const OUT_DIR = env('OUT_DIR');
const EXPECT_FACES = process.env.EXPECT_FACES ? Number(process.env.EXPECT_FACES) : null;
const SERVICE_PID = process.env.SERVICE_PID ? Number(process.env.SERVICE_PID) : null;
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const STARTUP_SECONDS = Number(env('STARTUP_SECONDS', '240'));
const ANSWER_MS = 120_000;
const LANDMARKS_PER_FACE = 68;

const log = (message) => console.log(`demo-page-test: ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function awaitService() {
  const started = Date.now();
  while (Date.now() - started < STARTUP_SECONDS * 1000) {
    if (SERVICE_PID) {
      try {
        process.kill(SERVICE_PID, 0);
      } catch (gone) {
        throw new Error(`the ingress (pid ${SERVICE_PID}) ended while starting: see its log`);
      }
    }
    try {
      if ((await fetch(`${BASE_URL}/health`)).ok) return (Date.now() - started) / 1000;
    } catch (notYet) {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the ingress did not answer /health within ${STARTUP_SECONDS} s`);
}

/** The service's own answer for a body, as the page would get it with the token. */
async function answer(route, body) {
  const response = await fetch(`${BASE_URL}/${route}`, {method: 'POST', body,
    headers: {'Content-Type': 'image/jpeg', Authorization: `Bearer ${TOKEN}`}});
  return {status: response.status, body: await response.json()};
}

function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

/** Drops a file on the page the way a user's drag and drop does: a drop event carrying it in a DataTransfer. */
async function drop(page, name, type, bytes) {
  const dataTransfer = await page.evaluateHandle(({name, type, base64}) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, {type}));
    return transfer;
  }, {name, type, base64: Buffer.from(bytes).toString('base64')});
  await page.dispatchEvent('#drop', 'drop', {dataTransfer});
}

async function awaitAnswers(page) {
  await page.waitForSelector('#stage[data-state=done], #stage[data-state=error]', {state: 'attached', timeout: ANSWER_MS});
  const state = await page.getAttribute('#stage', 'data-state');
  if (state !== 'done') {
    throw new Error(`the page shows an error: ${await page.textContent('#error')}`);
  }
}

async function main() {
  mkdirSync(OUT_DIR, {recursive: true});
  log(`service up after ${(await awaitService()).toFixed(1)} s at ${BASE_URL}`);

  const photo = readFileSync(PHOTO);
  const second = readFileSync(SECOND_PHOTO);
  const notJpeg = Buffer.from('this is a note, not a photo\n');
  const [faces, objects, embeddings, secondEmbeddings, notJpegAnswer] = await Promise.all([
    answer('faces', photo), answer('objects', photo), answer('embeddings', photo), answer('embeddings', second),
    answer('faces', notJpeg)]);
  for (const [name, got] of Object.entries({faces, objects, embeddings, secondEmbeddings})) {
    assert.equal(got.status, 200, `the service's ${name} answer: ${JSON.stringify(got.body).slice(0, 200)}`);
  }
  assert.equal(notJpegAnswer.status, 400, 'the service refuses a text file with 400');
  const expectedFaces = faces.body.data.length;
  log(`${basename(PHOTO)}: the service finds ${expectedFaces} faces and ${objects.body.data.length} objects`);
  if (EXPECT_FACES !== null) assert.equal(expectedFaces, EXPECT_FACES, `faces in ${basename(PHOTO)}`);

  const profile = mkdtempSync(join(tmpdir(), 'demo-page-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1280, height: 900},
  });
  const problems = [];
  const elsewhere = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    // Nothing may leave this origin: any other request is refused and fails the test.
    const origin = new URL(BASE_URL).origin;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The browser reports the 401 and 400 answers this test provokes; anything else is a problem.
      if (message.type() === 'error' && !/Failed to load resource.*(401|400)/.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });

    // The page itself needs no token.
    const response = await page.goto(`${BASE_URL}/`);
    assert.equal(response.status(), 200, 'GET / answers the page');
    assert.equal(await page.title(), 'Gallery Vision demo');

    // Without a token the service's 401 is shown and the token form opens.
    await page.setInputFiles('#file', PHOTO);
    await page.waitForSelector('#error:not([hidden]) [data-status="401"]', {timeout: ANSWER_MS});
    assert.ok(await page.$eval('#access', (details) => details.open), 'a 401 opens the token form');
    log('without a token: the 401 is shown and the token form is open');

    // With the token, the photo's faces and objects are drawn.
    await page.fill('#token', TOKEN);
    await page.click('#token-form button[type=submit]');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('gallery-vision.token')), TOKEN);
    await page.setInputFiles('#file', PHOTO);
    await awaitAnswers(page);
    assert.equal(await page.isHidden('#error'), true, 'no error after the token is set');

    const drawn = await page.evaluate(() => ({
      faces: Number(document.getElementById('stage').dataset.faces),
      objects: Number(document.getElementById('stage').dataset.objects),
      faceBoxes: document.querySelectorAll('#overlay .box.face').length,
      objectBoxes: document.querySelectorAll('#overlay .box.object').length,
      landmarks: document.querySelectorAll('#landmarks circle.landmark').length,
      faceItems: document.querySelectorAll('#face-list li.item').length,
      labels: [...document.querySelectorAll('#overlay .box.face .label')].map((label) => label.textContent),
      minScore: Number(document.getElementById('min-score').value),
    }));
    const expectedObjects = objects.body.data.filter((object) => object.score >= drawn.minScore).length;
    log(`drawn: ${drawn.faceBoxes} face boxes, ${drawn.landmarks} landmarks, ${drawn.objectBoxes} object boxes `
      + `(score >= ${drawn.minScore}); labels ${JSON.stringify(drawn.labels)}`);
    assert.equal(drawn.faces, expectedFaces, 'data-faces');
    assert.equal(drawn.faceBoxes, expectedFaces, 'face boxes drawn');
    assert.equal(drawn.faceItems, expectedFaces, 'faces listed');
    assert.equal(drawn.landmarks, expectedFaces * LANDMARKS_PER_FACE, 'landmarks drawn');
    assert.ok(expectedObjects > 0, `the service finds objects with score >= ${drawn.minScore}`);
    assert.equal(drawn.objects, expectedObjects, 'data-objects');
    assert.equal(drawn.objectBoxes, expectedObjects, 'object boxes drawn');
    faces.body.data.forEach((face, index) => {
      const [gender, age, expression] = drawn.labels[index].split(' · ');
      const top = Object.entries(face.expressions).sort((a, b) => b[1] - a[1])[0][0];
      assert.equal(gender, `${index + 1} ${face.gender}`, `face ${index + 1}: gender`);
      assert.equal(age, `${Math.round(face.age)} y`, `face ${index + 1}: age`);
      assert.equal(expression, top, `face ${index + 1}: top expression`);
    });

    // Each face box sits where the service says, on the photo as shown (within a pixel).
    const geometry = await page.evaluate(() => ({
      image: document.getElementById('photo').getBoundingClientRect().toJSON(),
      boxes: [...document.querySelectorAll('#overlay .box.face')].map((box) => box.getBoundingClientRect().toJSON()),
    }));
    const scale = geometry.image.width / faces.body.width;
    assert.ok(Math.abs(geometry.image.height / faces.body.height - scale) < 0.01, 'the photo keeps its aspect ratio');
    faces.body.data.forEach(({alignedRect: {box}}, index) => {
      const shown = geometry.boxes[index];
      for (const [what, got, want] of [['left', shown.left, geometry.image.left + box.x * scale],
        ['top', shown.top, geometry.image.top + box.y * scale], ['width', shown.width, box.width * scale],
        ['height', shown.height, box.height * scale]]) {
        assert.ok(Math.abs(got - want) <= 1.5, `face ${index + 1} box ${what}: ${got} on screen, ${want} expected`);
      }
    });
    await page.screenshot({path: join(OUT_DIR, 'screenshot.png'), fullPage: true});
    log(`faces and objects drawn as the service answered; screenshot in ${join(OUT_DIR, 'screenshot.png')}`);

    // A second photo, dropped: the first one is listed as similar, with the cosine of the two embeddings.
    await drop(page, basename(SECOND_PHOTO), 'image/jpeg', second);
    await awaitAnswers(page);
    const matches = await page.$$eval('#similar li.match',
      (items) => items.map((item) => ({score: Number(item.dataset.score), name: item.querySelector('.what').textContent,
        thumb: item.querySelector('img').src})));
    const expectedScore = cosine(secondEmbeddings.body.data, embeddings.body.data);
    assert.equal(matches.length, 1, 'one photo to compare with');
    assert.equal(matches[0].name, basename(PHOTO));
    assert.ok(matches[0].thumb.startsWith('data:image/jpeg'), 'the match shows a thumbnail');
    assert.ok(Math.abs(matches[0].score - expectedScore) < 1e-4,
      `similarity ${matches[0].score} on the page, ${expectedScore} from the answers`);
    log(`similarity of ${basename(SECOND_PHOTO)} to ${basename(PHOTO)}: ${matches[0].score}`);

    // The first photo again: the same file first (similarity 1), then the other one.
    await page.setInputFiles('#file', PHOTO);
    await awaitAnswers(page);
    const again = await page.$$eval('#similar li.match', (items) => items.map((item) => ({
      score: Number(item.dataset.score), name: item.querySelector('.what').textContent,
      detail: item.querySelector('.detail').textContent})));
    assert.deepEqual(again.map((match) => match.name), [basename(PHOTO), basename(SECOND_PHOTO)]);
    assert.ok(Math.abs(again[0].score - 1) < 1e-4 && again[0].detail === 'same file', JSON.stringify(again[0]));
    await page.screenshot({path: join(OUT_DIR, 'screenshot-similar.png'), fullPage: true});

    // A dropped file that is not a JPEG: the service's own JSON error is shown.
    await drop(page, 'note.txt', 'text/plain', notJpeg);
    await page.waitForSelector('#stage[data-state=error]', {state: 'attached', timeout: ANSWER_MS});
    const shown = await page.textContent('#error [data-status="400"] .json');
    assert.equal(JSON.parse(shown).error, notJpegAnswer.body.error, 'the error shown is the service\'s');
    await page.screenshot({path: join(OUT_DIR, 'screenshot-error.png'), fullPage: true});
    log(`a dropped text file shows the service's answer: ${shown}`);

    assert.deepEqual(elsewhere, [], 'requests to other origins');
    assert.deepEqual(problems, [], 'errors in the page');
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
  log('passed');
}

main().catch((failure) => {
  console.error(`demo-page-test: FAILED: ${failure.stack || failure}`);
  process.exit(1);
});
