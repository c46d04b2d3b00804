// End-to-end tests of the built page (dist/, from `trunk build --release`) in Debian's
// Chromium, driven by Playwright (playwright-core, which never downloads a browser).
// Each test uses real input: typing into the paste box, a file chosen in the file input,
// a drop event carrying a DataTransfer with a File, a click on the sample button. The
// expected checklist titles come from the hand-written tests/fixtures/*.expected.json.
// Screenshots are saved in target/e2e/ for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests/fixtures');
const SHOTS = join(ROOT, 'target/e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

let server;
let baseUrl;
let browser;

/** Serves dist/ as plain static files on a free port of 127.0.0.1. */
function serveDist() {
  return new Promise((ok) => {
    const srv = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
      const file = join(DIST, path.endsWith('/') ? join(path, 'index.html') : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    srv.listen(0, '127.0.0.1', () => ok(srv));
  });
}

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serveDist();
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function fixture(name) {
  const text = await readFile(join(FIXTURES, `${name}.txt`), 'utf8');
  const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
  return { text, titles: expected.commitments.map((c) => c.title) };
}

async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: '粘贴报告全文' }).waitFor();
  return { page, errors, close: () => context.close() };
}

async function checkboxTitles(page, count) {
  const boxes = page.getByRole('checkbox');
  await assert.doesNotReject(() => boxes.nth(count - 1).waitFor());
  assert.equal(await boxes.count(), count);
  return page.locator('.checklist label').allTextContents();
}

test('pasting a report lists its commitments as labelled checkboxes', async () => {
  const { text, titles } = await fixture('jiangsu-gov-service-office-2022');
  const { page, errors, close } = await openPage();
  await page.getByRole('textbox', { name: '粘贴报告全文' }).fill(text);
  assert.deepEqual(await checkboxTitles(page, titles.length), titles);
  assert.equal(titles.length, 9);
  await page.screenshot({ path: join(SHOTS, 'paste.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a file chosen in the file picker is read and analysed', async () => {
  const { titles } = await fixture('henan-approval-bureau-2022');
  const { page, errors, close } = await openPage();
  await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'henan-approval-bureau-2022.txt'));
  assert.deepEqual(await checkboxTitles(page, titles.length), titles);
  assert.deepEqual(titles, ['加强组织领导', '完善工作机制', '提高法制审核水平']);
  await page.screenshot({ path: join(SHOTS, 'upload.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a file dropped anywhere on the page is read and analysed', async () => {
  const { text, titles } = await fixture('liaoning-business-env-bureau-2022');
  const { page, errors, close } = await openPage();
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'liaoning.txt', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('header', 'dragover', { dataTransfer });
  assert.ok(await page.locator('.page.dragging').isVisible(), 'the page shows it will take the drop');
  await page.screenshot({ path: join(SHOTS, 'dragging.png') });
  await page.dispatchEvent('header', 'drop', { dataTransfer });
  assert.deepEqual(await checkboxTitles(page, titles.length), titles);
  assert.equal(await page.locator('.page.dragging').count(), 0);
  await page.screenshot({ path: join(SHOTS, 'drop.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('the bundled sample loads with one click, and ticking counts progress', async () => {
  const { titles } = await fixture('yongcheng-city-2021');
  const { page, errors, close } = await openPage({ width: 390, height: 844 });
  await page.getByRole('button', { name: '试用示例报告' }).click();
  assert.deepEqual(await checkboxTitles(page, titles.length), titles);
  await page.getByRole('checkbox', { name: titles[1] }).check();
  assert.equal(await page.locator('.progress').textContent(), `已完成 1 / ${titles.length}`);
  await page.screenshot({ path: join(SHOTS, 'sample-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('an unreadable file gets a message naming it, and nothing loaded is lost', async () => {
  const { page, errors, close } = await openPage();
  await page.getByRole('button', { name: '试用示例报告' }).click();
  await checkboxTitles(page, 5);
  await page.getByRole('textbox', { name: '粘贴报告全文' }).fill('我的笔记');
  await page.locator('input[type=file]').setInputFiles([
    { name: '年度报告.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
    { name: 'gbk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xb9, 0xfa, 0xbc, 0xd2]) },
  ]);
  const alert = page.getByRole('alert');
  await alert.getByText('gbk.txt').waitFor();
  const message = await alert.textContent();
  assert.match(message, /年度报告\.doc/);
  assert.match(message, /UTF-8/);
  assert.equal(await page.getByRole('textbox', { name: '粘贴报告全文' }).inputValue(), '我的笔记');
  const tabs = page.getByRole('navigation', { name: '已载入的报告' }).getByRole('button');
  assert.deepEqual(await tabs.allTextContents(), ['示例：永城市2021年度法治政府建设报告.txt', '粘贴的文本']);
  await page.screenshot({ path: join(SHOTS, 'bad-file.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});
