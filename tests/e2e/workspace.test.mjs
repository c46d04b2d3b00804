// The workspace: ten reports of two genres dropped at once (text files and Word files)
// become a table of the loaded reports, which sorts (Chinese by pinyin), filters, opens a
// report's views, removes one with undo and takes a file dropped on it. Expected values
// come from the hand-written tests/fixtures/*.expected.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useBrowser, open, ready, env, fixture, checklist, expectTitles, dataTransfer, dragOver, drop, shot, since, download,
  parseCsv, openInput, fact, eventually, documentNames, FIXTURES, PHONE, SAMPLE, ZH,
} from './harness.mjs';

useBrowser();

const REPORTS = [
  ['bazhong-data-bureau-2022', 'txt'],
  ['henan-approval-bureau-2022', 'txt'],
  ['jiangsu-gov-service-office-2022', 'txt'],
  ['liaoning-business-env-bureau-2022', 'txt'],
  ['yongcheng-city-2021', 'txt'],
  ['constructed-rule-of-law-with-work-points', 'txt'],
  ['national-2016', 'txt'],
  ['national-2017', 'txt'],
  ['beijing-2025', 'docx'],
  ['yunnan-2025', 'docx'],
];
const UNKNOWN = '—';
const REPORT_YEAR = '报告年度';
const RULE_OF_LAW = '法治政府建设情况报告';

/** Each report's file name and hand-written expectation. */
const reports = await Promise.all(
  REPORTS.map(async ([name, ext]) => {
    const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    return { file: `${name}.${ext}`, bytes: await readFile(join(FIXTURES, `${name}.${ext}`)), expected };
  }),
);

function table(page) {
  return page.getByRole('region', { name: /^已载入的报告（\d+ 份）$/ });
}

/** The table's rows as { file, title, issuer, genre }, in the order shown. */
function rows(page) {
  return table(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        file: tr.querySelector('th .file').textContent,
        title: tr.querySelector('th button.open').textContent,
        issuer: tr.cells[1].textContent,
        genre: tr.cells[2].textContent,
        missing: tr.cells[7].textContent,
        onTime: tr.cells[8].textContent,
      })),
    );
}

async function dropAll(page) {
  const dt = await dataTransfer(page, reports.map((r) => ({ name: r.file, bytes: r.bytes, type: '' })));
  const start = performance.now();
  await dragOver(page, dt);
  await drop(page, dt);
  await table(page).getByRole('heading', { name: `已载入的报告（${reports.length} 份）` }).waitFor({ timeout: 30_000 });
  console.log(`# TIMING drop of ${reports.length} reports (8 text, 2 Word) → filled workspace table: ${since(start)} ms`);
}

test('ten reports dropped at once fill the table; it sorts by pinyin, filters, opens a report, and removes one with undo', async (t) => {
  const { page } = await open(t);
  await dropAll(page);

  // The first report's text, below the table, is drawn when it is scrolled to.
  const paragraphs = page.locator('.report-text .p');
  assert.equal(await paragraphs.count(), 0, 'no text drawn below the table');
  await page.locator('.text-view').scrollIntoViewIfNeeded();
  await paragraphs.first().waitFor();
  await page.evaluate(() => scrollTo(0, 0));

  const shown = await rows(page);
  assert.deepEqual(shown.map((r) => r.file), reports.map((r) => r.file), 'in the order they were dropped');
  for (const { file, expected } of reports) {
    const row = shown.find((r) => r.file === file);
    assert.equal(row.title, expected.title ?? file, `${file}: a report without a title is called by its file`);
    assert.equal(row.issuer, expected.issuer ?? UNKNOWN, file);
    assert.equal(row.genre, expected.genre === 'rule_of_law' ? RULE_OF_LAW : '政府工作报告', file);
  }
  // Read from the reports: 省政务办 published its report on 2023-01-05, before 1 April; the
  // constructed report has no section on the leaders' duty.
  assert.equal(shown.find((r) => r.file.startsWith('jiangsu')).onTime, '按时');
  assert.equal(shown.find((r) => r.file.startsWith('national-2016')).onTime, UNKNOWN, 'no deadline for this genre');
  assert.equal(shown.find((r) => r.file.startsWith('constructed')).missing, '党政主要负责人履行第一责任人职责情况');
  assert.equal(shown.find((r) => r.file.startsWith('liaoning')).missing, '存在的不足和原因', 'its expectation has no such heading');
  await shot(page, 'workspace');

  // The table as CSV for Excel: a row per report, as shown, with the deadline column.
  const csv = await download(page, 'CSV（Excel）', table(page));
  assert.equal(csv.name, '报告一览.csv');
  const lines = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.deepEqual(lines[0], ['报告', '文件', '报告单位', '类型', '报告年度', '计划年度', '日期', '事项', '笼统事项', '缺少的必备内容', '4月1日前公开']);
  assert.deepEqual(lines.slice(1).map((l) => l[1]), reports.map((r) => r.file));
  assert.equal(lines.find((l) => l[1].startsWith('jiangsu'))[10], '按时');

  // Sorting by issuer follows pinyin (běi, guó, hé, …, yún), unknown issuers last; again: reversed.
  const sortBy = table(page).getByRole('button', { name: ZH.issuer, exact: true });
  await sortBy.click();
  const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');
  const issuers = reports.map((r) => r.expected.issuer).filter(Boolean).sort(pinyin.compare);
  assert.deepEqual((await rows(page)).map((r) => r.issuer), [...issuers, UNKNOWN]);
  assert.deepEqual(issuers.slice(0, 4), ['巴中市政务服务和大数据管理局', '北京市人民政府', '国务院', '国务院']);
  const sorted = table(page).locator('th[aria-sort="ascending"]');
  assert.equal(await sorted.getByRole('button', { name: ZH.issuer, exact: true }).count(), 1, 'the column says it is sorted');
  await sortBy.click();
  assert.deepEqual((await rows(page)).map((r) => r.issuer), [...issuers.reverse(), UNKNOWN]);

  // Filters: words, genre, and reports missing a required part.
  const words = table(page).getByRole('searchbox', { name: '筛选' });
  await words.fill('国务院');
  assert.deepEqual((await rows(page)).map((r) => r.file).sort(), ['national-2016.txt', 'national-2017.txt']);
  assert.equal(await table(page).getByText('显示 2 / 10 份').count(), 1);
  await words.fill('');
  await table(page).getByRole('combobox', { name: '类型' }).selectOption(RULE_OF_LAW);
  assert.equal((await rows(page)).length, 6);
  await table(page).getByRole('checkbox', { name: '只看缺少必备内容的' }).check();
  // The rule-of-law reports whose expectation has no heading for a part the 2019
  // regulation requires (and no paragraph mentioning it).
  const lacking = reports
    .filter(({ expected }) => expected.genre === 'rule_of_law')
    .filter(({ expected }) => ['measures', 'shortcomings', 'leader_duty', 'plans'].some((part) => expected.parts[part] === null))
    .map((r) => r.file);
  assert.deepEqual(lacking.sort(), ['constructed-rule-of-law-with-work-points.txt', 'liaoning-business-env-bureau-2022.txt']);
  assert.deepEqual((await rows(page)).map((r) => r.file).sort(), lacking);
  await shot(page, 'workspace-filtered');
  await table(page).getByRole('checkbox', { name: '只看缺少必备内容的' }).uncheck();
  await table(page).getByRole('combobox', { name: '类型' }).selectOption('全部类型');
  assert.equal((await rows(page)).length, 10);

  // Opening a report shows its views.
  const national = reports.find((r) => r.file === 'national-2017.txt');
  await table(page).getByRole('button', { name: national.expected.title }).first().click();
  await page.getByRole('heading', { level: 2, name: national.expected.title }).waitFor();
  await expectTitles(checklist(page), national.expected.commitments.map((c) => c.title));

  // Removing one, then undoing it.
  await table(page).getByRole('button', { name: '移除：henan-approval-bureau-2022.txt' }).click();
  await table(page).getByRole('heading', { name: '已载入的报告（9 份）' }).waitFor();
  const undo = page.getByRole('status').filter({ hasText: '已移除“henan-approval-bureau-2022.txt”。' });
  await undo.getByRole('button', { name: ZH.undo }).click();
  await table(page).getByRole('heading', { name: '已载入的报告（10 份）' }).waitFor();
  assert.ok((await rows(page)).some((r) => r.file === 'henan-approval-bureau-2022.txt'), 'the report is back');

  // A file dragged over the table (which the views' module draws) and dropped on a
  // row is taken like a file dropped anywhere else on the page.
  const overlay = page.getByText('松开鼠标以打开文件');
  const another = await dataTransfer(page, [{ name: 'national-2015.txt', bytes: await readFile(join(FIXTURES, 'national-2015.txt')), type: '' }]);
  await dragOver(page, another, '.report-table tbody tr');
  await overlay.waitFor();
  await drop(page, another, '.report-table tbody tr');
  await table(page).getByRole('heading', { name: '已载入的报告（11 份）' }).waitFor({ timeout: 30_000 });
  assert.ok((await rows(page)).some((r) => r.file === 'national-2015.txt'), 'the dropped report is in the table');
  assert.equal(await overlay.isVisible(), false, 'the drop state ends with the drop');
});

test('at phone width the table scrolls sideways and keeps its controls', async (t) => {
  const { page } = await open(t, { viewport: PHONE });
  await dropAll(page);
  const scroller = table(page).locator('.table-scroll');
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(scrollWidth > clientWidth, 'the table scrolls inside its box');
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= PHONE.width, `the page itself does not scroll sideways (${pageWidth} px)`);
  await table(page).getByRole('searchbox', { name: '筛选' }).fill('云南');
  assert.deepEqual((await rows(page)).map((r) => r.file), ['yunnan-2025.docx']);
  await shot(page, 'workspace-phone', { fullPage: true });
});

test('while the views\' module loads the page works and its views say so; when it cannot load, they say that', async (t) => {
  const sample = await fixture(SAMPLE);
  // The page opened with the module held back: the page's own load does not wait for it.
  const { page } = await open(t, { url: 'about:blank', app: false });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/views-*', async (route) => {
    await held;
    return route.continue();
  });
  await page.goto(env.url);
  await ready(page);
  // The sample is read and analysed; each of its views (facts, outline, text, checklist)
  // says it is on its way.
  await openInput(page);
  await page.getByRole('button', { name: ZH.sample }).click();
  const loading = page.getByRole('status').filter({ hasText: '正在载入……' });
  await eventually(async () => (await loading.count()) === 4, 30_000);
  release();
  await eventually(async () => (await fact(page, REPORT_YEAR)) === String(sample.expected.report_year), 30_000);
  await expectTitles(checklist(page), sample.titles);
  assert.equal(await loading.count(), 0, 'no view still says it is loading');
  const two = await dataTransfer(page, reports.slice(0, 2).map((r) => ({ name: r.file, bytes: r.bytes, type: '' })));
  await dragOver(page, two);
  await drop(page, two);
  await table(page).getByRole('heading', { name: '已载入的报告（3 份）' }).waitFor({ timeout: 30_000 });

  // Another page whose module cannot be fetched (offline before it was ever cached).
  const other = await open(t, { url: 'about:blank', app: false });
  await other.page.route('**/views-*', (route) => route.abort());
  await other.page.goto(env.url);
  await ready(other.page);
  await openInput(other.page);
  await other.page.getByRole('button', { name: ZH.sample }).click();
  const failed = other.page.getByRole('alert').filter({ hasText: '这一视图没能载入，请重新载入页面再试。' });
  await eventually(async () => (await failed.count()) === 4, 30_000);
  // The page itself works all the same: it reads more reports and names them in its tabs.
  const more = await dataTransfer(other.page, reports.slice(0, 2).map((r) => ({ name: r.file, bytes: r.bytes, type: '' })));
  await dragOver(other.page, more);
  await drop(other.page, more);
  await eventually(async () => (await documentNames(other.page)).length === 3, 30_000);
  // The only errors are the browser's report of the fetch refused.
  assert.ok(other.errors.length > 0 && other.errors.every((e) => e.includes('Failed to load resource')), other.errors.join('\n'));
  other.errors.length = 0;
});
