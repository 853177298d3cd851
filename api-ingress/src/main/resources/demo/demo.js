// Gallery Vision demo page: plain JavaScript, no build step, no external resource.
// A photo is posted as it is (raw JPEG body) to the service's three routes; faces and objects are drawn over it, and
// its embedding is compared (cosine) with the photos tried before in this tab. The session (thumbnails and
// embeddings) lives in this page's memory only; the access token, when one is used, in sessionStorage.
'use strict';

(() => {
  const ANALYSES = ['faces', 'objects', 'embeddings'];
  const TOKEN_KEY = 'gallery-vision.token';
  const SIMILAR_SHOWN = 6;
  const THUMB_HEIGHT = 96;
  const FACE_COLOURS = ['#ff5b5b', '#39d98a', '#4ea8ff', '#ffd23f', '#c77dff', '#ff9f43', '#2ee6d6', '#ff7ac6'];

  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svg = (tag, attributes) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };
  const percent = (value, total) => `${(100 * value / total).toFixed(3)}%`;
  const round = (value, digits) => Number(value).toFixed(digits);

  // ---- the session: what was tried in this tab, kept in memory only
  /** @type {{id: number, name: string, sha1: string, thumb: string, vector: Float32Array, norm: number}[]} */
  const session = [];
  let current = null;   // the photo on show: {id, name, file, url, answers, errors, controller}
  let nextId = 1;

  // ---- access token
  const token = {
    get: () => sessionStorage.getItem(TOKEN_KEY) || '',
    set(value) {
      if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
      showTokenState();
    },
  };

  function showTokenState(extra) {
    $('token-state').textContent = extra || (token.get()
      ? 'A token is set for this tab.'
      : 'No token set: requests are sent without Authorization.');
  }

  function askForToken(message) {
    $('access').open = true;
    showTokenState(message);
    $('token').focus();
  }

  // ---- talking to the service
  async function post(analysis, file, signal) {
    const headers = {'Content-Type': 'image/jpeg'};
    if (token.get()) headers.Authorization = `Bearer ${token.get()}`;
    const started = performance.now();
    let response;
    try {
      // Relative URL: the page works under a path prefix of a reverse proxy too.
      response = await fetch(analysis, {method: 'POST', headers, body: file, signal, cache: 'no-store'});
    } catch (failure) {
      if (signal.aborted) throw failure;
      return {ok: false, status: 0, error: `the service did not answer (${failure.message})`};
    }
    const seconds = (performance.now() - started) / 1000;
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch (notJson) {
      // shown as text below
    }
    if (response.ok && body && typeof body === 'object') return {ok: true, status: response.status, body, seconds};
    const error = body && typeof body.error === 'string' ? body.error : text.slice(0, 300) || response.statusText;
    return {ok: false, status: response.status, error, body: text, seconds};
  }

  // ---- a new photo
  function analyse(file) {
    if (!file) return;
    if (current && current.controller) current.controller.abort();
    if (current && current.url) URL.revokeObjectURL(current.url);
    const controller = new AbortController();
    current = {id: nextId++, name: file.name || 'photo', file, url: URL.createObjectURL(file), answers: {}, errors: {},
      controller, imageReady: false};
    const photo = current;
    photo.thumb = new Promise((resolve) => { photo.resolveThumb = resolve; });

    $('error').hidden = true;
    $('error').replaceChildren();
    $('result').hidden = false;
    const stage = $('stage');
    stage.dataset.state = 'loading';
    stage.dataset.faces = '0';
    stage.dataset.objects = '0';
    stage.hidden = false;
    clearOverlay();
    $('face-list').replaceChildren();
    $('object-list').replaceChildren();
    $('face-count').textContent = '';
    $('object-count').textContent = '';
    $('similar').replaceChildren();
    $('caption').textContent = `${photo.name}: ${(file.size / 1024).toFixed(1)} KiB`;
    for (const item of $('status').children) {
      item.dataset.state = 'waiting';
      item.querySelector('.state').textContent = 'waiting…';
    }

    const image = $('photo');
    image.onload = () => {
      if (photo !== current) return;
      photo.imageReady = true;
      photo.resolveThumb(thumbnail(image));
      draw();
    };
    image.onerror = () => {
      if (photo !== current) return;
      stage.hidden = true;   // not an image the browser can show; the answers say why
      photo.resolveThumb('');
    };
    image.alt = photo.name;
    image.src = photo.url;

    Promise.all(ANALYSES.map(async (analysis) => {
      const answer = await post(analysis, file, controller.signal);
      if (photo !== current) return;
      if (answer.ok) photo.answers[analysis] = answer.body; else photo.errors[analysis] = answer;
      showStatus(analysis, answer);
      if (analysis === 'embeddings' && answer.ok) compare(photo, answer.body);
      draw();
    })).then(() => {
      if (photo !== current) return;
      stage.dataset.state = Object.keys(photo.errors).length ? 'error' : 'done';
      showErrors(photo);
    }, (failure) => {
      if (failure.name !== 'AbortError') throw failure;
    });
  }

  function showStatus(analysis, answer) {
    const item = $('status').querySelector(`[data-analysis="${analysis}"]`);
    item.dataset.state = answer.ok ? 'ok' : 'failed';
    const state = item.querySelector('.state');
    if (answer.ok) {
      const model = [answer.body.model, answer.body.version].filter(Boolean).join(' ');
      state.textContent = `${round(answer.seconds, 2)} s · ${model}`;
    } else {
      state.textContent = answer.status ? `${answer.status}: ${answer.error}` : answer.error;
    }
  }

  /** The services's errors, once per distinct message; a 401 opens the token form. */
  function showErrors(photo) {
    const box = $('error');
    const seen = new Map();
    for (const analysis of ANALYSES) {
      const failure = photo.errors[analysis];
      if (!failure) continue;
      const key = `${failure.status} ${failure.error}`;
      if (!seen.has(key)) seen.set(key, {failure, routes: []});
      seen.get(key).routes.push(`/${analysis}`);
    }
    if (!seen.size) return;
    box.replaceChildren();
    for (const {failure, routes} of seen.values()) {
      const line = el('p');
      line.append(el('strong', '', `POST ${routes.join(', ')}`),
        ` → ${failure.status || 'no answer'}: `, el('code', 'json', failure.body || failure.error));
      line.dataset.status = String(failure.status);
      box.append(line);
    }
    box.hidden = false;
    if ([...seen.values()].some(({failure}) => failure.status === 401)) {
      askForToken(token.get()
        ? 'The service refused this token: paste another one, then pick the photo again.'
        : 'The service needs an access token: paste one, then pick the photo again.');
    }
  }

  // ---- drawing
  function clearOverlay() {
    for (const box of $('overlay').querySelectorAll('.box')) box.remove();
    $('landmarks').replaceChildren();
  }

  function draw() {
    const photo = current;
    const stage = $('stage');
    const faces = photo.answers.faces;
    const objects = photo.answers.objects;
    const size = faces || objects || (photo.imageReady
      ? {width: $('photo').naturalWidth, height: $('photo').naturalHeight} : null);
    if (!size) return;
    const {width, height} = size;
    stage.style.setProperty('--aspect', String(width / height));
    clearOverlay();
    const overlay = $('overlay');
    const landmarks = $('landmarks');
    landmarks.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const place = (node, x, y, w, h) => {
      node.style.left = percent(x, width);
      node.style.top = percent(y, height);
      node.style.width = percent(w, width);
      node.style.height = percent(h, height);
    };

    const minScore = Number($('min-score').value);
    let objectsDrawn = 0;
    if (objects) {
      objects.data.forEach((object, index) => {
        if (object.score < minScore) return;
        const [x, y, w, h] = object.bbox;
        const box = el('div', 'box object');
        box.dataset.index = String(index);
        place(box, x, y, w, h);
        box.classList.toggle('flip', x > width * 0.7);
        box.append(el('span', 'label', `${object.class} ${Math.round(100 * object.score)}%`));
        overlay.append(box);
        objectsDrawn++;
      });
      listObjects(objects, minScore);
    }
    if (faces) {
      faces.data.forEach((face, index) => {
        const colour = FACE_COLOURS[index % FACE_COLOURS.length];
        const {x, y, width: w, height: h} = face.alignedRect.box;
        const box = el('div', 'box face');
        box.dataset.index = String(index);
        box.style.setProperty('--colour', colour);
        place(box, x, y, w, h);
        // Labels stay on the photo: right-aligned near the right edge, below the box near the top edge.
        box.classList.toggle('flip', x + w / 2 > width * 0.7);
        box.classList.toggle('under', y < height * 0.08);
        box.classList.toggle('weak', face.alignedRect.score < 0.5);
        box.append(el('span', 'label', `${index + 1} ${faceSummary(face)}`));
        overlay.append(box);
        const group = svg('g', {class: 'face-landmarks', 'data-index': String(index), fill: colour});
        const radius = Math.max(0.6, Math.min(w, h) / 55);
        for (const point of face.landmarks.positions) {
          group.append(svg('circle', {class: 'landmark', cx: point.x, cy: point.y, r: radius}));
        }
        landmarks.append(group);
      });
      listFaces(faces);
    }
    stage.dataset.faces = String(faces ? faces.data.length : 0);
    stage.dataset.objects = String(objectsDrawn);
  }

  function topExpression(expressions) {
    let best = null;
    for (const [name, probability] of Object.entries(expressions || {})) {
      if (!best || probability > best[1]) best = [name, probability];
    }
    return best;
  }

  function faceSummary(face) {
    const expression = topExpression(face.expressions);
    return [face.gender, `${Math.round(face.age)} y`, expression && expression[0]].filter(Boolean).join(' · ');
  }

  function listFaces(faces) {
    const list = $('face-list');
    list.replaceChildren();
    $('face-count').textContent = `(${faces.data.length})`;
    if (!faces.data.length) list.append(el('li', 'empty', 'no face found'));
    faces.data.forEach((face, index) => {
      const expression = topExpression(face.expressions);
      const item = el('li', 'item');
      item.dataset.index = String(index);
      item.style.setProperty('--colour', FACE_COLOURS[index % FACE_COLOURS.length]);
      item.append(el('span', 'swatch', String(index + 1)),
        el('span', 'what', `${face.gender} (${Math.round(100 * face.genderProbability)}%), ${round(face.age, 1)} years`),
        el('span', 'detail', `${expression ? `${expression[0]} ${Math.round(100 * expression[1])}% · ` : ''}`
          + `score ${round(face.alignedRect.score, 2)}`));
      link(item, `.box.face[data-index="${index}"]`);
      list.append(item);
    });
  }

  function listObjects(objects, minScore) {
    const list = $('object-list');
    list.replaceChildren();
    const shown = objects.data.filter((object) => object.score >= minScore).length;
    $('object-count').textContent = `(${shown} of ${objects.data.length})`;
    if (!objects.data.length) list.append(el('li', 'empty', 'no object found'));
    objects.data.forEach((object, index) => {
      const item = el('li', object.score >= minScore ? 'item' : 'item below');
      item.append(el('span', 'what', object.class), el('span', 'detail', `score ${round(object.score, 2)}`));
      link(item, `.box.object[data-index="${index}"]`);
      list.append(item);
    });
  }

  /** Hovering an item of a list highlights its box. */
  function link(item, selector) {
    item.addEventListener('mouseenter', () => $('overlay').querySelector(selector)?.classList.add('hot'));
    item.addEventListener('mouseleave', () => $('overlay').querySelector(selector)?.classList.remove('hot'));
  }

  // ---- similarity
  function compare(photo, answer) {
    const vector = Float32Array.from(answer.data);
    const norm = Math.sqrt(cosine.dot(vector, vector));
    const ranked = session
      .filter((other) => other.vector.length === vector.length)
      .map((other) => ({other, score: cosine(vector, norm, other.vector, other.norm)}))
      .sort((a, b) => b.score - a.score);
    showSimilar(ranked, answer.srcSha1sum);
    if (!session.some((other) => other.sha1 === answer.srcSha1sum)) {
      const entry = {id: photo.id, name: photo.name, sha1: answer.srcSha1sum, thumb: '', vector, norm};
      session.push(entry);
      photo.thumb.then((thumb) => { entry.thumb = thumb; });
    }
  }

  /** Cosine similarity of two vectors of the same length, given their norms (0 when either is all zeros). */
  function cosine(a, normA, b, normB) {
    return normA && normB ? cosine.dot(a, b) / (normA * normB) : 0;
  }

  cosine.dot = (a, b) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  };

  function showSimilar(ranked, sha1) {
    const list = $('similar');
    list.replaceChildren();
    if (!ranked.length) {
      list.append(el('li', 'empty', 'Nothing to compare yet: try another photo.'));
      return;
    }
    for (const {other, score} of ranked.slice(0, SIMILAR_SHOWN)) {
      const item = el('li', 'match');
      item.dataset.score = score.toFixed(4);
      const thumb = el('img');
      if (other.thumb) thumb.src = other.thumb;
      thumb.alt = other.name;
      item.append(thumb, el('span', 'what', other.name),
        el('span', 'detail', other.sha1 === sha1 ? 'same file' : `similarity ${round(score, 3)}`));
      list.append(item);
    }
  }

  /** A small JPEG data URL of a loaded image, kept in the session instead of the photo itself. */
  function thumbnail(image) {
    const scale = THUMB_HEIGHT / image.naturalHeight;
    const canvas = el('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = THUMB_HEIGHT;
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8);
  }

  // ---- wiring
  function wire() {
    showTokenState();
    $('token').value = token.get();
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      token.set($('token').value.trim());
    });
    $('token-forget').addEventListener('click', () => {
      $('token').value = '';
      token.set('');
    });

    $('file').addEventListener('change', (event) => {
      analyse(event.target.files[0]);
      event.target.value = '';   // the same file picked again is analysed again
    });
    const drop = $('drop');
    drop.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        $('file').click();
      }
    });
    // The whole window takes a drop, so a photo dropped beside the zone is not opened by the browser instead.
    window.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    window.addEventListener('dragleave', (event) => {
      if (!event.relatedTarget) drop.classList.remove('over');
    });
    window.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      analyse(event.dataTransfer && event.dataTransfer.files[0]);
    });

    $('min-score').addEventListener('input', () => {
      $('min-score-value').textContent = round($('min-score').value, 2);
      if (current) draw();
    });
    for (const [id, className] of [['show-faces', 'hide-faces'], ['show-landmarks', 'hide-landmarks'],
      ['show-objects', 'hide-objects']]) {
      $(id).addEventListener('change', (event) => $('stage').classList.toggle(className, !event.target.checked));
    }
  }

  wire();
})();
