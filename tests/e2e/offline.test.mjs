// The page with the network gone, and a new deployment replacing the old one. The page is
// served under a sub-path from a copy of dist/ that the last test changes, as a new
// deployment would. These are the only tests that let the page install its service
// worker (harness: `serviceWorkers: 'allow'`).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, open, ready, reload, inFront, fixture, loadSample, checklist, expectTitles, shareLink,
  dataTransfer, dragOver, drop, documentTabs, documentNames, eventually, shot, since,
  DIST, FORMATS, ZH, SAMPLE, LARGEST,
} from './harness.mjs';

const PREFIX = '/office/report-lens/';
const DEPLOY = mkdtempSync(join(tmpdir(), 'report-lens-deploy-'));
cpSync(DIST, DEPLOY, { recursive: true });
after(() => rmSync(DEPLOY, { recursive: true, force: true }));
const env = useBrowser({ dir: DEPLOY, prefix: PREFIX });

const sample = await fixture(SAMPLE);

/** Opens the page with its service worker allowed; waits until the worker, with the whole
 * build cached, serves the page. */
async function openInstalled(t) {
  const opened = await open(t, { serviceWorkers: 'allow' });
  const start = performance.now();
  await opened.page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(() => opened.page.evaluate(() => navigator.serviceWorker.controller !== null), 10_000);
  console.log(`# TIMING page ready (${opened.loadMs} ms) → whole build cached and serving the page: ${since(start)} ms more`);
  return opened;
}

/** The paths of everything in the page's caches, by cache. */
function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      const requests = await (await caches.open(key)).keys();
      out[key] = requests.map((r) => new URL(r.url).pathname);
    }
    return out;
  });
}

test('after one visit the page is installable, and works with no network: Word, PDF, the sample, a share link', async (t) => {
  const { page, context } = await openInstalled(t);

  const caches = await cached(page);
  assert.equal(Object.keys(caches).length, 1, 'one cache, of this build');
  const paths = Object.values(caches)[0];
  const files = readdirSync(DEPLOY, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name !== 'sw.js')
    .map((f) => join(f.parentPath, f.name).slice(DEPLOY.length + 1));
  assert.ok(files.length > 10, files.join(' '));
  for (const file of files) assert.ok(paths.includes(PREFIX + file), `${file} is cached`);
  assert.ok(paths.includes(PREFIX), 'the page itself, by its address');

  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test's browser context is a private one, where nothing can be installed; Chromium
  // must find nothing else missing.
  const missing = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(missing, [], 'Chromium finds the page installable');
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], 'the manifest parses');
  assert.match(manifest.data, /"display": "standalone"/);

  await loadSample(page, sample.titles);
  const link = await shareLink(page);
  await page.getByText(/^本机浏览器保存了 1 份报告/).waitFor();

  await context.setOffline(true);
  const served = env.server.requests.length;
  await reload(page);
  // The sample loaded before going offline is kept in the browser, and back.
  await expectTitles(checklist(page), sample.titles, 'the kept sample, offline');
  assert.equal(await page.getByRole('region', { name: ZH.addReport }).isVisible(), true, 'the page is usable offline');

  const henan = await fixture('henan-approval-bureau-2022');
  const largest = await fixture(LARGEST);
  const names = ['henan-approval-bureau-2022.docx', `${LARGEST}.pdf`];
  const dt = await dataTransfer(
    page,
    await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(FORMATS, name)), type: '' }))),
  );
  await dragOver(page, dt);
  await drop(page, dt);
  const tabs = documentTabs(page);
  await tabs.locator('button:not(.close)').nth(2).waitFor({ timeout: 30_000 });
  assert.deepEqual((await documentNames(page)).sort(), [...names, ZH.sampleName].sort());
  assert.equal(await page.getByRole('alert').count(), 0, 'both files were read offline');
  for (const [name, report] of [[names[0], henan], [names[1], largest]]) {
    await tabs.getByRole('button', { name, exact: true }).click();
    await expectTitles(checklist(page), report.titles, name);
  }
  await shot(page, 'offline');

  await loadSample(page);
  await expectTitles(checklist(page), sample.titles, 'the sample, offline');

  const shared = await context.newPage();
  await shared.goto(link);
  await ready(shared);
  // The shared checklist, above the reports this browser keeps (the sample among them).
  await expectTitles(shared.locator('section.shared'), sample.titles, 'a share link, offline');

  const reached = env.server.requests.slice(served).map((r) => r.path);
  assert.deepEqual(reached, [], 'nothing reached the server while offline');
});

test('a new deployment is offered once it has installed, and taken when the user reloads; a tab of the old one left open still reads files', async (t) => {
  const { page, context } = await openInstalled(t);
  const banner = page.getByRole('status').filter({ hasText: ZH.updateReady });
  assert.equal(await banner.count(), 0, 'nothing to offer yet');
  const [before] = Object.keys(await cached(page));
  // A second tab of this deployment, which will not reload.
  const left = await context.newPage();
  await left.goto(page.url());
  await ready(left);

  // Deploy a changed build: a changed page, and so a service worker of a new version
  // (scripts/finish-dist.sh hashes every file into VERSION), whose ingest worker has
  // another name: the old worker's files are gone from the server.
  const index = join(DEPLOY, 'index.html');
  const page0 = readFileSync(index, 'utf8');
  const [, oldWorker] = page0.match(/name="report-lens:worker:ingest-worker" content="([^"]+)_loader\.js"/);
  const newWorker = 'ingest-worker-next';
  for (const suffix of ['.js', '_bg.wasm', '_loader.js']) {
    const body = readFileSync(join(DEPLOY, oldWorker + suffix));
    writeFileSync(join(DEPLOY, newWorker + suffix), suffix === '_loader.js' ? body.toString().replaceAll(oldWorker, newWorker) : body);
    rmSync(join(DEPLOY, oldWorker + suffix));
  }
  writeFileSync(index, page0.replaceAll(oldWorker, newWorker).replace('</head>', '<meta name="deployment" content="next" /></head>'));
  const sw = join(DEPLOY, 'sw.js');
  const worker = readFileSync(sw, 'utf8');
  assert.match(worker, /^const VERSION = '[0-9a-f]{16}';$/m);
  writeFileSync(sw, worker.replaceAll(oldWorker, newWorker).replace(/^const VERSION = '[0-9a-f]{16}';$/m, "const VERSION = 'next';"));

  // Opening the page again finds the new worker; the old one still serves this page.
  await inFront(page);
  await reload(page);
  await banner.waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('meta[name="deployment"]').count(), 0, 'still the old deployment');
  await shot(page, 'update-offered');

  await banner.getByRole('button', { name: ZH.updateReload }).click();
  await eventually(async () => (await page.locator('meta[name="deployment"]').count()) === 1, 15_000);
  await ready(page);
  assert.equal(await banner.count(), 0, 'the offer is gone');
  assert.deepEqual(Object.keys(await cached(page)), [before, 'report-lens-next'], 'the cache of the build before stays, for its open tabs');

  // The tab left on the old deployment still reads a dropped file with its own workers.
  const henan = await fixture('henan-approval-bureau-2022');
  await inFront(left);
  const dt = await dataTransfer(left, [{ name: 'henan.txt', text: henan.text }]);
  await dragOver(left, dt);
  await drop(left, dt);
  await expectTitles(checklist(left), henan.titles);
  assert.equal(await left.locator('meta[name="deployment"]').count(), 0, 'it is still the old deployment');
});
