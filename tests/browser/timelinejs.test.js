// The TimelineJS export and import against the real client: TimelineJS (pinned in
// package.json) rendering in Chromium, read back from the page. Run alone with
// `cargo build && cd tests/browser && npm ci && node --test` (see CONTRIBUTING.md).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Browser, exportRon, importJson, tempFile, cli } = require('./render.js');

/** Rows of groups that fit the usual 650 px embed (src/interop/timelinejs/groups.rs). */
const MAX_GROUPS = 10;
/** TimelineJS draws its navigation one pixel past the container it is given. */
const ROUNDING = 1;
const EMBED = 650;

let browser;
test.before(async () => {
  browser = await Browser.launch();
});
test.after(async () => {
  if (browser) await browser.close();
});

/** A timeline file with these eras and events; actors are made up as needed. */
function ron({ eras = [], events, actors = null }) {
  const named = actors ?? [...new Set(events.flatMap((e) => e.actors ?? ['a']))];
  const str = (s) => JSON.stringify(s);
  return `(
    title: "Browser test",
    actors: [${named
      .map((a) => (typeof a === 'string' ? `(id: ${str(a)}, name: ${str(a.toUpperCase())}, kind: State)` : a.ron))
      .join(', ')}],
    eras: [${eras
      .map((e) => `(id: ${str(e.id)}, name: ${str(e.name ?? e.id)}, start: ${str(e.start)}, end: ${str(e.end)})`)
      .join(', ')}],
    events: [${events
      .map(
        (e) => `(id: ${str(e.id)}, date: ${str(e.date)}, ${e.end ? `end: ${str(e.end)},` : ''}
          ${e.note ? `date_note: ${str(e.note)},` : ''}
          title: ${str(e.title ?? e.id)}, summary: ${str(e.summary ?? 'Summary.')},
          actors: [${(e.actors ?? ['a']).map(str).join(', ')}],
          sources: [(publisher: "P", title: "T", url: "https://example.org/${e.id}")])`,
      )
      .join(',\n')}],
  )`;
}

const DAY = 24 * 3600 * 1000;
const utc = (y, m, d) => Date.UTC(y, m - 1, d);

function assertLaidOut(shown, what) {
  assert.deepEqual(shown.errors, [], `${what}: TimelineJS errors`);
  assert.equal(shown.ready, true, `${what}: TimelineJS got ready`);
  assert.ok(shown.nav.bottom <= shown.embedHeight + ROUNDING, `${what}: navigation inside the embed: ${JSON.stringify(shown.nav)}`);
  assert.ok(shown.story.height >= 300, `${what}: story area ${shown.story.height} px`);
}

test('the built-in timeline lays out at 650 px with every slide', async () => {
  const { document, warnings } = exportRon(null, ['--eras', 'all']);
  const shown = await browser.render(document, { height: EMBED });
  assertLaidOut(shown, 'built-in');
  assert.equal(shown.embedHeight, EMBED);
  assert.equal(shown.events.length, document.events.length);
  assert.equal(shown.slides.length, document.events.length + 1, 'every slide and the title');
  assert.equal(shown.markers, document.events.length);
  assert.equal(shown.eras.length, document.eras.length);
  assert.equal(shown.groups.length, 0, 'no groups by default');
  assert.deepEqual(browser.lastRequests.refused, [], 'nothing fetched from the network');
  assert.deepEqual(browser.lastRequests.pageErrors, []);
  // Every slide shows its headline and a date line, short and dates only: the notes are
  // in the text.
  for (const slide of shown.slides.filter((s) => !s.title)) {
    assert.ok(slide.headline, `slide ${slide.id} has a headline`);
    assert.ok(slide.date, `slide ${slide.id} has a date line`);
    assert.ok(slide.date.length <= 60, `slide ${slide.id}: a short date line: ${slide.date}`);
  }
  assert.match(warnings, /'US-led intervention' and 'Second Taliban emirate'/);
  // The ongoing era (the second emirate has no end) is drawn with the end the export
  // warned about: the last day of the latest event or era.
  assert.equal(shown.eras.length, 7, 'all seven eras, the ongoing one included');
  const [, y, m, d] = warnings.match(/era 'second-emirate' is ongoing .*? written to end on '(\d{4})-(\d{2})-(\d{2})'/s) ?? [];
  assert.ok(y, `the ongoing era is warned about: ${warnings}`);
  const emirate = shown.eras.find((e) => e.headline === 'Second Taliban emirate');
  assert.ok(emirate, 'the ongoing era is shown');
  assert.equal(emirate.end, utc(Number(y), Number(m), Number(d)));
});

test('1: an era or event whose end lies in its start period is kept', async () => {
  const { document, warnings } = exportRon(
    ron({
      eras: [
        { id: 'year-start', start: '2021', end: '2021-08-15' },
        { id: 'month-start', start: '1994-06', end: '1994-06-30' },
      ],
      events: [
        { id: 'june', date: '1994-06', end: '1994-06-30' },
        { id: 'later', date: '2021-03-01' },
      ],
    }),
  );
  assert.equal(warnings, '');
  const shown = await browser.render(document);
  assertLaidOut(shown, 'point 1');
  assert.deepEqual(shown.eras.map((e) => e.headline).sort(), ['month-start', 'year-start']);
  const yearEra = shown.eras.find((e) => e.headline === 'year-start');
  assert.equal(yearEra.start, utc(2021, 1, 1));
  assert.equal(yearEra.end, utc(2021, 8, 15));
  const june = shown.events.find((e) => e.id === 'june');
  assert.equal(june.end, utc(1994, 6, 30), 'the event keeps its end');
  assert.equal(shown.slides.find((s) => s.id === 'june').date, 'June 1994 – 30 June 1994');
});

test('2: year and month ends mean the last day of their period', async () => {
  const { document } = exportRon(
    ron({
      eras: [{ id: 'ongoing', start: '2021-08-15', end: '2026' }],
      events: [
        { id: 'christmas', date: '1979-12-24', end: '1979' },
        { id: 'war', date: '1979-12-24', end: '1989-02' },
      ],
    }),
  );
  const shown = await browser.render(document);
  assertLaidOut(shown, 'point 2');
  assert.equal(shown.eras[0].end, utc(2026, 12, 31));
  const christmas = shown.events.find((e) => e.id === 'christmas');
  assert.ok(christmas.end >= christmas.start, 'drawn ending after it starts');
  assert.equal(christmas.end, utc(1979, 12, 31));
  assert.equal(shown.events.find((e) => e.id === 'war').end, utc(1989, 2, 28));
  const date = (id) => shown.slides.find((s) => s.id === id).date;
  assert.equal(date('christmas'), '24 December 1979 – 1979');
  assert.equal(date('war'), '24 December 1979 – February 1989');
});

test('3: groups fit the embed, and more than fit are warned about', async () => {
  const byActor = exportRon(null, ['--group-by', 'actor']);
  const shown = await browser.render(byActor.document);
  assertLaidOut(shown, '--group-by actor');
  assert.ok(shown.groups.length >= 2 && shown.groups.length <= MAX_GROUPS, `${shown.groups.length} groups`);
  assert.match(byActor.warnings, /the 9 actors with the most events get a group/);

  // MAX_GROUPS rows fit; one more does not, and the export says so.
  const rows = (n) =>
    ron({
      actors: Array.from({ length: n }, (_, i) => `k${i}`),
      events: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, date: `${2000 + i}`, actors: [`k${i}`] })),
    });
  const fits = exportRon(rows(MAX_GROUPS), ['--group-by', 'actor']);
  assert.equal(fits.warnings, '');
  const fitting = await browser.render(fits.document);
  assert.equal(fitting.groups.length, MAX_GROUPS);
  assertLaidOut(fitting, `${MAX_GROUPS} groups`);
  const eras = Array.from({ length: MAX_GROUPS + 1 }, (_, i) => ({ id: `era${i}`, start: `${2000 + i}`, end: `${2000 + i}` }));
  const over = exportRon(
    ron({ eras, events: eras.map((e, i) => ({ id: `e${i}`, date: `${2000 + i}-06` })) }),
    ['--group-by', 'era'],
  );
  assert.match(over.warnings, /--group-by era writes 11 rows of groups/);
  const squeezed = await browser.render(over.document);
  assert.equal(squeezed.groups.length, MAX_GROUPS + 1);
  assert.ok(squeezed.story.height < 300, `one row more squeezes the story to ${squeezed.story.height} px`);
});

test('4 and 8: an import of a newsroom file with HTML media exports and renders cleanly', async () => {
  const sample = JSON.parse(fs.readFileSync(path.join(__dirname, 'samples', 'newsroom.json'), 'utf8'));
  // The sample itself, as TimelineJS shows it (the slide of the wrong shape aside).
  const { ron: imported, warnings } = importJson(sample);
  assert.match(warnings, /its media is HTML \(a blockquote\)/);
  assert.match(warnings, /its media is HTML \(an iframe\); its address 'https:\/\/www.youtube.com\/embed\/abc123'/);
  assert.match(warnings, /its media is HTML \(a tweet\); its address 'https:\/\/twitter.com\/reporter\/status\//);
  assert.match(warnings, /events\[5\]: skipped: it is not a slide of TimelineJS's shape/);
  assert.match(warnings, /its id is 'event-2024-02'/);
  assert.match(warnings, /day 30, which its month does not have/);
  assert.doesNotMatch(imported, /<blockquote|<iframe/);
  cli(['check', tempFile('imported.ron', imported)]);
  const { document } = exportRon(imported);
  const shown = await browser.render(document);
  assertLaidOut(shown, 'newsroom');
  assert.equal(shown.events.length, 6);
  const slide = (id) => shown.slides.find((s) => s.id === id);
  for (const s of shown.slides) {
    assert.doesNotMatch(s.text ?? '', /<blockquote|<iframe|&lt;/, `${s.id} shows no markup as text`);
  }
  assert.match(slide('storming-of-the-tajbeg-palace').text, /We were told it would take an hour\./);
  assert.equal(slide('storming-of-the-tajbeg-palace').headline, 'Storming of the Tajbeg Palace');
  assert.match(slide('last-soviet-troops-leave').html, /href="https:\/\/www.youtube.com\/embed\/abc123"/);
  assert.equal(slide('last-soviet-troops-leave').date, 'c. 15 February 1989');
  assert.match(slide('taliban-enter-kabul').text, /The Russian embassy in Kabul is working as usual/);
  assert.equal(slide('leading-dash').date, '138 BC', "a file's own display date comes back unchanged");
  // A headline the import made up from the text is not published: the text says it.
  assert.ok(!slide('moscow-accepts-a-taliban-appointed-diplomat').headline, 'no made-up headline');
  assert.match(slide('moscow-accepts-a-taliban-appointed-diplomat').text, /^Moscow accepts a Taliban-appointed diplomat\./);
  assert.equal(slide('event-2024-02').headline, 'Талибан в Москве');
  // The file's own groups are published by default; the placeholder actor is no group.
  assert.deepEqual(shown.groups.filter((g) => g).sort(), ['Soviet Union', 'Taliban']);
  assert.equal(shown.events.find((e) => e.id === 'leading-dash').group, null, 'the placeholder actor is no group');
  const ungrouped = await browser.render(exportRon(imported, ['--group-by', 'none']).document);
  assert.equal(ungrouped.groups.length, 0, 'no groups when asked for none');
});

test('5: two edit cycles in TimelineJS duplicate nothing', async () => {
  let timeline = ron({
    events: [{ id: 'edited', date: '~1994', note: 'Sources differ.', summary: 'First.', actors: ['a', 'b'] }],
  });
  for (const cycle of [1, 2]) {
    const { document } = exportRon(timeline, ['--group-by', 'actor']);
    const slide = document.events[0];
    // What an editor does in TimelineJS: a new paragraph, a new note, another group.
    slide.text.text = slide.text.text.replace('<p><strong>Sources', `<p>Added in cycle ${cycle}.</p><p><strong>Sources`);
    slide.display_date = slide.display_date.replace(/ — .*/, ` — Note of cycle ${cycle}.`);
    slide.group = cycle === 1 ? 'B' : 'A';
    timeline = importJson(document).ron;
  }
  const { document } = exportRon(timeline, ['--group-by', 'actor']);
  const shown = await browser.render(document);
  assertLaidOut(shown, 'edited');
  const slide = shown.slides.find((s) => s.id === 'edited');
  assert.equal(slide.date, 'about 1994 — Note of cycle 2.');
  assert.equal((slide.html.match(/<strong>Sources<\/strong>/g) || []).length, 1);
  assert.match(slide.text, /^First\.Added in cycle 1\.Added in cycle 2\.Sources/);
  assert.equal(shown.events[0].group, 'A');
  assert.match(timeline, /actors: \[\s*"a",\s*"b",?\s*\]/, 'a changed group replaces the first actor');
});

test('6: date notes and groups are text, not markup', async () => {
  const { document } = exportRon(
    ron({
      actors: [{ ron: '(id: "x", name: "<i>Italic</i> & co", kind: State)' }],
      events: [{ id: 'marked', date: '1994-05-01', note: '<b>bold</b> claim', actors: ['x'] }],
    }),
    ['--group-by', 'actor'],
  );
  const shown = await browser.render(document);
  assertLaidOut(shown, 'escaping');
  const slide = shown.slides.find((s) => s.id === 'marked');
  assert.equal(slide.date, '1 May 1994 — <b>bold</b> claim');
  assert.deepEqual(shown.groups, ['<i>Italic</i> & co']);
});

test('7: overlapping eras are warned about, and --eras disjoint keeps them apart', async () => {
  const all = exportRon(null, ['--eras', 'all']);
  assert.match(all.warnings, /overlapping ones hide each other: 'PDPA rule' and 'Soviet–Afghan War'/);
  // The default band can be published as is: no two eras overlap, every label is wide
  // enough to read, and the eras cover more of the timeline than --eras disjoint's.
  const cover = exportRon(null);
  assert.doesNotMatch(cover.warnings, /overlapping ones hide each other/);
  const covered = await browser.render(cover.document);
  assertLaidOut(covered, 'default eras');
  const sorted = [...covered.eras].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].start >= sorted[i - 1].end, `${sorted[i - 1].headline} ends before ${sorted[i].headline}`);
  }
  for (const band of covered.eraBand) assert.ok(band.width > 40, `era '${band.text}' is ${band.width} px wide`);
  const span = (eras) => eras.reduce((sum, e) => sum + (e.end - e.start), 0);
  // Picked by id: just those.
  const picked = exportRon(null, ['--era', 'soviet-war', '--era', 'us-intervention']);
  assert.deepEqual(picked.document.eras.map((e) => e.text.headline), ['Soviet–Afghan War', 'US-led intervention']);
  const disjoint = exportRon(null, ['--eras', 'disjoint']);
  const shown = await browser.render(disjoint.document);
  assertLaidOut(shown, '--eras disjoint');
  assert.ok(shown.eras.length >= 2);
  const eras = [...shown.eras].sort((a, b) => a.start - b.start);
  for (let i = 1; i < eras.length; i++) {
    assert.ok(eras[i].start >= eras[i - 1].end, `${eras[i - 1].headline} ends before ${eras[i].headline}`);
  }
  assert.ok(eras.some((e) => e.headline === 'Second Taliban emirate'));
  for (const band of shown.eraBand) assert.ok(band.width > 40, `era '${band.text}' is ${band.width} px wide`);
  assert.ok(span(covered.eras) > span(shown.eras), 'the default covers more than --eras disjoint');
});

test('a sheet (CSV) imported, exported to TimelineJS, renders every row as a slide', async () => {
  const sheets = path.join(__dirname, '..', 'fixtures', 'csv');
  for (const name of ['timelinejs3/contrib-women_in_computing.csv', 'crlf.csv', 'multiline-cell.csv']) {
    const file = path.join(sheets, name);
    const imported = cli(['import', '--from', 'csv', file]).stdout;
    cli(['check', tempFile('imported.ron', imported)]);
    // The rows that are slides: neither the title row nor an era row, and not blank.
    const sheet = cli(['export', '--to', 'csv', '--file', tempFile('sheet.ron', imported)]).stdout;
    const { document, warnings } = exportRon(imported);
    const shown = await browser.render(document);
    assertLaidOut(shown, name);
    assert.deepEqual(browser.lastRequests.pageErrors, [], `${name}: no page errors`);
    assert.equal(shown.events.length, document.events.length, `${name}: every slide shown (${warnings})`);
    assert.equal(shown.markers, document.events.length, `${name}: a marker per slide`);
    const source = fs.readFileSync(file, 'utf8');
    // A row that is a slide opens with its year, month and day cells.
    const rows = (source.match(/^-?\d+,\d*,\d*,/gm) || []).length;
    assert.equal(document.events.length, rows, `${name}: every dated row a slide`);
    assert.ok(sheet.startsWith('Year,Month,Day,Time,End Year,'), `${name}: the sheet again`);
  }
});

test("the new user's story: a filtered export renders with exactly the events list selects", async () => {
  // The issue's trial: Russia and the Taliban since 2021, alone together and at all.
  const stories = [
    ['--actor', 'russia', '--actor', 'taliban', '--exact-actors', '--from', '2021'],
    ['--actor', 'russia', '--actor', 'taliban', '--all-actors', '--from', '2021'],
  ];
  for (const flags of stories) {
    const what = flags.join(' ');
    const ids = cli(['list', '--format', 'id', ...flags]).stdout.trim().split('\n');
    const { document } = exportRon(null, flags);
    const shown = await browser.render(document, { height: EMBED });
    assertLaidOut(shown, what);
    assert.deepEqual(browser.lastRequests.pageErrors, [], `${what}: no page errors`);
    assert.deepEqual(shown.events.map((e) => e.id).sort(), [...ids].sort(), `${what}: exactly the listed events`);
    assert.equal(shown.markers, ids.length, `${what}: a marker per event`);
    assert.match(document.title.text.text, new RegExp(`selected by ${flags.slice(0, 4).join(' ')}`), `${what}: the title slide says which filter`);
  }
});
