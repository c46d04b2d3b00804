// Getting reports in: the first visit, the sample button, a real paste (Ctrl+V from the
// clipboard), the file chooser with several files at once, a drop anywhere on the page,
// files in every format read (Word, web pages, MHT, PDF, GBK text), and files that cannot
// be used. Expected titles come from tests/fixtures/*.expected.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  useBrowser, open, reload, fixture, loadSample, openInput, checklist, itemBoxes, expectTitles,
  documentTabs, documentNames, dataTransfer, dragOver, drop, fact, shot, since, ZH, LARGEST, SAMPLE,
  FORMATS, FIXTURES, upload, itemTitles,
} from './harness.mjs';

useBrowser();

test('the first visit shows only the way in: lead, file chooser, sample, paste box', async (t) => {
  const { page } = await open(t);
  assert.equal(await page.title(), 'report-lens 报告透视');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByRole('heading', { level: 1, name: 'report-lens 报告透视' }).waitFor();
  assert.ok(await page.getByText('所有内容只在本机浏览器中处理，不会上传').isVisible());
  assert.ok(await page.getByText('选择文件', { exact: true }).isVisible());
  assert.ok(await page.getByRole('button', { name: ZH.sample }).isVisible());
  const box = page.getByRole('textbox', { name: ZH.paste });
  assert.equal(await box.inputValue(), '');
  assert.equal(await box.getAttribute('placeholder'), '在此粘贴报告全文……');
  // Nothing loaded yet: no checklist, text, outline, document tabs or messages.
  assert.equal(await checklist(page).count(), 0);
  assert.equal(await page.getByRole('region', { name: ZH.text }).count(), 0);
  assert.equal(await page.getByRole('navigation').count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await page.getByText('松开鼠标以打开文件').isVisible(), false, 'no drop overlay');
  await shot(page, 'first-visit', { fullPage: true });
});

test('the sample loads with one click (timed)', async (t) => {
  const { titles, expected } = await fixture(SAMPLE);
  const { page, loadMs } = await open(t);
  const start = performance.now();
  await page.getByRole('button', { name: ZH.sample }).click();
  await itemBoxes(page).nth(titles.length - 1).waitFor();
  const clickMs = since(start);
  console.log(`TIMING navigation → page ready: ${loadMs} ms; sample click → checkboxes visible: ${clickMs} ms`);
  await expectTitles(checklist(page), titles);
  assert.equal(await itemBoxes(page).count(), 5);
  const vague = expected.commitments.filter((c) => !c.concrete).length;
  assert.equal(await checklist(page).getByText('笼统', { exact: true }).count(), vague, 'the vague items are marked');
  assert.equal(await page.getByRole('heading', { level: 2, name: expected.title }).count(), 1);
  assert.equal(await checklist(page).getByText(ZH.progress(0, 5)).count(), 1);
  assert.equal(await checklist(page).getByText('来自：下步打算').count(), 1);
  // The sample is a document like any other; the input panel folds into its bar, so the
  // results are on the first screen.
  const bar = page.getByRole('region', { name: ZH.addReport });
  assert.equal(await bar.locator('.input-bar').count() + await page.locator('section.input-bar').count(), 1);
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).count(), 0, 'no paste box until asked for');
  assert.ok(await bar.getByText('选择文件', { exact: true }).isVisible(), 'files can be chosen from the bar');
  assert.equal(await documentTabs(page).count(), 0, 'one document needs no tabs');
});

test('each report pasted with Ctrl+V is a report of its own, named by its title; typed text waits to be added; nothing in the box removes a report', async (t) => {
  const { text, titles, expected } = await fixture(LARGEST);
  const henan = await fixture('henan-approval-bureau-2022');
  const { page } = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  const pasteFromClipboard = async (text) => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), text);
    await openInput(page);
    await page.getByRole('textbox', { name: ZH.paste }).click();
    await page.keyboard.press('Control+V');
  };
  await pasteFromClipboard(text);
  await expectTitles(checklist(page), titles);
  assert.equal(titles.length, 9);
  await page.getByRole('heading', { level: 2, name: expected.title }).waitFor();
  const outline = page.getByRole('navigation', { name: ZH.outline }).getByRole('listitem');
  assert.equal(await outline.count(), expected.outline.length, 'one outline entry per heading');
  assert.equal(await outline.count(), 35);
  // The panel folded into its bar: the results are on the first screen.
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).count(), 0, 'the panel folded');
  const firstItem = await itemBoxes(page).first().boundingBox();
  const screen = page.viewportSize().height;
  assert.ok(firstItem.y < screen, `the checklist starts on the first screen (at ${firstItem.y} of ${screen})`);
  await shot(page, 'pasted');

  // A second paste is added beside the first, named by its title.
  await pasteFromClipboard(henan.text);
  await expectTitles(checklist(page), henan.titles);
  assert.deepEqual(await documentNames(page), [expected.title, henan.expected.title]);

  // Typed text is a draft: no report until it is added, kept over a reload.
  await openInput(page);
  const box = page.getByRole('textbox', { name: ZH.paste });
  await box.click();
  await page.keyboard.type('市政府关于某项工作的说明');
  const add = page.getByRole('button', { name: ZH.addTyped, exact: true });
  assert.equal(await add.isEnabled(), true);
  assert.equal((await documentNames(page)).length, 2, 'typing adds no report');
  await page.waitForTimeout(400); // the draft is kept once typing pauses (300 ms)
  await reload(page);
  await documentTabs(page).getByRole('button', { name: henan.expected.title, exact: true }).waitFor();
  assert.deepEqual(await documentNames(page), [expected.title, henan.expected.title], 'both pastes are kept');
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).inputValue(), '市政府关于某项工作的说明', 'the draft is back, in an open panel');
  await shot(page, 'draft-kept');
  // Emptying the box removes nothing; adding the draft adds a report named by its first line.
  await page.getByRole('textbox', { name: ZH.paste }).fill('');
  assert.equal((await documentNames(page)).length, 2);
  await page.getByRole('textbox', { name: ZH.paste }).fill('某县2025年工作情况\n一、主要工作\n推进各项工作。');
  await add.click();
  await documentTabs(page).getByRole('button', { name: '某县2025年工作情况', exact: true }).waitFor();
  assert.equal((await documentNames(page)).length, 3);
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).count(), 0, 'the panel folded again');
  await reload(page);
  await documentTabs(page).getByRole('button', { name: '某县2025年工作情况', exact: true }).waitFor();
  assert.equal((await documentNames(page)).length, 3, 'the added draft is kept, and the draft is gone');
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).count(), 0);
});

test('several files chosen at once become document tabs to switch between', async (t) => {
  const henan = await fixture('henan-approval-bureau-2022');
  const liaoning = await fixture('liaoning-business-env-bureau-2022');
  const { page } = await open(t);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('选择文件', { exact: true }).click(),
  ]);
  assert.equal(chooser.isMultiple(), true, 'the file chooser takes several files');
  await chooser.setFiles([henan.path, liaoning.path]);

  const tabs = documentTabs(page);
  await tabs.waitFor();
  const names = ['henan-approval-bureau-2022.txt', 'liaoning-business-env-bureau-2022.txt'];
  await tabs.getByRole('button', { name: names[1], exact: true }).waitFor();
  // The files are read in parallel; the tab order may follow reading order.
  assert.deepEqual((await documentNames(page)).sort(), names);
  assert.equal(await tabs.getByRole('button', { name: /^关闭：/ }).count(), 2, 'each tab can be closed');

  for (const [name, report] of [[names[0], henan], [names[1], liaoning], [names[0], henan]]) {
    const tab = tabs.getByRole('button', { name, exact: true });
    await tab.click();
    assert.equal(await tab.getAttribute('aria-pressed'), 'true');
    await expectTitles(checklist(page), report.titles, `the checklist of ${name}`);
    await page.getByRole('heading', { level: 2, name: report.expected.title }).waitFor();
  }
  await shot(page, 'two-files', { fullPage: false });

  // Closing one leaves the other, and the tabs go away with one document left.
  await tabs.getByRole('button', { name: `关闭：${names[0]}` }).click();
  await expectTitles(checklist(page), liaoning.titles);
  assert.equal(await documentTabs(page).count(), 0);
});

test('a file dropped anywhere on the page is read; the page shows it will take it (timed)', async (t) => {
  const { text, titles } = await fixture(LARGEST);
  const { page } = await open(t);
  const overlay = page.getByText('松开鼠标以打开文件');
  const dt = await dataTransfer(page, [{ name: 'jiangsu.txt', text }]);

  // Dragging over and then away: the drop state comes and goes.
  await dragOver(page, dt, 'header');
  await overlay.waitFor();
  await page.dispatchEvent('header', 'dragleave', { dataTransfer: dt });
  await overlay.waitFor({ state: 'hidden' });

  // Dragging over the lead paragraph, dropping on the paste box's label.
  await dragOver(page, dt, '.lead');
  await overlay.waitFor();
  assert.ok(await overlay.isVisible(), 'the page shows it will take the drop');
  await shot(page, 'dragging');
  const start = performance.now();
  await drop(page, dt, 'label.paste');
  await itemBoxes(page).nth(titles.length - 1).waitFor();
  console.log(`TIMING drop → checklist (${LARGEST}, ${text.length} characters): ${since(start)} ms`);
  await expectTitles(checklist(page), titles);
  assert.equal(await overlay.isVisible(), false, 'the drop state ends with the drop');
  assert.equal(await page.getByRole('textbox', { name: ZH.paste }).count(), 0, 'a drop is not a paste: the panel folded, holding no draft');
  await shot(page, 'dropped', { fullPage: true });
});

test('unusable files in one pick get one message naming each; the good file, typed text and loaded reports stay', async (t) => {
  const { titles } = await fixture(SAMPLE);
  const henan = await fixture('henan-approval-bureau-2022');
  const { page } = await open(t);
  await loadSample(page, titles);
  await openInput(page);
  const box = page.getByRole('textbox', { name: ZH.paste });
  await box.click();
  await page.keyboard.type('我正在输入的笔记');
  const tabs = documentTabs(page);

  await page.getByLabel(ZH.chooseFiles).setInputFiles([
    // A Word 97-2003 file starts with the OLE signature.
    { name: '年度报告.doc', mimeType: 'application/msword', buffer: Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex') },
    { name: '乱码.txt', mimeType: 'text/plain', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) },
    { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    await upload(join(FORMATS, 'scanned.pdf'), 'application/pdf'),
    await upload(join(FORMATS, 'protected.pdf'), 'application/pdf'),
    // A real report in GBK: read, not refused.
    await upload(join(FORMATS, 'henan-approval-bureau-2022.gbk.txt'), 'text/plain'),
  ]);

  const alert = page.getByRole('alert');
  const expected = {
    '年度报告.doc': /「年度报告\.doc」是旧版 Word（\.doc）文件.*另存为 \.docx/,
    '乱码.txt': /「乱码\.txt」不是文本文件/,
    '空白.txt': /「空白\.txt」是空文件/,
    'scanned.pdf': /「scanned\.pdf」是扫描版 PDF.*文字识别（OCR）/,
    'protected.pdf': /「protected\.pdf」是设有密码保护的 PDF/,
  };
  for (const name of Object.keys(expected)) await alert.getByText(name).waitFor();
  assert.equal(await alert.count(), 1, 'one alert for the whole pick');
  const lines = await alert.getByRole('paragraph').allTextContents();
  assert.equal(lines.length, 5, `one line per unusable file: ${lines.join(' / ')}`);
  for (const [name, message] of Object.entries(expected)) {
    assert.match(lines.find((l) => l.includes(name)) ?? '', message, name);
  }

  // The GBK report was read, and says how.
  await tabs.getByRole('button', { name: 'henan-approval-bureau-2022.gbk.txt', exact: true }).waitFor();
  await expectTitles(checklist(page), henan.titles);
  assert.equal(await fact(page, ZH.sourceFile), '文本，GBK');

  // Nothing was lost: the typed text, both documents, the sample's checklist.
  assert.equal(await box.inputValue(), '我正在输入的笔记');
  assert.deepEqual(await documentNames(page), [ZH.sampleName, 'henan-approval-bureau-2022.gbk.txt']);
  await tabs.getByRole('button', { name: ZH.sampleName, exact: true }).click();
  await expectTitles(checklist(page), titles);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await shot(page, 'bad-files');

  // The next pick starts afresh: a good file clears the old messages.
  await page.getByLabel(ZH.chooseFiles).setInputFiles(henan.path);
  await expectTitles(checklist(page), henan.titles);
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('a Word document, a saved web page in GBK, an MHT archive, a PDF and GBK text, dropped at once (timed)', async (t) => {
  const files = [
    ['bazhong-data-bureau-2022.docx', 'bazhong-data-bureau-2022', 'Word 文档'],
    ['liaoning-business-env-bureau-2022.html', 'liaoning-business-env-bureau-2022', '网页，GBK'],
    ['henan-approval-bureau-2022.mht', 'henan-approval-bureau-2022', '网页存档（MHT），UTF-8'],
    [`${LARGEST}.pdf`, LARGEST, 'PDF'],
    ['yongcheng-city-2021.gbk.txt', 'yongcheng-city-2021', '文本，GBK'],
  ];
  const { page } = await open(t);
  const dt = await dataTransfer(
    page,
    await Promise.all(files.map(async ([file]) => ({ name: file, bytes: await readFile(join(FORMATS, file)), type: '' }))),
  );
  const start = performance.now();
  await dragOver(page, dt);
  await drop(page, dt);
  const tabs = documentTabs(page);
  await tabs.locator('button:not(.close)').nth(files.length - 1).waitFor({ timeout: 30_000 });
  console.log(`# TIMING drop of 5 files in 5 formats (read in web workers) → 5 document tabs: ${since(start)} ms`);
  assert.deepEqual((await documentNames(page)).sort(), files.map(([file]) => file).sort());
  assert.equal(await page.getByRole('alert').count(), 0, 'no file was refused');
  for (const [file, report, source] of files) {
    const { titles, expected } = await fixture(report);
    await tabs.getByRole('button', { name: file, exact: true }).click();
    await expectTitles(checklist(page), titles, file);
    await page.getByRole('heading', { level: 2, name: expected.title ?? '（无标题）' }).waitFor();
    assert.equal(await fact(page, ZH.sourceFile), source, `${file} says what it was read as`);
  }
  await shot(page, 'formats');
});

test('a provincial 政府工作报告 dropped as its Word file gives its year\'s tasks and its appendix list', async (t) => {
  const name = 'yunnan-2025';
  const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
  const { page } = await open(t);
  const dt = await dataTransfer(page, [{ name: `${name}.docx`, bytes: await readFile(join(FIXTURES, `${name}.docx`)), type: '' }]);
  await dragOver(page, dt);
  await drop(page, dt);
  await page.getByRole('heading', { level: 2, name: expected.title }).waitFor({ timeout: 30_000 });
  await expectTitles(checklist(page), expected.commitments.map((c) => c.title));
  assert.equal(await fact(page, '报告日期'), expected.delivered);
  assert.equal(await fact(page, '计划年度'), String(expected.plan_year));
  assert.equal(await fact(page, '报告单位'), expected.issuer);
  const group = expected.commitments.at(-1).group;
  assert.ok(await checklist(page).getByText(group, { exact: true }).first().isVisible(), 'appendix items name their list');
  assert.equal(await checklist(page).getByText(`来自：${expected.plan_heading}`, { exact: true }).count(), 1);
  const parts = page.getByRole('list', { name: ZH.requiredParts });
  assert.equal(await parts.getByText('缺少').count(), 0, 'nothing required is missing');
  assert.equal(await checklist(page).getByText('笼统', { exact: true }).count(), 0, 'every item names a figure, a deadline or an owner');
  await shot(page, 'government-work-report');
});

test('files are known by their content: two of one name, UTF-16 without a mark, text saved as .html', async (t) => {
  const [henan, liaoning, bazhong, yongcheng] = await Promise.all(
    ['henan-approval-bureau-2022', 'liaoning-business-env-bureau-2022', 'bazhong-data-bureau-2022', 'yongcheng-city-2021'].map(fixture),
  );
  const utf16 = Buffer.from(bazhong.text, 'utf16le');
  const { page } = await open(t);
  const dt = await dataTransfer(page, [
    { name: '报告.txt', text: henan.text },
    { name: '报告.txt', text: liaoning.text },
    { name: 'utf16.txt', bytes: utf16, type: '' },
    { name: 'saved.html', text: yongcheng.text, type: 'text/html' },
  ]);
  await dragOver(page, dt);
  await drop(page, dt);
  const tabs = documentTabs(page);
  await tabs.locator('button:not(.close)').nth(3).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('alert').count(), 0, 'no file was refused');
  assert.deepEqual(
    (await documentNames(page)).sort(),
    ['saved.html', 'utf16.txt', '报告.txt', '报告.txt（2）'].sort(),
    'two files of one name are both kept',
  );
  for (const [name, report] of [['utf16.txt', bazhong], ['saved.html', yongcheng]]) {
    await tabs.getByRole('button', { name, exact: true }).click();
    await expectTitles(checklist(page), report.titles, name);
  }
  const titlesOf = async (name) => {
    await tabs.getByRole('button', { name, exact: true }).click();
    await tabs.getByRole('button', { name, exact: true, pressed: true }).waitFor();
    return itemTitles(checklist(page));
  };
  const both = [await titlesOf('报告.txt'), await titlesOf('报告.txt（2）')].sort();
  assert.deepEqual(both, [henan.titles, liaoning.titles].sort());
});

test('closing a tab before the one shown keeps showing the same report', async (t) => {
  const reports = await Promise.all(
    ['henan-approval-bureau-2022', 'liaoning-business-env-bureau-2022', 'bazhong-data-bureau-2022'].map(fixture),
  );
  const { page } = await open(t);
  await page.getByLabel(ZH.chooseFiles).setInputFiles(reports.map((r) => r.path));
  const tabs = documentTabs(page);
  await tabs.locator('button:not(.close)').nth(2).waitFor();
  const names = await documentNames(page);
  const byName = (name) => reports.find((r) => name.startsWith(r.name));
  await tabs.getByRole('button', { name: names[1], exact: true }).click();
  await expectTitles(checklist(page), byName(names[1]).titles);
  await tabs.getByRole('button', { name: `关闭：${names[0]}` }).click();
  await tabs.getByRole('button', { name: `关闭：${names[0]}` }).waitFor({ state: 'detached' });
  assert.equal(await tabs.locator('button[aria-pressed="true"]').textContent(), names[1], 'the same tab is still pressed');
  await expectTitles(checklist(page), byName(names[1]).titles, 'the same report is still shown');
});

test('a file whose reader fails costs that file only: the page says so and the other files load', async (t) => {
  const { page, errors } = await open(t);
  // The worker that reads the PDF dies as a reader that aborts would: its script throws.
  await page.route('**/pdf-worker-*_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("the reader failed");' }));
  const henan = await fixture('henan-approval-bureau-2022');
  const pdf = 'jiangsu-gov-service-office-2022.pdf';
  await page.getByLabel(ZH.chooseFiles).setInputFiles([join(FORMATS, pdf), henan.path]);
  await expectTitles(checklist(page), henan.titles);
  const alert = page.getByRole('alert');
  await alert.getByText(pdf).waitFor({ timeout: 45_000 });
  assert.match(await alert.textContent(), /读取失败或耗时过长/);
  await expectTitles(checklist(page), henan.titles);
  // The worker's own error is expected here; anything else still fails the test.
  const unexpected = errors.filter((e) => !e.includes('the reader failed'));
  errors.splice(0, errors.length, ...unexpected);
});

test('reading each format of the largest report, measured', async (t) => {
  const { page } = await open(t);
  // With a report loaded first, each file read shows as a document tab.
  await loadSample(page);
  const { titles } = await fixture(LARGEST);
  const times = [];
  for (const ext of ['txt', 'gbk.txt', 'html', 'docx', 'pdf']) {
    const file = ext === 'txt' ? join(FIXTURES, `${LARGEST}.txt`) : join(FORMATS, `${LARGEST}.${ext}`);
    const name = `${LARGEST}.${ext}`;
    const dt = await dataTransfer(page, [{ name, bytes: await readFile(file), type: '' }]);
    const start = performance.now();
    await drop(page, dt);
    await documentTabs(page).getByRole('button', { name, exact: true }).waitFor({ timeout: 30_000 });
    await expectTitles(checklist(page), titles, name);
    times.push(`${ext} ${since(start)} ms`);
  }
  console.log(`# TIMING drop → checklist for ${LARGEST}, by format: ${times.join(', ')}`);
});
