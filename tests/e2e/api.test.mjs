// The JavaScript API (src/bin/report-lens-api.rs): the ES module in dist/ beside the page,
// imported by its example page (examples/api.html) and called as another site's page
// would call it. Expected values come from the hand-written fixture expectations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, fixture, parseCsv, shot, FORMATS, ZH, SAMPLE } from './harness.mjs';

const env = useBrowser();
const sample = await fixture(SAMPLE);

/** The example page, with the module loaded. */
async function example(t) {
  const { page } = await open(t, { url: `${env.url}examples/api.html`, app: false });
  await page.getByRole('status').getByText(/^report-lens \d+\.\d+\.\d+ ready$/).waitFor();
  return page;
}

test('the module is not part of the page\'s load', async (t) => {
  const { page } = await open(t);
  const html = await (await fetch(env.url)).text();
  assert.ok(!html.includes('report-lens-api'), 'index.html does not name the module');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loaded.some((name) => name.endsWith('.wasm')), loaded.join(' '));
  assert.ok(!loaded.some((name) => name.includes('report-lens-api')), loaded.join(' '));
});

test('analyze, read and the checklist exports, called from JavaScript', async (t) => {
  const page = await example(t);
  const docx = await readFile(join(FORMATS, 'henan-approval-bureau-2022.docx'));
  const henan = await fixture('henan-approval-bureau-2022');
  // A Word 97-2003 file starts with the OLE signature.
  const doc = Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex');
  const got = await page.evaluate(
    async ({ text, docx, doc }) => {
      const api = await import('../report-lens-api.js');
      const report = api.analyze(text);
      const bytes = new Uint8Array(docx);
      const fromArray = api.read(bytes, 'henan.docx');
      const fromBuffer = api.read(bytes.buffer, 'henan.docx');
      const errors = [];
      for (const call of [
        () => api.read('not bytes', 'x.txt'),
        () => api.read(new Uint8Array(doc), '年度报告.doc'),
        () => api.read(new Uint8Array(), 'empty.txt'),
        () => api.markdown(api.checklist(text), 'fr'),
      ]) {
        try {
          call();
          errors.push(null);
        } catch (e) {
          errors.push(e instanceof Error ? e.message : `not an Error: ${e}`);
        }
      }
      const list = api.checklist(text);
      return {
        title: report.meta.title,
        issuer: report.meta.issuer,
        genre: report.meta.genre,
        planYear: report.meta.plan_year,
        titles: report.commitments.map((c) => c.title),
        isPlain: Object.getPrototypeOf(report.meta) === Object.prototype,
        read: { format: fromArray.format, encoding: fromArray.encoding, text: fromArray.text },
        sameFromBuffer: fromBuffer.text === fromArray.text,
        fromDocx: api.analyze(fromArray.text).commitments.map((c) => c.title),
        errors,
        items: list.items.map((i) => i.title),
        markdown: api.markdown(list),
        csv: api.csv(list),
        csvEn: api.csv(list, 'en'),
        json: JSON.parse(api.json(list)).items.length,
        version: api.version(),
      };
    },
    { text: sample.text, docx: [...docx], doc: [...doc] },
  );

  assert.equal(got.title, sample.expected.title);
  assert.equal(got.issuer, sample.expected.issuer);
  assert.equal(got.planYear, sample.expected.plan_year);
  assert.deepEqual(got.titles, sample.titles);
  assert.ok(got.isPlain, 'the report is a plain object');

  assert.equal(got.read.format, 'Docx');
  assert.equal(got.read.encoding, 'UTF-8');
  assert.ok(got.sameFromBuffer, 'an ArrayBuffer reads as its Uint8Array');
  assert.deepEqual(got.fromDocx, henan.titles, 'the Word file read gives its report');

  assert.match(got.errors[0], /^read\(bytes, fileName\): bytes must be a Uint8Array or an ArrayBuffer$/);
  assert.match(got.errors[1], /Word 97-2003/);
  assert.match(got.errors[2], /empty/);
  assert.match(got.errors[3], /unknown language "fr"/);

  assert.deepEqual(got.items, sample.titles);
  assert.ok(got.markdown.startsWith(`# ${ZH.checklist}：${sample.expected.title}`), got.markdown.slice(0, 80));
  assert.ok(got.csv.startsWith('\ufeff'), 'the CSV has a byte-order mark for Excel');
  const rows = parseCsv(got.csv.slice(1));
  assert.deepEqual(rows[0], ZH.csvHeaders);
  assert.deepEqual(rows.slice(1).map((r) => r[2]), sample.titles);
  assert.equal(parseCsv(got.csvEn.slice(1))[0][0], 'Report');
  assert.equal(got.json, sample.titles.length);
  assert.match(got.version, /^\d+\.\d+\.\d+$/);
});

test('arguments of the wrong type are a TypeError naming the argument, and the module still works', async (t) => {
  const page = await example(t);
  const got = await page.evaluate(async (text) => {
    const api = await import('../report-lens-api.js');
    const list = api.checklist(text);
    const calls = {
      'analyze(123)': () => api.analyze(123),
      'analyze()': () => api.analyze(),
      'checklist(5)': () => api.checklist(5),
      'read(bytes, 42)': () => api.read(new Uint8Array([0x41]), 42),
      'csv(list, 7)': () => api.csv(list, 7),
      'markdown("x")': () => api.markdown('x'),
      'json({ items: 3 })': () => api.json({ items: 3 }),
    };
    const thrown = {};
    for (const [name, call] of Object.entries(calls)) {
      try {
        call();
        thrown[name] = 'nothing thrown';
      } catch (e) {
        thrown[name] = `${e.constructor.name}: ${e.message}`;
      }
    }
    return { thrown, after: api.analyze(text).commitments.length };
  }, sample.text);
  assert.match(got.thrown['analyze(123)'], /^TypeError: analyze\(text\): text must be a string$/);
  assert.match(got.thrown['analyze()'], /^TypeError: analyze\(text\): text must be a string$/);
  assert.match(got.thrown['checklist(5)'], /^TypeError: checklist\(text\): text must be a string$/);
  assert.match(got.thrown['read(bytes, 42)'], /^TypeError: read\(bytes, fileName\): fileName must be a string$/);
  assert.match(got.thrown['csv(list, 7)'], /^TypeError: csv\(list, lang\): lang must be a string$/);
  assert.match(got.thrown['markdown("x")'], /^TypeError: markdown\(list, lang\): list must be a checklist object$/);
  assert.match(got.thrown['json({ items: 3 })'], /^TypeError: json\(list\): list is not a checklist/);
  assert.equal(got.after, sample.titles.length, 'the module still works after the bad calls');
});

test('the example page reads a Word file and lists its commitments', async (t) => {
  const page = await example(t);
  const henan = await fixture('henan-approval-bureau-2022');
  await page.getByLabel("A report's file").setInputFiles(join(FORMATS, 'henan-approval-bureau-2022.docx'));
  await page.getByRole('status').getByText('henan-approval-bureau-2022.docx: Docx, UTF-8').waitFor();
  await page.getByRole('button', { name: 'Analyse' }).click();
  assert.deepEqual(await page.locator('#commitments li').allTextContents(), henan.titles);
  assert.equal(await page.locator('#title').textContent(), henan.expected.title);
  await shot(page, 'api-example');
});
