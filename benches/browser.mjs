// Browser benchmarks of the built page (dist/, from `trunk build index.html --release`),
// in Debian's Chromium through playwright-core (tests/e2e/node_modules):
//
// 0. The page's initial load: every file fetched from the navigation until the page is
//    usable (its input panel is drawn), each gzipped at level 9 by zlib as a web server
//    would serve it, and their total.
// 1. Analysis throughput in wasm: the 13 government work reports of tests/fixtures (the
//    same input as `cargo bench --bench analysis -- "government work reports"`), analysed
//    by the JavaScript API module, which is built like the page's workers (profile
//    `speed`). Best of 30 runs.
// 2. The workspace: the 31 provincial 政府工作报告 of ../shared/corpus (read once to text
//    by the same module) dropped on the page as text files, 2 s after it is ready, timed
//    from the drop until the workspace table shows all 31: the first drop of the visit,
//    then five more, each with nothing kept from before. Skipped when ../shared is not
//    beside the project.
// 3. Reload of a full workspace: with those 31 reports kept in IndexedDB, the page is
//    reloaded and timed from the start of the navigation until the workspace table shows
//    all 31 again. Five reloads.
//
// Run: node benches/browser.mjs   (measures; asserts nothing). DIST=path measures another
// build of the page, so that two builds can be taken in turns.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(ROOT, 'tests/e2e/harness.mjs'));

const FIXTURES = join(ROOT, 'tests/fixtures');
const PROVINCIAL = join(ROOT, '../shared/corpus/gov-work-provincial-2025');

const server = await serve(resolve(ROOT, process.env.DIST ?? 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();

/** Files as { name, bytes } lists, for the page. */
async function files(dir, wanted) {
  const names = (await readdir(dir)).filter(wanted).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: [...(await readFile(join(dir, name)))] })));
}

{
  const fresh = await browser.newContext({ serviceWorkers: 'block' });
  const first = await fresh.newPage();
  // The moment the page is usable: its input panel is drawn.
  await first.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main .input-panel')) {
        window.usableAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const bodies = new Map();
  // A body the browser no longer holds (a worker's, once the page is closed) is not needed.
  first.on('response', (response) => bodies.set(response.url(), response.body().catch(() => undefined)));
  await first.goto(server.url);
  await first.getByRole('main').locator('.input-panel').waitFor();
  // The document, and every file whose download had ended by then.
  const urls = await first.evaluate(() => [
    location.href,
    ...performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.usableAt).map((e) => e.name),
  ]);
  const sizes = await Promise.all(urls.map(async (url) => ({
    name: new URL(url).pathname.split('/').pop() || 'index.html',
    gzip: gzipSync(await bodies.get(url), { level: 9 }).length,
  })));
  const total = sizes.reduce((n, f) => n + f.gzip, 0);
  console.log(`initial load: ${total} B gzip, ${sizes.length} files fetched until the page is usable (${sizes.map((f) => `${f.name} ${f.gzip}`).join(', ')})`);
  await fresh.close();
}

await page.goto(`${server.url}examples/api.html`);
await page.getByText(/ready$/).waitFor();

const government = await files(FIXTURES, (n) => /^(national-\d{4}\.txt|[a-z]+-2025\.docx)$/.test(n));
const wasm = await page.evaluate(async (files) => {
  const api = await import('../report-lens-api.js');
  const texts = files.map((f) => (f.name.endsWith('.docx') ? api.read(new Uint8Array(f.bytes), f.name).text : new TextDecoder().decode(new Uint8Array(f.bytes))));
  const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
  let best = Infinity;
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    for (const text of texts) api.analyze(text);
    best = Math.min(best, performance.now() - start);
  }
  return { reports: texts.length, bytes, best };
}, government);
console.log(`wasm (Chromium, profile release): ${wasm.reports} government work reports, ${(wasm.bytes / 1024).toFixed(0)} KiB: best ${wasm.best.toFixed(2)} ms, ${(wasm.bytes / 1048576 / (wasm.best / 1000)).toFixed(1)} MiB/s`);

if (existsSync(PROVINCIAL)) {
  const docx = await files(PROVINCIAL, (n) => n.endsWith('.docx'));
  const texts = await page.evaluate(async (files) => {
    const api = await import('../report-lens-api.js');
    return files.map((f) => ({ name: f.name.replace(/\.docx$/, '.txt'), text: api.read(new Uint8Array(f.bytes), f.name).text }));
  }, docx);
  const total = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  const times = [];
  for (let run = 0; run < 6; run++) {
    // The page keeps what was loaded (IndexedDB) and would open the last run's reports
    // again: each run starts with nothing kept. The first run is the first drop of a
    // visit (the workers' code not yet in the browser's caches), reported apart.
    await page.goto(server.url);
    await page.evaluate(() => new Promise((done) => {
      localStorage.clear();
      const request = indexedDB.deleteDatabase('report-lens');
      request.onsuccess = request.onerror = request.onblocked = done;
    }));
    await page.goto(server.url);
    await page.getByRole('main').locator('.input-panel').waitFor();
    // A user takes a moment before dropping files; the page readies its workers then.
    await page.waitForTimeout(2000);
    const ms = await page.evaluate(async (texts) => {
      const dt = new DataTransfer();
      for (const t of texts) dt.items.add(new File([t.text], t.name, { type: 'text/plain' }));
      const main = document.querySelector('main');
      const start = performance.now();
      main.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((done) => {
        const check = () => (document.querySelectorAll('.report-table tbody tr').length === texts.length ? done() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    }, texts);
    times.push(ms);
  }
  const first = times.shift();
  times.sort((a, b) => a - b);
  console.log(`workspace: ${texts.length} provincial reports as text files (${(total / 1048576).toFixed(2)} MiB) dropped → table filled: first drop of the visit ${first.toFixed(0)} ms; then median ${times[2].toFixed(0)} ms, best ${times[0].toFixed(0)} ms (5 runs)`);

  // The last run's reports are kept: once the page says it keeps them all, reload.
  await page.getByText(new RegExp(`^本机浏览器保存了 ${texts.length} 份报告`)).waitFor();
  const reloads = [];
  for (let run = 0; run < 5; run++) {
    await page.reload({ waitUntil: 'commit' });
    reloads.push(await page.evaluate((count) => new Promise((done) => {
      const check = () => (document.querySelectorAll('.report-table tbody tr').length === count ? done(performance.now()) : requestAnimationFrame(check));
      check();
    }), texts.length));
  }
  reloads.sort((a, b) => a - b);
  console.log(`reload: ${texts.length} kept reports back in the table, from the start of the navigation: median ${reloads[2].toFixed(0)} ms, best ${reloads[0].toFixed(0)} ms (5 reloads)`);
} else {
  console.log(`workspace: skipped (${PROVINCIAL} not found)`);
}

await browser.close();
await server.close();
