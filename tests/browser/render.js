// Renders TimelineJS documents in the real TimelineJS (from node_modules) in Debian's
// Chromium, and reads back what TimelineJS did with them.
//
// Nothing leaves the machine: the page, the library and its CSS are served from disk by
// request interception under http://tl.test/, and every other request is refused and
// counted, so a test can assert that the page needed nothing from the network.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const LIBRARY = path.join(__dirname, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BINARY =
  process.env.AFGHAN_TIMELINE_BIN || path.join(ROOT, 'target', 'debug', 'afghan-timeline');

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="http://tl.test/lib/css/timeline.css">
<style>html, body { margin: 0; height: 100%; } #embed { width: 100%; height: 100%; }</style>
<script src="http://tl.test/lib/js/timeline.js"></script>
</head><body><div id="embed"></div></body></html>`;

/** Runs the built afghan-timeline binary; stdout, stderr and the exit code. */
function run(args, input) {
  const out = spawnSync(BINARY, args, { input, encoding: 'utf8' });
  if (out.error) throw out.error;
  return { stdout: out.stdout, stderr: out.stderr, code: out.status };
}

/** `afghan-timeline ARGS`, which must succeed; stdout and the warnings on stderr. */
function cli(args, input) {
  const out = run(args, input);
  if (out.code !== 0) {
    throw new Error(`afghan-timeline ${args.join(' ')} exited ${out.code}: ${out.stderr}`);
  }
  return out;
}

/** Writes text to a fresh temporary file and returns its path. */
function tempFile(name, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tljs-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Exports a RON timeline (text, or null for the built-in one) to a TimelineJS document. */
function exportRon(ron, extra = []) {
  const args = ron === null ? [] : ['--file', tempFile('timeline.ron', ron)];
  const out = cli([...args, 'export', '--to', 'timelinejs', ...extra]);
  return { document: JSON.parse(out.stdout), warnings: out.stderr };
}

/** Imports a TimelineJS document (an object) to RON text. */
function importJson(document) {
  const out = cli(['import', '--from', 'timelinejs', '-'], JSON.stringify(document));
  return { ron: out.stdout, warnings: out.stderr };
}

class Browser {
  static async launch() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tljs-chromium-'));
    const context = await chromium.launchPersistentContext(dataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new Browser(context, dataDir);
  }

  constructor(context, dataDir) {
    this.context = context;
    this.dataDir = dataDir;
  }

  async close() {
    await this.context.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Renders `document` in an embed `height` px tall and `width` px wide, and reads back
   * what TimelineJS made of it. `slide` (a unique_id) is navigated to first, if given.
   */
  async render(document, { height = 650, width = 1000 } = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize({ width, height });
    const refused = [];
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.host === 'tl.test' && url.pathname === '/') {
        return route.fulfill({ contentType: 'text/html', body: PAGE });
      }
      if (url.host === 'tl.test' && url.pathname.startsWith('/lib/')) {
        const file = path.join(LIBRARY, decodeURIComponent(url.pathname.slice('/lib/'.length)));
        if (file.startsWith(LIBRARY) && fs.existsSync(file)) {
          return route.fulfill({ path: file });
        }
      }
      refused.push(url.href);
      return route.abort();
    });
    try {
      await page.goto('http://tl.test/');
      await page.evaluate((data) => {
        window.tlDone = false;
        // A copy: TimelineJS rewrites the object it is given.
        window.tl = new TL.Timeline('embed', JSON.parse(data), { hash_bookmark: false, font: null });
        window.tl.on('ready', () => {
          window.tlDone = true;
        });
      }, JSON.stringify(document));
      // Ready, or a configuration error shown instead (TimelineJS then never gets ready).
      await page.waitForFunction(
        () => window.tlDone || (window.tl.config && !window.tl.config.isValid()),
        null,
        { timeout: 15000 },
      );
      // Layout settles after 'ready' (the navigation animates to its height): wait until
      // the heights stop changing, polled with a deadline.
      await page.waitForFunction(
        () => {
          const h = (s) => document.querySelector(s)?.getBoundingClientRect().height ?? -1;
          const now = `${h('.tl-storyslider')}/${h('.tl-timenav')}`;
          const same = window.tlLast === now;
          window.tlLast = now;
          return same;
        },
        null,
        { timeout: 5000, polling: 100 },
      );
      return await page.evaluate(readBack);
    } finally {
      const result = { refused, pageErrors };
      Object.assign(this, { lastRequests: result });
      await page.close();
    }
  }
}

/** Runs in the page: what TimelineJS did. */
function readBack() {
  const tl = window.tl;
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height };
  };
  const slides = [...document.querySelectorAll('.tl-slide')].map((el) => ({
    id: el.id,
    title: el.classList.contains('tl-slide-titleslide'),
    headline: text(el.querySelector('.tl-headline')),
    date: text(el.querySelector('.tl-headline-date')),
    text: text(el.querySelector('.tl-text-content')),
    html: el.querySelector('.tl-text-content')?.innerHTML ?? null,
  }));
  return {
    errors: tl.config ? tl.config.getErrors().map(String) : ['no config'],
    message: text(document.querySelector('.tl-message-content')),
    ready: window.tlDone,
    embedHeight: document.getElementById('embed').getBoundingClientRect().height,
    events: tl.config ? tl.config.events.map((e) => ({
      id: e.unique_id,
      start: e.start_date ? e.start_date.getTime() : null,
      end: e.end_date ? e.end_date.getTime() : null,
      group: e.group ?? null,
    })) : [],
    eras: tl.config ? tl.config.eras.map((e) => ({
      headline: e.headline,
      start: e.start_date ? e.start_date.getTime() : null,
      end: e.end_date ? e.end_date.getTime() : null,
    })) : [],
    slides,
    markers: document.querySelectorAll('.tl-timemarker').length,
    eraBand: [...document.querySelectorAll('.tl-timeera')].map((el) => ({
      text: text(el),
      width: el.getBoundingClientRect().width,
    })),
    groups: [...document.querySelectorAll('.tl-timegroup-message')].map(text),
    story: box('.tl-storyslider'),
    nav: box('.tl-timenav'),
  };
}

module.exports = { Browser, run, cli, exportRon, importJson, tempFile, BINARY };
