// Following one year's commitments into the next year's report on the page, and keeping
// everything loaded across a reload: three consecutive national reports are paired by
// body and years, each task of 2016 is shown with the passages of the 2017 review that
// report on it (checked against the hand labels of tests/fixtures/followup), a verdict is
// changed, and after a reload the reports, a tick and the verdict are all still there;
// clearing forgets them; a browser that refuses to keep more is said so, and loses
// nothing kept before.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useBrowser, open, reload, ready, inFront, checklist, item, documentNames, dataTransfer, dragOver, drop, shot, eventually,
  download, parseCsv,
  FIXTURES, PHONE, ZH,
} from './harness.mjs';

useBrowser();

const YEARS = [2015, 2016, 2017];
const reports = await Promise.all(
  YEARS.map(async (year) => {
    const name = `national-${year}`;
    const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    return { file: `${name}.txt`, bytes: await readFile(join(FIXTURES, `${name}.txt`)), expected };
  }),
);
const labels = JSON.parse(await readFile(join(FIXTURES, 'followup/2016-2017.labels.json'), 'utf8')).labels;
const [, r2016, r2017] = reports;

function follow(page) {
  return page.getByRole('region', { name: /^跟踪落实/ });
}

function task(page, title) {
  return follow(page).locator('li.followed-item').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function dropReports(page, list) {
  const dt = await dataTransfer(page, list.map((r) => ({ name: r.file, bytes: r.bytes, type: '' })));
  await dragOver(page, dt);
  await drop(page, dt);
}

async function showPair(page, last, that) {
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  await follow(page).getByRole('button', { name: `${last.expected.title} → ${that.expected.title}` }).click();
  await follow(page).getByText(/^已报告 \d+ 项/).waitFor({ timeout: 10_000 });
}

/** The summary line's three counts: reported, partly, not found. */
async function counts(page) {
  const line = await follow(page).getByText(/^已报告 \d+ 项/).textContent();
  return line.match(/\d+/g).map(Number);
}

test('consecutive reports are paired, followed into the review with passages, strengths and shared words marked, a verdict changed; a reload keeps it all', async (t) => {
  const { page } = await open(t);
  await dropReports(page, reports);
  await page.getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });

  // Only government work reports: the table has no column for the rule-of-law
  // reports' publication deadline.
  const headers = await page.getByRole('region', { name: '已载入的报告（3 份）' }).locator('thead th').allTextContents();
  assert.ok(headers.includes('报告单位') && !headers.some((h) => h.startsWith('4月1日前公开')), `${headers}`);

  // The pairs found: the same body (国务院), each report reviewing the year the one
  // before planned.
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  // (In the order the reports arrived: from two workers, in either order.)
  const pairs = await follow(page).getByRole('group', { name: '同一单位相邻年度的报告' }).getByRole('button').allTextContents();
  assert.deepEqual(pairs.sort(), ['2015政府工作报告 → 2016政府工作报告', '2016政府工作报告 → 2017政府工作报告']);
  await showPair(page, r2016, r2017);

  // Where it looked: the 2017 review, without its problems and challenges.
  await follow(page).getByText('在下一年报告的回顾部分中查找：2016年工作回顾（不含1处问题和挑战）', { exact: true }).waitFor();

  // Each task of 2016, with the passages of the 2017 review most likely to report on it.
  const titles = await follow(page).locator('li.followed-item h3').allTextContents();
  assert.deepEqual(titles, labels.map((l) => l.item));
  let relevant = 0;
  for (const label of labels) {
    const passages = task(page, label.item).locator('ol.passages li');
    assert.ok((await passages.count()) >= 1, label.item);
    assert.match(await passages.first().locator('.strength').textContent(), /^匹配：[强中弱]$/);
    // The words the passage shares with the task are marked, as text.
    const marked = await passages.first().locator('p mark').allTextContents();
    assert.ok(marked.length >= 1 && marked.every((w) => w.length >= 3), `${label.item}: ${marked}`);
    const top = await passages.first().locator('p').textContent();
    if ([label.best, ...label.also].some((prefix) => prefix && top.startsWith(prefix))) relevant += 1;
  }
  console.log(`# the top passage on the page reports on the task (hand labels) for ${relevant} of ${labels.length} tasks of 2016`);
  assert.ok(relevant * 10 >= labels.length * 8, `${relevant} of ${labels.length}`);

  // A verdict changed by the user, with the suggestion still said.
  const changed = task(page, labels[0].item);
  const verdict = changed.getByRole('combobox', { name: `落实情况：${labels[0].item}` });
  const suggested = await verdict.evaluate((s) => s.selectedOptions[0].textContent);
  const before = await counts(page);
  const picked = suggested === '未找到' ? '部分报告' : '未找到';
  await verdict.selectOption(picked);
  await changed.getByText(`（建议：${suggested}）`).waitFor();
  const after = await counts(page);
  const at = (name) => ['已报告', '部分报告', '未找到'].indexOf(name);
  assert.equal(after[at(picked)], before[at(picked)] + 1);
  assert.equal(after[at(suggested)], before[at(suggested)] - 1);
  // A note on the task, kept with its verdict.
  const NOTE = '已向市发展改革委核实，见<b>季度通报</b>';
  await changed.getByRole('textbox', { name: `备注：${labels[0].item}` }).fill(NOTE);
  await shot(page, 'follow-up');

  // The follow-up as a document: each task with its verdict, changed or not, and its
  // best passage, as CSV for Excel and as Markdown.
  const csv = await download(page, 'CSV（Excel）', follow(page));
  assert.equal(csv.name, '2016政府工作报告→2017政府工作报告.follow-up.csv');
  assert.equal(csv.bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'a byte-order mark for Excel');
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.deepEqual(rows[0], ['类别', '上一年的目标或工作安排', '落实情况', '建议的落实情况', '是否修改', '匹配', '结果或最相关的段落', '备注']);
  assert.ok(rows.slice(1).every((r) => ['目标', '工作安排'].includes(r[0])), 'each row a target or a task');
  const tasks = rows.slice(1).filter((r) => r[0] === '工作安排');
  assert.deepEqual(tasks.map((r) => r[1]), labels.map((l) => l.item));
  assert.deepEqual(tasks[0].slice(2, 5), [picked, suggested, '已修改']);
  assert.equal(tasks[0][7], NOTE, 'the note, as typed');
  assert.ok(tasks.slice(1).every((r) => r[7] === ''), 'no other task has a note');
  assert.ok(tasks.slice(1).every((r) => r[4] === ''), 'only the first was changed');
  const md = await download(page, 'Markdown', follow(page));
  assert.match(md.text, /^# 跟踪落实：2016政府工作报告 → 2017政府工作报告\n/);
  assert.ok(md.text.includes(`## 1. ${labels[0].item}`));
  assert.ok(md.text.includes('- 备注：已向市发展改革委核实，见&lt;b&gt;季度通报&lt;/b&gt;\n'), 'the note, as text');
  // Printed, the follow-up is the page: its tasks, verdicts and notes, without the open
  // report's views or the controls.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => window.printed++;
  });
  await follow(page).getByRole('button', { name: '打印', exact: true }).click();
  assert.equal(await page.evaluate(() => window.printed), 1, '打印 calls window.print()');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.meta-band').isVisible(), false, 'no report views');
  assert.equal(await follow(page).locator('.export-bar').isVisible(), false, 'no export buttons');
  assert.ok(await follow(page).getByText(NOTE, { exact: true }).isVisible(), 'the note, printed whole');
  assert.ok(await task(page, labels[0].item).isVisible());
  await shot(page, 'follow-up-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A tick in 2017's checklist.
  await page.getByRole('button', { name: '报告一览', exact: true }).click();
  await page.getByRole('button', { name: r2017.expected.title, exact: true }).click();
  const first2017 = r2017.expected.commitments[0].title;
  await item(checklist(page), first2017).getByRole('checkbox').check();

  // After a reload: the three reports, the tick and the verdict.
  await reload(page);
  await page.getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });
  assert.deepEqual((await documentNames(page)).sort(), reports.map((r) => r.file).sort());
  await page.getByText(/^本机浏览器保存了 3 份报告（0\.\d MB）/).waitFor();
  await page.getByRole('button', { name: r2017.expected.title, exact: true }).click();
  assert.equal(await item(checklist(page), first2017).getByRole('checkbox').isChecked(), true);
  await showPair(page, r2016, r2017);
  assert.equal(await task(page, labels[0].item).getByRole('combobox').evaluate((s) => s.selectedOptions[0].textContent), picked);
  assert.equal(await task(page, labels[0].item).getByRole('textbox', { name: `备注：${labels[0].item}` }).inputValue(), NOTE, 'the note is back');
  assert.deepEqual(await counts(page), after);

  // Clearing forgets the reports and the work on them, after the user confirms.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '清除保存的报告和清单', exact: true }).click();
  await page.getByRole('heading', { name: /^已载入的报告/ }).waitFor({ state: 'detached' });
  // The line saying what is kept goes once the browser has forgotten it.
  await page.getByText(/^本机浏览器保存了/).waitFor({ state: 'detached' });
  await eventually(async () => (await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/checklist/') || k.includes('/follow-up/')).length)) === 0);
  await reload(page);
  await page.waitForTimeout(1000);
  assert.deepEqual(await documentNames(page), [], 'nothing comes back after clearing');
  assert.equal(await page.getByRole('heading', { level: 2 }).count(), 0, 'no report is open');
});

test('last year\'s targets are shown above the tasks with the next year\'s results and whether each was met', async (t) => {
  const { page } = await open(t);
  const pair = await Promise.all(['2010', '2011'].map(async (year) => {
    const file = `national-${year}.txt`;
    const read = JSON.parse(await readFile(join(FIXTURES, `targets/national-${year}.json`), 'utf8'));
    return { file, bytes: await readFile(join(FIXTURES, 'followup', file)), read };
  }));
  await dropReports(page, pair);
  await page.getByRole('heading', { name: '已载入的报告（2 份）' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  const table = follow(page).getByRole('region', { name: '主要预期目标完成情况' });
  await table.waitFor({ timeout: 10_000 });
  const shownRows = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.cells[0].textContent, tr.cells[1].textContent, tr.cells[2].querySelector('select').selectedOptions[0].textContent,
  ]));
  const rows = await shownRows();
  // One row per target of 2010 as read (tests/fixtures/targets/national-2010.json), each
  // with what the 2011 report says of 2010 and the verdict that follows by reading it.
  assert.deepEqual(rows.map((r) => r[0]), pair[0].read.targets.map((target) => target.text));
  const verdicts = {
    '国内生产总值增长８％左右': ['国内生产总值增长10.3%', '已实现'],
    '城镇新增就业９００万人以上': ['城镇新增就业1168万人', '已实现'],
    '城镇登记失业率控制在４.６％以内': ['—', '未报告'],
    '居民消费价格涨幅３％左右': ['居民消费价格涨幅控制在3.3%', '未实现'],
    '国际收支状况改善': ['—', '未报告'],
  };
  assert.deepEqual(Object.fromEntries(rows.map(([target, result, verdict]) => [target, [result, verdict]])), verdicts);
  // A verdict changed by the user (国际收支状况改善: the reader finds it in the report), with
  // the suggestion still said, kept over a reload.
  const balance = table.getByRole('combobox', { name: '判断：国际收支状况改善' });
  await balance.selectOption('已实现');
  await table.getByText('（建议：未报告）').waitFor();
  await reload(page);
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  await table.waitFor({ timeout: 30_000 });
  assert.equal((await shownRows()).find((r) => r[0] === '国际收支状况改善')[2], '已实现', 'the changed verdict is kept');
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'follow-up-targets');
  // The follow-up as a document carries the same table.
  const md = await download(page, 'Markdown', follow(page));
  assert.ok(md.text.includes('| 国内生产总值增长８％左右 | 国内生产总值增长10.3% | 已实现 |\n'), md.text.slice(0, 600));
  assert.ok(md.text.includes('| 国际收支状况改善 | — | 已实现 已修改 |\n'), 'the user\'s verdict, said changed');
  // And so does the CSV: a row per target, before the tasks, with its result and both
  // verdicts.
  const csv = await download(page, 'CSV（Excel）', follow(page));
  const csvRows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  const targetRows = csvRows.slice(1).filter((r) => r[0] === '目标');
  assert.deepEqual(targetRows.map((r) => r[1]), pair[0].read.targets.map((target) => target.text));
  assert.deepEqual(csvRows.slice(1, 1 + targetRows.length), targetRows, 'the targets first');
  const row = (target) => targetRows.find((r) => r[1] === target);
  assert.deepEqual(row('国内生产总值增长８％左右').slice(2, 7), ['已实现', '已实现', '', '', '国内生产总值增长10.3%']);
  assert.deepEqual(row('国际收支状况改善').slice(2, 7), ['已实现', '未报告', '已修改', '', '']);
});

test('at phone width the follow-up reads top to bottom', async (t) => {
  const { page } = await open(t, { viewport: PHONE });
  await dropReports(page, [r2016, r2017]);
  await page.getByRole('heading', { name: '已载入的报告（2 份）' }).waitFor({ timeout: 30_000 });
  await showPair(page, r2016, r2017);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= PHONE.width, `the page itself does not scroll sideways (${pageWidth} px)`);
  await shot(page, 'follow-up-phone', { fullPage: true });
});

test('when the browser refuses to keep more, the page says so and what was kept stays kept', async (t) => {
  const { page, context } = await open(t);
  // The browser's refusal as a full quota gives it: the write succeeds, then its
  // transaction aborts instead of committing. Here, for the 2017 report only.
  await context.route('**/ingest-worker-*_loader.js', async (route) => {
    const response = await route.fetch();
    const refuse = `
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        const request = put.call(this, value, key);
        const transaction = this.transaction;
        if (String(key).includes('national-2017')) request.addEventListener('success', () => transaction.abort());
        return request;
      };
    `;
    await route.fulfill({ response, body: refuse + (await response.text()) });
  });
  // Every worker of the page, the ones started ahead of need too, loads the refusing code.
  await reload(page);
  await dropReports(page, [r2016]);
  await page.getByText(/^本机浏览器保存了 1 份报告/).waitFor({ timeout: 30_000 });
  await dropReports(page, [r2017]);
  await page.getByRole('heading', { name: '已载入的报告（2 份）' }).waitFor({ timeout: 30_000 });
  const refused = page.getByRole('alert').filter({ hasText: '浏览器拒绝保存更多报告' });
  await refused.waitFor({ timeout: 10_000 });
  assert.match(await refused.textContent(), /此前保存的报告都还在/);
  assert.equal(await page.getByText(/^本机浏览器保存了 1 份报告/).count(), 1, 'the first is still kept');
  await shot(page, 'shelf-full');

  await reload(page);
  await page.getByText(/^本机浏览器保存了 1 份报告/).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: r2016.expected.title }).waitFor();
  assert.deepEqual(await documentNames(page), [], 'only the report kept before: no tabs');
});

test('verdicts given in two tabs are both kept, the pair chosen is remembered, and a verdict the browser refuses is said', async (t) => {
  const { page, context } = await open(t);
  await dropReports(page, reports);
  await page.getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });
  // The later pair chosen by hand: after a reload it is the one shown.
  await showPair(page, r2016, r2017);
  await reload(page);
  await page.getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  await follow(page).getByText(/^已报告 \d+ 项/).waitFor({ timeout: 10_000 });
  assert.deepEqual(
    await follow(page).locator('li.followed-item h3').allTextContents(),
    labels.map((l) => l.item),
    'the 2016 → 2017 pair, as chosen before the reload',
  );

  // A second tab of the same page gives another task's verdict.
  const other = await context.newPage();
  await other.goto(page.url());
  await ready(other);
  await other.getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });
  await other.getByRole('button', { name: '跟踪落实', exact: true }).click();
  await follow(other).getByText(/^已报告 \d+ 项/).waitFor({ timeout: 10_000 });
  const verdictOf = (p, title) => task(p, title).getByRole('combobox', { name: `落实情况：${title}` });
  const shown = (p, title) => verdictOf(p, title).evaluate((s) => s.selectedOptions[0].textContent);
  const [first, second] = [labels[1].item, labels[2].item];
  await inFront(page);
  await verdictOf(page, first).selectOption('部分报告');
  await inFront(other);
  await verdictOf(other, second).selectOption('未找到');
  // Each tab shows the other's verdict as it is kept, and neither loses its own.
  await eventually(async () => (await shown(page, second)) === '未找到');
  await eventually(async () => (await shown(other, first)) === '部分报告');
  // A note typed in one tab shows in the other, and the other's verdict stays.
  const noteOf = (p, title) => task(p, title).getByRole('textbox', { name: `备注：${title}` });
  await noteOf(other, first).fill('另一个标签页的备注');
  await eventually(async () => (await noteOf(page, first).inputValue()) === '另一个标签页的备注');
  assert.equal(await shown(page, first), '部分报告');
  await other.close();
  await reload(page);
  await page.getByRole('button', { name: '跟踪落实', exact: true }).click();
  await follow(page).getByText(/^已报告 \d+ 项/).waitFor({ timeout: 10_000 });
  assert.equal(await shown(page, first), '部分报告');
  assert.equal(await shown(page, second), '未找到');
  assert.equal(await noteOf(page, first).inputValue(), '另一个标签页的备注');

  // A browser that refuses to keep the verdict: the page says so, and shows it.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).includes('/follow-up/')) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  });
  const third = labels[3].item;
  await verdictOf(page, third).selectOption('部分报告');
  const refused = follow(page).getByRole('alert').filter({ hasText: '刚才的落实情况或备注没能保存' });
  await refused.waitFor();
  assert.equal(await shown(page, third), '部分报告', 'the verdict still shows');
  await shot(page, 'follow-up-refused');
});
