// 目标对比: the 2025 provincial reports whose targets were read by hand
// (tests/fixtures/targets/*.json) dropped at once, compared in one table (a row per
// report, a column per indicator, the most set first), sorted by a column, one indicator
// charted, and the table and chart downloaded. The view's code is fetched only when the
// view is first opened. Expected cells are built from the hand-read targets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useBrowser, open, dataTransfer, dragOver, drop, shot, download, parseCsv, eventually, FIXTURES, PHONE,
} from './harness.mjs';

useBrowser();

/** The provincial reports read by hand: their files and targets. */
const provinces = await Promise.all(
  (await readdir(join(FIXTURES, 'targets')))
    .filter((name) => name.endsWith('-2025.json'))
    .map(async (name) => {
      const read = JSON.parse(await readFile(join(FIXTURES, 'targets', name), 'utf8'));
      const file = read.report.split('/').pop();
      return { file, bytes: await readFile(join(FIXTURES, read.report)), read };
    }),
);

/** A target as the table writes it: figure, the top of a range, unit and qualifier. */
function asWritten(t) {
  if (t.value === null) return t.text;
  return `${t.value}${t.high === null ? '' : `—${t.high}`}${t.unit ?? ''}${t.qualifier ?? ''}`;
}

/** A report's row as the table should show it: each indicator's cell, the others joined. */
function expectedRow(read) {
  const cells = {};
  for (const t of read.targets.filter((t) => t.vocabulary)) cells[t.name] ??= asWritten(t);
  const others = read.targets.filter((t) => !t.vocabulary).map((t) => t.text);
  if (others.length) cells['其他目标'] = others.join('；');
  return cells;
}

const region = (page) => page.getByRole('region', { name: '各报告的主要预期目标' });

/** The table as shown: its headings, and each row as { heading: cell }. */
async function shownTable(page) {
  return region(page).locator('table').evaluate((table) => {
    const headings = [...table.tHead.rows[0].cells].map((th) => th.textContent);
    const rows = [...table.tBodies[0].rows].map((tr) =>
      Object.fromEntries([...tr.cells].map((cell, i) => [headings[i], cell.textContent])));
    return { headings, rows };
  });
}

async function dropAll(page) {
  const dt = await dataTransfer(page, provinces.map((p) => ({ name: p.file, bytes: p.bytes, type: '' })));
  await dragOver(page, dt);
  await drop(page, dt);
  await page.getByRole('heading', { name: `已载入的报告（${provinces.length} 份）` }).waitFor({ timeout: 60_000 });
}

test('the reports\' targets side by side: a row per report, a column per indicator, sorted, charted and downloaded', async (t) => {
  const { page } = await open(t);
  const fetched = [];
  page.on('request', (request) => fetched.push(request.url()));
  await dropAll(page);
  assert.ok(!fetched.some((url) => url.includes('comparison-view')), 'the view\'s code is not fetched before it is opened');

  await page.getByRole('button', { name: '目标对比', exact: true }).click();
  await region(page).locator('table').waitFor({ timeout: 20_000 });
  assert.ok(fetched.some((url) => /comparison-view-[0-9a-f]{16}_bg\.wasm$/.test(url)), 'fetched when opened');

  // Every report's row, cell by cell, as read by hand (rows in any order here).
  const { headings, rows } = await shownTable(page);
  assert.deepEqual(headings.slice(0, 3), ['报告', '报告单位', '计划年度']);
  const columns = headings.slice(3);
  const expected = provinces.map((p) => expectedRow(p.read));
  const indicators = columns.filter((c) => c !== '其他目标');
  const setBy = (name) => expected.filter((cells) => name in cells).length;
  assert.deepEqual(
    [...indicators].sort(),
    [...new Set(expected.flatMap((cells) => Object.keys(cells)).filter((c) => c !== '其他目标'))].sort(),
    'a column for each indicator any report sets',
  );
  assert.deepEqual(indicators.map(setBy), [...indicators.map(setBy)].sort((a, b) => b - a), 'the most set first');
  assert.equal(columns.at(-1), '其他目标');
  const asCells = (cells) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, cells[c] ?? ''])));
  assert.deepEqual(rows.map(asCells).sort(), expected.map(asCells).sort());
  assert.ok(rows.every((row) => row['计划年度'] === '2025'));

  // Sorted by the growth target, the highest first, then the other way round; reports
  // that set none stay last.
  const GROWTH = '地区生产总值增长';
  const sortBy = region(page).getByRole('button', { name: GROWTH, exact: true });
  const figures = async () => (await shownTable(page)).rows.map((row) => row[GROWTH]);
  const numbers = (cells) => cells.filter((c) => /^\d/.test(c)).map(parseFloat);
  await sortBy.click();
  assert.equal(await sortBy.locator('xpath=..').getAttribute('aria-sort'), 'descending');
  const down = numbers(await figures());
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  await sortBy.click();
  assert.equal(await sortBy.locator('xpath=..').getAttribute('aria-sort'), 'ascending');
  const up = numbers(await figures());
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await shot(page, 'comparison');

  // The chart of the indicator most set, then of another chosen.
  const chosen = region(page).getByRole('combobox', { name: '图表的指标' });
  assert.equal(await chosen.evaluate((s) => s.selectedOptions[0].textContent), indicators[0]);
  const drawn = (name) => expected.filter((cells) => /^\d/.test(cells[name] ?? '')).length;
  const chart = region(page).locator('figure img');
  assert.equal(await chart.getAttribute('alt'), `${indicators[0]}：${drawn(indicators[0])} 份报告的目标`);
  const PRICES = '居民消费价格涨幅';
  await chosen.selectOption({ label: PRICES });
  await eventually(async () => (await chart.getAttribute('alt')).startsWith(PRICES));
  assert.ok(await chart.evaluate((img) => img.complete && img.naturalWidth > 0), 'the chart is drawn');
  await region(page).locator('figure').scrollIntoViewIfNeeded();
  await shot(page, 'comparison-chart');

  // The exports: the table as CSV for Excel (in the order shown), the chart as SVG and PNG.
  const csv = await download(page, 'CSV（Excel）', region(page));
  assert.equal(csv.name, '目标对比.csv');
  assert.equal(csv.bytes.subarray(0, 3).toString('hex'), 'efbbbf');
  const table = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  assert.deepEqual(table[0], headings);
  assert.deepEqual(table.slice(1).map((r) => r[3 + columns.indexOf(GROWTH)]), await figures());
  const svg = await download(page, '图表（SVG）', region(page));
  assert.equal(svg.name, `目标对比-${PRICES}.svg`);
  assert.match(svg.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const cells of expected.filter((c) => /^\d/.test(c[PRICES] ?? ''))) {
    assert.ok(svg.text.includes(`>${cells[PRICES]}</text>`), `the bar labelled ${cells[PRICES]}`);
  }
  const png = await download(page, '图表（PNG）', region(page));
  assert.equal(png.name, `目标对比-${PRICES}.png`);
  assert.equal(png.bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG file');
});

test('while its code loads the view says so, and when it cannot load, it says that', async (t) => {
  const { page } = await open(t);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/comparison-view-*', async (route) => {
    await held;
    return route.continue();
  });
  const dt = await dataTransfer(page, provinces.slice(0, 2).map((p) => ({ name: p.file, bytes: p.bytes, type: '' })));
  await dragOver(page, dt);
  await drop(page, dt);
  await page.getByRole('heading', { name: '已载入的报告（2 份）' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '目标对比', exact: true }).click();
  await region(page).getByRole('status').filter({ hasText: '正在载入目标对比……' }).waitFor();
  release();
  await region(page).locator('table').waitFor({ timeout: 20_000 });
  assert.equal(await region(page).locator('tbody tr').count(), 2);

  // Another page whose module cannot be fetched (offline before it was ever cached).
  const other = await open(t);
  await other.page.route('**/comparison-view-*', (route) => route.abort());
  const again = await dataTransfer(other.page, provinces.slice(0, 2).map((p) => ({ name: p.file, bytes: p.bytes, type: '' })));
  await dragOver(other.page, again);
  await drop(other.page, again);
  await other.page.getByRole('heading', { name: '已载入的报告（2 份）' }).waitFor({ timeout: 30_000 });
  await other.page.getByRole('button', { name: '目标对比', exact: true }).click();
  await region(other.page).getByRole('alert').filter({ hasText: '目标对比没能载入，请重新载入页面再试。' }).waitFor();
  assert.equal(await region(other.page).locator('table').count(), 0);
  // The only errors are the browser's report of the fetch refused.
  assert.ok(other.errors.length > 0 && other.errors.every((e) => e.includes('Failed to load resource')), other.errors.join('\n'));
  other.errors.length = 0;
});

test('at phone width the table and the chart scroll in their own boxes, the chart at a readable size', async (t) => {
  const { page } = await open(t, { viewport: PHONE });
  await dropAll(page);
  await page.getByRole('button', { name: '目标对比', exact: true }).click();
  await region(page).locator('figure img').waitFor({ timeout: 20_000 });
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= PHONE.width, `the page itself does not scroll sideways (${pageWidth} px)`);
  const [boxWidth, chartWidth] = await region(page).locator('figure img').evaluate((img) => [
    img.parentElement.getBoundingClientRect().width, img.getBoundingClientRect().width,
  ]);
  assert.ok(boxWidth <= PHONE.width, `the chart's box fits (${boxWidth} px)`);
  assert.ok(chartWidth >= 0.75 * 720, `the chart is drawn at three quarters of its size or more (${chartWidth} px)`);
  await shot(page, 'comparison-phone', { fullPage: true });
});
