// `export --to svg` in Chromium: the picture opened as a page of its own (as a person
// opens t.svg in a browser), read back from the DOM: every era named inside the canvas,
// no text over another, one tooltip (<title>) and one `data-id` per event, nothing
// fetched. Run alone with `cargo build && cd tests/browser && npm ci && node --test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { cli } = require('./render.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let context;
let dataDir;
test.before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'svg-chromium-'));
  context = await chromium.launchPersistentContext(dataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
test.after(async () => {
  if (context) await context.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Opens `svg` as http://svg.test/t.svg and reads back what Chromium laid out. */
async function open(svg) {
  const page = await context.newPage();
  const refused = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === 'http://svg.test/t.svg') {
      await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg });
    } else {
      refused.push(url);
      await route.abort();
    }
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('http://svg.test/t.svg');
  const shown = await page.evaluate(() => {
    const root = document.documentElement;
    const box = (el) => {
      const b = el.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    };
    const texts = [...document.querySelectorAll('text')].map((t) => ({
      text: t.textContent,
      cls: t.getAttribute('class'),
      ...box(t),
    }));
    const marks = [...document.querySelectorAll('[data-id]')].map((m) => ({
      id: m.getAttribute('data-id'),
      title: m.querySelector('title')?.textContent ?? null,
      ...box(m),
    }));
    return {
      tag: root.tagName,
      width: root.width.baseVal.value,
      height: root.height.baseVal.value,
      dense: root.getAttribute('data-dense'),
      events: Number(root.getAttribute('data-events')),
      texts,
      marks,
      parseError: document.querySelector('parsererror') !== null,
    };
  });
  await page.close();
  return { ...shown, refused, errors };
}

const inside = (b, w, h) => b.x >= 0 && b.y >= 0 && b.x + b.w <= w && b.y + b.h <= h;
const apart = (a, b) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

test('the built-in timeline: every era named, every event with its tooltip', async () => {
  const svg = cli(['export', '--to', 'svg']).stdout;
  const eras = JSON.parse(cli(['export', '--to', 'json']).stdout).eras.map((e) => e.name);
  const ids = cli(['list', '--format', 'id']).stdout.trim().split('\n');
  const shown = await open(svg);
  assert.equal(shown.tag, 'svg');
  assert.equal(shown.parseError, false);
  assert.deepEqual(shown.refused, [], 'nothing fetched');
  assert.deepEqual(shown.errors, []);
  assert.equal(shown.width, 1600);
  assert.equal(eras.length, 7);
  for (const name of eras) {
    const label = shown.texts.find((t) => t.cls === 'era-label' && t.text.startsWith(name));
    assert.ok(label, `era '${name}' is named`);
    assert.ok(label.w > 10 && inside(label, shown.width, shown.height), `'${name}' inside: ${JSON.stringify(label)}`);
  }
  for (const t of shown.texts) assert.ok(inside(t, shown.width, shown.height), `inside the canvas: ${JSON.stringify(t)}`);
  for (let i = 0; i < shown.texts.length; i++) {
    for (const b of shown.texts.slice(i + 1)) {
      assert.ok(apart(shown.texts[i], b), `${JSON.stringify(shown.texts[i])} overlaps ${JSON.stringify(b)}`);
    }
  }
  assert.deepEqual(shown.marks.map((m) => m.id).sort(), [...ids].sort());
  for (const m of shown.marks) {
    assert.ok(m.title && m.title.includes(' — '), `a tooltip on ${m.id}`);
    assert.ok(inside(m, shown.width, shown.height), `mark ${m.id} inside`);
  }
});

test('a filtered picture: the Taliban lane and its events', async () => {
  const svg = cli(['export', '--to', 'svg', '--actor', 'taliban', '--width', '1000']).stdout;
  const ids = cli(['list', '--actor', 'taliban', '--format', 'id']).stdout.trim().split('\n');
  const shown = await open(svg);
  assert.equal(shown.width, 1000);
  assert.equal(shown.events, ids.length);
  assert.equal(shown.marks.length, ids.length);
  assert.ok(shown.texts.some((t) => t.cls === 'lane-label' && t.text.startsWith('Taliban (')));
  for (const t of shown.texts) assert.ok(inside(t, shown.width, shown.height), `inside: ${JSON.stringify(t)}`);
});
