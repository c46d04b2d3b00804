// The page as a whole: the English switch, hosting under a sub-path, the phone layout's
// tabs, and a tour of every main screen at desktop and phone width whose screenshots
// (target/e2e/<screen>-desktop.png, <screen>-phone.png) are for a person to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useBrowser, open, serve, fixture, loadSample, reload, checklist, itemBoxes, expectTitles, paste, fact,
  item, shareLink, expectInViewport, shot, env, DIST, FORMATS, DESKTOP, PHONE, ZH, EN, SAMPLE, LARGEST,
} from './harness.mjs';

useBrowser();

const sample = await fixture(SAMPLE);
const [FIRST, , THIRD] = sample.titles;
const HAN = /[\u3400-\u9fff]/;

test('the English switch changes the words and <html lang>, and the choice survives a reload', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const html = page.locator('html');
  assert.equal(await html.getAttribute('lang'), 'zh-CN');
  await page.getByRole('button', { name: ZH.switchLanguage, exact: true }).click();

  const english = async () => {
    await page.getByRole('button', { name: EN.switchLanguage, exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: ZH.switchLanguage, exact: true }).count(), 0);
    assert.equal(await html.getAttribute('lang'), 'en');
    await page.getByRole('heading', { level: 1, name: 'report-lens', exact: true }).waitFor();
    await page.getByRole('region', { name: EN.addReport }).getByRole('button', { name: EN.openPaste, exact: true }).waitFor();
  };
  await english();
  const list = checklist(page, EN);
  await expectTitles(list, sample.titles, 'the report itself is not translated');
  await list.getByText(EN.progress(0, 5)).waitFor();
  await list.getByRole('button', { name: `${EN.edit}: ${FIRST}` }).waitFor();
  await list.getByRole('button', { name: EN.copy }).waitFor();
  await page.getByRole('region', { name: EN.text }).getByRole('checkbox', { name: EN.hideFurniture }).waitFor();
  await page.getByRole('navigation', { name: EN.outline }).waitFor();
  // No Chinese is left in the page's own words (the report's words are another matter).
  const chrome = [
    'header h1', '.input-bar', '.facts dt', '.parts li', '.text-tools', '.legend',
    '.export-bar', '.progress', '.item-actions', '.add-item', '#outline-title', '#checklist-title',
  ];
  for (const selector of chrome) {
    for (const text of await page.locator(selector).allInnerTexts()) {
      assert.doesNotMatch(text, HAN, `${selector} is in English: ${text}`);
    }
  }
  await shot(page, 'english', { fullPage: false });

  await reload(page);
  await english();
  await page.getByRole('button', { name: EN.openPaste, exact: true }).click();
  for (const selector of ['.input-panel']) {
    for (const text of await page.locator(selector).allInnerTexts()) {
      assert.doesNotMatch(text, HAN, `${selector} is in English: ${text}`);
    }
  }
  await page.getByRole('button', { name: EN.sample }).click();
  await expectTitles(checklist(page, EN), sample.titles);

  // And back to Chinese, which also sticks.
  await page.getByRole('button', { name: EN.switchLanguage, exact: true }).click();
  await page.getByRole('button', { name: ZH.switchLanguage, exact: true }).waitFor();
  assert.equal(await html.getAttribute('lang'), 'zh-CN');
  await reload(page);
  await page.getByRole('region', { name: ZH.addReport }).getByRole('button', { name: ZH.openPaste, exact: true }).waitFor();
  assert.equal(await html.getAttribute('lang'), 'zh-CN');
});

test('the page works when dist/ is served under a sub-path', async (t) => {
  const prefix = '/some/sub/path/';
  const sub = await serve(DIST, prefix);
  const { page } = await open(t, { url: sub.url });
  await loadSample(page, sample.titles);
  // A Word file is read by the web worker, whose script must also come from the sub-path.
  const henan = await fixture('henan-approval-bureau-2022');
  await page.getByLabel(ZH.chooseFiles).setInputFiles(join(FORMATS, 'henan-approval-bureau-2022.docx'));
  await expectTitles(checklist(page), henan.titles);
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${sub.url}#share=1.`), link.slice(0, 60));

  const other = await open(t, { url: link });
  await expectTitles(checklist(other.page), henan.titles);
  // Closed after the pages (hooks run in order): a page may still be starting a worker.
  t.after(() => sub.close());

  assert.ok(sub.requests.length >= 4, 'the page, its script, its wasm and its styles');
  for (const r of sub.requests) {
    assert.ok(r.path.startsWith(prefix), `${r.path} is under ${prefix}`);
    assert.equal(r.status, 200, `${r.path} was found`);
  }
  const kinds = sub.requests.map((r) => r.path.split('.').pop());
  for (const kind of ['js', 'wasm', 'css']) assert.ok(kinds.includes(kind), `a .${kind} was loaded`);
  assert.ok(sub.requests.some((r) => r.path.includes('ingest-worker')), 'the worker was loaded from the sub-path');
});

test('at phone width the tabs 清单, 原文 and 大纲 switch between the panes', async (t) => {
  const { page } = await open(t, { viewport: PHONE });
  await loadSample(page, sample.titles);
  const tabs = page.getByRole('navigation', { name: ZH.views });
  const tab = (name) => tabs.getByRole('button', { name, exact: true });
  const panes = {
    [ZH.tabChecklist]: checklist(page),
    [ZH.tabText]: page.getByRole('region', { name: ZH.text }),
    [ZH.tabOutline]: page.getByRole('navigation', { name: ZH.outline }),
  };
  const showing = async (which) => {
    for (const [name, pane] of Object.entries(panes)) {
      assert.equal(await pane.isVisible(), name === which, `${name} pane ${name === which ? 'shown' : 'hidden'}`);
      assert.equal(await tab(name).getAttribute('aria-pressed'), String(name === which), `${name} tab state`);
    }
  };
  await showing(ZH.tabChecklist);
  for (const name of [ZH.tabText, ZH.tabOutline, ZH.tabChecklist, ZH.tabOutline]) {
    await tab(name).click();
    await showing(name);
  }
  // The panes fit the phone: nothing sticks out sideways.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);

  // A heading in the outline opens the text at that heading.
  await panes[ZH.tabOutline].getByRole('button', { name: '三、下步打算', exact: true }).click();
  await showing(ZH.tabText);
  await expectInViewport(panes[ZH.tabText].getByRole('heading', { name: '三、下步打算' }), 'the heading is scrolled into view');

  // 在原文中查看 opens the text at the item.
  await tab(ZH.tabChecklist).click();
  await checklist(page).getByRole('button', { name: `${ZH.showInText}：${THIRD}` }).click();
  await showing(ZH.tabText);
  await expectInViewport(page.locator('mark.focus').first(), 'the item is scrolled into view');
});

test('a part the genre does not require is not coloured like a present part', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const parts = page.getByRole('list', { name: ZH.requiredParts });
  const colour = (text) => parts.getByRole('listitem').filter({ hasText: text }).locator('.status').evaluate((el) => getComputedStyle(el).color);
  const present = await colour('已有主要举措和成效');
  const absent = await colour('未涉及其他需要报告的情况');
  assert.notEqual(absent, present, `未涉及 ${absent} vs 已有 ${present}`);
});

for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`at ${size} width the facts band says what to check and shows the line each fact came from`, async (t) => {
    const { page } = await open(t, { viewport });
    const national = await fixture('national-2000');
    await paste(page, national.text);
    const warnings = page.getByRole('list', { name: '请核对' });
    await warnings.getByRole('listitem').filter({ hasText: '没有标题点明工作安排：取工作回顾之后的各部分。' }).waitFor();
    assert.equal(await fact(page, '报告年度'), String(national.expected.report_year));

    const delivery = '报告时间行：——2000年3月5日在第九届全国人民代表大会第三次会议上';
    const year = page.locator('.meta-band .facts > div').filter({ has: page.getByRole('term').getByText('报告年度', { exact: true }) });
    assert.match(await year.getByRole('definition').getAttribute('title'), new RegExp(delivery), 'the line on hover');
    const lines = year.locator('details.evidence li');
    assert.equal(await lines.first().isVisible(), false, 'closed until asked');
    await year.getByText('出处', { exact: true }).click();
    await year.getByRole('listitem').filter({ hasText: delivery }).waitFor();
    await year.getByRole('listitem').filter({ hasText: '工作回顾标题：一、1999年国内工作回顾' }).waitFor();
    const title = await page.locator('#report-title').getAttribute('title');
    assert.equal(title, national.expected.title, 'the title line, on hover');
    if (size === 'phone') {
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'nothing wider than the phone');
    }
    await page.locator('.meta-band').scrollIntoViewIfNeeded();
    await shot(page, `facts-evidence-${size}`);
  });

  test(`a tour of the main screens at ${size} width, with screenshots`, async (t) => {
    const { page } = await open(t, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    const top = () => page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await shot(page, `empty-${size}`);

    await page.getByLabel(ZH.chooseFiles).setInputFiles([
      { name: '年度报告.doc', mimeType: 'application/msword', buffer: Buffer.from('d0cf11e0a1b11ae1', 'hex') },
      { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await page.getByRole('alert').getByText('空白.txt').waitFor();
    await page.getByRole('alert').getByText('年度报告.doc').waitFor();
    await shot(page, `error-${size}`);

    await loadSample(page, sample.titles);
    await page.getByRole('list', { name: ZH.requiredParts }).scrollIntoViewIfNeeded();
    await shot(page, `loaded-${size}`);

    await checklist(page).getByRole('button', { name: `${ZH.showInText}：${THIRD}` }).click();
    await expectInViewport(page.locator('mark.focus').first(), 'the item is in view');
    await shot(page, `focus-${size}`);

    if (size === 'phone') {
      await page.getByRole('navigation', { name: ZH.views }).getByRole('button', { name: ZH.tabChecklist }).click();
    }
    await checklist(page).getByRole('button', { name: `${ZH.edit}：${FIRST}` }).click();
    const form = item(checklist(page), FIRST).locator('form');
    await form.getByRole('textbox', { name: ZH.owner }).fill('市政府办公室');
    await form.getByRole('button', { name: ZH.save }).scrollIntoViewIfNeeded();
    await shot(page, `edit-${size}`);
    await form.getByRole('button', { name: ZH.save }).click();
    await checklist(page).getByRole('checkbox', { name: FIRST }).check();

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('textbox', { name: ZH.paste }).isVisible(), false);
    assert.ok(await checklist(page).isVisible());
    await shot(page, `print-${size}`, { fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const link = await shareLink(page);
    const other = await open(t, { viewport, url: link });
    await expectTitles(checklist(other.page), sample.titles);
    assert.equal(await itemBoxes(other.page).first().isChecked(), true);
    await other.page.locator('section.shared').scrollIntoViewIfNeeded();
    await shot(other.page, `shared-${size}`);

    await top();
    await page.getByRole('button', { name: ZH.switchLanguage, exact: true }).click();
    await checklist(page, EN).waitFor();
    await shot(page, `english-${size}`);
  });
}

test('speed in the browser, measured: a 40-page text analysed and drawn, a tick re-rendered, a scroll', async (t) => {
  // All five real reports in one text: about 80 KB, some forty printed pages.
  const texts = await Promise.all(
    ['bazhong-data-bureau-2022', 'henan-approval-bureau-2022', LARGEST, 'liaoning-business-env-bureau-2022', SAMPLE]
      .map(async (name) => (await fixture(name)).text),
  );
  const big = texts.join('\n');
  const { page } = await open(t);
  const lines = big.split(/\r\n|\r|\n/).filter((l) => l.trim()).length;
  // The text arrives as one paste event into the empty box, as Ctrl+V gives it; the time
  // is taken inside the page, up to the second frame after every line is drawn.
  const drawn = await page.evaluate(async ([text, lines]) => {
    const box = document.querySelector('#paste-box');
    // A frame, or a tenth of a second if none comes; the wait gives up after 60 s, so
    // that a text never drawn fails the count below instead of hanging the suite.
    const frame = () => new Promise((done) => {
      requestAnimationFrame(done);
      setTimeout(done, 100);
    });
    const start = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const drawn = () => document.querySelectorAll('.report-text > *').length >= lines;
    while (!drawn() && performance.now() - start < 60_000) await frame();
    await frame();
    await frame();
    return Math.round(performance.now() - start);
  }, [big, lines]);
  const blocks = await page.locator('.report-text > *').count();
  assert.equal(blocks, lines, 'every line of the text is drawn');
  const ticked = await page.evaluate(async () => {
    const box = document.querySelector('.pane-checklist input[type=checkbox]');
    const start = performance.now();
    box.click();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return Math.round(performance.now() - start);
  });
  await checklist(page).getByText(ZH.progress(1, await checklist(page).getByRole('checkbox').count())).waitFor();
  const scrolled = await page.evaluate(async () => {
    const start = performance.now();
    for (let y = 0; y < 20000; y += 500) {
      window.scrollTo(0, y);
      await new Promise((done) => requestAnimationFrame(done));
    }
    return Math.round((performance.now() - start) / 40);
  });
  console.log(
    `# TIMING ${Math.round(new TextEncoder().encode(big).length / 1024)} KB, ${blocks} blocks: input → drawn ${drawn} ms; ` +
      `tick → redrawn ${ticked} ms; scrolling ${scrolled} ms per frame`,
  );
});

test('a browser that cannot run WebAssembly SIMD is told so, not shown a blank page', async (t) => {
  const { page: able } = await open(t);
  assert.equal(await able.locator('.unsupported').count(), 0, 'a browser that runs it is told nothing');

  // A browser without SIMD: it finds the check's module invalid and cannot compile the
  // page's. (Its errors are what such a browser would print; the harness's check for
  // errors is not used here.)
  const context = await env.browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('SIMD is not supported'));
    WebAssembly.validate = () => false;
    for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) WebAssembly[name] = refuse;
  });
  const page = await context.newPage();
  await page.goto(env.url);
  const alert = page.getByRole('alert');
  await alert.getByText(/^这个浏览器无法运行 report-lens/).waitFor();
  assert.match(await alert.textContent(), /This browser cannot run report-lens: it needs one that runs WebAssembly SIMD/);
  await shot(page, 'unsupported');
});
