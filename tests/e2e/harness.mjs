// Shared set-up for the end-to-end tests of the built page (dist/, from
// `trunk build index.html --release`) in Debian's Chromium, driven by Playwright
// (playwright-core, which never downloads a browser).
//
// Each test file calls `useBrowser()` once: it serves dist/ from a tiny static server
// on a free port of 127.0.0.1 (optionally under a sub-path) and launches one Chromium for
// the file. Each test then calls `open(t, ...)`, which makes a NEW browser context (so
// local storage, permissions and downloads start empty), opens the page and closes the
// context when the test ends, failing the test if the page threw an uncaught error.
//
// The page's accessible names are in `ZH` and `EN` (copied by hand from src/i18n.rs);
// expected checklist titles come from the hand-written tests/fixtures/*.expected.json.
// Screenshots land in target/e2e/ for a person to look at.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** The corpus reports as .docx, .html, .mht, GBK text and PDF (tests/formats/make_formats.py). */
export const FORMATS = join(ROOT, 'tests/formats');
export const SHOTS = join(ROOT, 'target/e2e');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The largest report of the corpus (27 KB, 35 headings, 9 items). */
export const LARGEST = 'jiangsu-gov-service-office-2022';
/** The report behind the 试用示例报告 button (index.html copies this file beside the page). */
export const SAMPLE = 'yongcheng-city-2021';

/** The page's words in Chinese, as src/i18n.rs has them. */
export const ZH = {
  lang: 'zh-CN',
  switchLanguage: 'English',
  paste: '粘贴报告全文',
  chooseFiles: /选择文件/,
  sourceFile: '来源文件',
  issuer: '报告单位',
  sample: '试用示例报告',
  sampleName: '示例：永城市2021年度法治政府建设报告.txt',
  pastedText: '粘贴的文本',
  addReport: '添加报告',
  openPaste: '粘贴文本',
  addTyped: '添加为报告',
  loadedReports: '已载入的报告',
  views: '视图',
  requiredParts: '必备内容',
  tabChecklist: '清单',
  tabText: '原文',
  tabOutline: '大纲',
  outline: '大纲',
  text: '原文',
  hideFurniture: '隐藏网页杂项',
  checklist: '下一年度工作清单',
  progress: (done, total) => `已完成 ${done} / ${total}`,
  showInText: '在原文中查看',
  fullText: '全文',
  note: '备注',
  edit: '编辑',
  save: '保存',
  cancel: '取消',
  itemTitle: '标题',
  itemText: '内容',
  owner: '责任人',
  deadline: '期限',
  noteText: '说明',
  delete: '删除',
  undo: '撤销',
  deleted: (title) => `已删除“${title}”。`,
  moveUp: '上移',
  moveDown: '下移',
  addItem: '添加事项',
  add: '添加',
  markdown: 'Markdown',
  csv: 'CSV（Excel）',
  json: 'JSON',
  copy: '复制清单',
  copied: '已复制到剪贴板。',
  print: '打印',
  share: '分享链接',
  shareLink: '分享链接（清单在链接中，不经过服务器）',
  shareCopied: '分享链接已复制到剪贴板。',
  sharedBanner: '这是别人分享的清单，只读显示。',
  makeCopy: '保存为我的可编辑副本',
  closeShared: '关闭分享的清单',
  shareBroken: '这个分享链接已损坏或不完整，无法打开。请向分享人重新索取链接。',
  shareFuture: '这个分享链接来自更新版本的 report-lens，当前页面无法读取。请刷新页面后再试。',
  csvHeaders: ['报告', '所属部分', '标题', '内容', '目标', '具体程度', '状态', '责任人', '期限', '备注', '报告单位', '计划年度', '文件', '要点'],
  done: '已完成',
  open: '未完成',
  updateReady: 'report-lens 有新版本。重新载入即可使用；保存的清单不受影响。',
  updateReload: '重新载入',
};

/** The English words the tests look for. */
export const EN = {
  lang: 'en',
  switchLanguage: '中文',
  paste: "Paste the report's text",
  sample: 'Try a sample report',
  addReport: 'Add reports',
  openPaste: 'Paste text',
  checklist: 'Checklist for next year',
  outline: 'Outline',
  text: 'Text',
  hideFurniture: 'Hide web-page furniture',
  progress: (done, total) => `${done} of ${total} done`,
  edit: 'Edit',
  copy: 'Copy checklist',
  share: 'Share link',
};

// ---------------------------------------------------------------------------------------
// Server and browser

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` as plain static files under `prefix` (which starts and ends with `/`) on a
 * free port of 127.0.0.1. Anything outside the prefix is a 404. Every request is logged
 * in `requests` as { path, status }.
 */
export function serve(dir, prefix = '/') {
  const requests = [];
  return new Promise((ok) => {
    const server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let status = 404;
      let body;
      let type;
      if (path.startsWith(prefix)) {
        const rel = normalize(path.slice(prefix.length - 1));
        const file = join(dir, rel.endsWith('/') ? join(rel, 'index.html') : rel);
        try {
          body = await readFile(file);
          status = 200;
          type = TYPES[extname(file)] ?? 'application/octet-stream';
        } catch {
          // 404
        }
      }
      requests.push({ path, status });
      if (status === 200) {
        res.writeHead(200, { 'content-type': type }).end(body);
      } else {
        res.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1', () => {
      ok({
        url: `http://127.0.0.1:${server.address().port}${prefix}`,
        requests,
        close: () =>
          new Promise((done) => {
            if (!server.listening) return done();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** What `useBrowser` set up for the current test file. */
export const env = { server: undefined, browser: undefined, url: undefined };

/**
 * Serves `dir` (dist/ by default, under `prefix`) and launches Chromium before the file's
 * tests; stops both after them. Call once, at the top of a test file.
 */
export function useBrowser({ prefix = '/', dir = DIST } = {}) {
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    env.server = await serve(dir, prefix);
    env.url = env.server.url;
    env.browser = await chromium.launch({
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
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A new browser context (empty local storage) with one page on the report-lens page.
 * `t` is the node:test context: the browser context is closed when the test ends, and
 * the test fails if the page threw an uncaught error or logged a console error.
 *
 * Options: viewport, permissions (e.g. ['clipboard-read', 'clipboard-write']), url (a
 * full address, e.g. a share link; the served page by default), init (a function run
 * in every page of the context before its own scripts, e.g. to make storage refuse) and
 * serviceWorkers: 'block' by default, so that every test but the offline ones sees the
 * page as served and can intercept its requests; 'allow' lets the page install its
 * service worker. With app: false, `url` is another page than report-lens (the API's
 * example), which is not waited for. Returns
 * { page, context, errors, loadMs }, loadMs being navigation start → page ready.
 */
export async function open(
  t,
  { viewport = DESKTOP, permissions = [], url = env.url, init, serviceWorkers = 'block', app = true } = {},
) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true, serviceWorkers });
  if (init) await context.addInitScript(init);
  if (permissions.length) {
    await context.grantPermissions(permissions, { origin: new URL(env.url).origin });
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'the page threw no errors');
  });
  const start = performance.now();
  await page.goto(url);
  if (app) await ready(page);
  return { page, context, errors, loadMs: since(start) };
}

/**
 * Brings `page` to the front of its browser window, as a user does with the tab they work
 * in. Chromium draws a tab behind another about once a second, so clicks in it, which wait
 * for the element to stay still over two frames, would time out.
 */
export async function inFront(page) {
  await page.bringToFront();
}

/** Reloads the page and waits until it is ready again. */
export async function reload(page) {
  await page.reload();
  await ready(page);
}

/** Waits until the Yew app has rendered its page (its header and main region). */
export async function ready(page) {
  await page.getByRole('main').locator('.input-panel, .input-bar').first().waitFor();
}

// ---------------------------------------------------------------------------------------
// Fixtures

/** A corpus report: its text, path, hand-written expectation and expected item titles. */
export async function fixture(name) {
  const path = join(FIXTURES, `${name}.txt`);
  const text = await readFile(path, 'utf8');
  const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
  return { name, path, text, expected, titles: expected.commitments.map((c) => c.title) };
}

/**
 * A file on disk as a file-chooser payload ({ name, mimeType, buffer }), so that it can be
 * picked together with files made in the test (Playwright cannot mix paths and buffers).
 */
export async function upload(path, mimeType = 'application/octet-stream') {
  return { name: basename(path), mimeType, buffer: await readFile(path) };
}

// ---------------------------------------------------------------------------------------
// The page

/** The value of a fact in the band above the text (e.g. 来源文件), or null. */
export async function fact(page, label) {
  const row = page.locator('.meta-band .facts > div').filter({ has: page.getByRole('term').getByText(label, { exact: true }) });
  return (await row.count()) ? row.getByRole('definition').textContent() : null;
}

/** The checklist panel (a region named by its heading). */
export function checklist(page, words = ZH) {
  return page.getByRole('region', { name: words.checklist });
}

/** The checklist's item checkboxes (not the text view's 隐藏网页杂项 switch). */
export function itemBoxes(page, words = ZH) {
  return checklist(page, words).getByRole('checkbox');
}

/** The checklist row (list item) whose checkbox is named `title`. */
export function item(scope, title) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope
    .locator('li.item')
    .filter({ has: page.getByRole('checkbox', { name: title, exact: true }) });
}

/** Describes the focused element: tag, accessible label, and its computed outline. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      label: el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent.trim() ?? el.textContent.trim().slice(0, 40),
      inChecklist: Boolean(el.closest('.checklist')),
      inEditForm: Boolean(el.closest('form.edit-form')),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until `wanted(focused)` holds; returns the focused
 * element's description. Fails after `limit` presses.
 */
export async function tabUntil(page, key, wanted, limit = 120) {
  const trail = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (wanted(f)) return f;
    trail.push(`${f.tag} ${f.label}`);
  }
  throw new Error(`${limit} presses of ${key} never reached the element wanted; last: ${trail.slice(-5).join(' | ')}`);
}

/** The checklist's item titles, in order, as shown. */
export function itemTitles(scope) {
  return scope.locator('li.item .item-title').allTextContents();
}

/** Waits until the checklist in `scope` shows exactly `titles`, and returns them. */
export async function expectTitles(scope, titles, message) {
  let last;
  await eventually(async () => {
    last = await itemTitles(scope);
    return JSON.stringify(last) === JSON.stringify(titles);
  }, 10_000).catch(() => {});
  assert.deepEqual(last, titles, message);
  return last;
}

/** Opens the input panel where it is folded into its 添加报告 bar (a report is loaded). */
export async function openInput(page) {
  const bar = page.getByRole('region', { name: ZH.addReport }).getByRole('button', { name: ZH.openPaste, exact: true });
  if (await bar.isVisible()) await bar.click();
}

/**
 * Does `act` in the input panel, opened first; again if the panel folded meanwhile (the
 * reports kept in the browser came back just then).
 */
async function inInput(page, act) {
  await eventually(async () => {
    await openInput(page);
    return act().then(() => true, () => false);
  }, 15_000);
}

/** Clicks 试用示例报告 (opening the input panel first) and waits for the sample's checklist. */
export async function loadSample(page, titles) {
  await inInput(page, () => page.getByRole('button', { name: ZH.sample }).click({ timeout: 1_000 }));
  await itemBoxes(page).first().waitFor();
  if (titles) await expectTitles(checklist(page), titles);
}

/** Types (fills) `text` into the paste box (opening the input panel first) and adds it
 * as a report with 添加为报告. */
export async function paste(page, text) {
  await inInput(page, () => page.getByRole('textbox', { name: ZH.paste }).fill(text, { timeout: 1_000 }));
  await page.getByRole('button', { name: ZH.addTyped, exact: true }).click();
}

/** The loaded-documents tabs (only shown with two or more documents). */
export function documentTabs(page) {
  return page.getByRole('navigation', { name: ZH.loadedReports });
}

/** The names on the document tabs, in order (without their × close buttons). */
export function documentNames(page) {
  return documentTabs(page).locator('button:not(.close)').allTextContents();
}

/**
 * A DataTransfer in the page holding `files` ({ name, text } or { name, bytes }), as a
 * person dragging files from their desktop would produce.
 */
export async function dataTransfer(page, files) {
  return page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type ?? 'text/plain' }));
    }
    return dt;
  }, files.map((f) => ({ ...f, bytes: f.bytes ? [...f.bytes] : undefined })));
}

/** Drags `dt` over `selector` (dragenter + dragover), as the pointer enters the page. */
export async function dragOver(page, dt, selector = 'main') {
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
}

/** Drops `dt` on `selector`. */
export async function drop(page, dt, selector = 'main') {
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

/** Clicks the button named `name` and returns the download: { name, bytes, text }. */
export async function download(page, name, scope = page) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name, exact: true }).click(),
  ]);
  const bytes = await readFile(await dl.path());
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Clicks 分享链接 and returns the link from the read-only field that appears. */
export async function shareLink(page, scope = checklist(page)) {
  await scope.getByRole('button', { name: ZH.share, exact: true }).click();
  const field = scope.getByRole('textbox', { name: ZH.shareLink });
  await field.waitFor();
  assert.equal(await field.isEditable(), false, 'the share link field is read-only');
  return field.inputValue();
}

/** Whether `locator`'s element lies wholly inside the window. */
export function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

/** Waits until `locator`'s element is wholly inside the window (smooth scrolling ends). */
export async function expectInViewport(locator, message, timeout = 5_000) {
  const ok = await eventually(() => inViewport(locator), timeout).then(() => true, () => false);
  assert.ok(ok, message);
}

/** Saves a screenshot as target/e2e/<name>.png. */
export async function shot(page, name, options = {}) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

// ---------------------------------------------------------------------------------------
// Small tools

/** Polls `check` until it returns something truthy; rejects after `timeout` ms. */
export async function eventually(check, timeout = 5_000, interval = 50) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`still false after ${timeout} ms: ${check}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF, newlines in fields). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Milliseconds since `start` (from performance.now()), rounded. */
export function since(start) {
  return Math.round(performance.now() - start);
}
