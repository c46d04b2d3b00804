// The combined checklist of several reports: every item with its report, narrowed by
// report, section, status, owner and deadline; a tick there is the report's own tick; its
// Markdown, CSV and JSON exports hold what is shown; it prints without the report views.
// Expected values come from the hand-written tests/fixtures/*.expected.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useBrowser, open, checklist, item, dataTransfer, dragOver, drop, download, parseCsv, shot,
  FIXTURES, PHONE, ZH,
} from './harness.mjs';

useBrowser();

// Two reports with owners named in the plan (a county's and Yunnan's), two without.
const REPORTS = [
  ['constructed-county-government-work-report', 'txt'],
  ['yunnan-2025', 'docx'],
  ['jiangsu-gov-service-office-2022', 'txt'],
  ['national-2016', 'txt'],
];

const reports = await Promise.all(
  REPORTS.map(async ([name, ext]) => {
    const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), 'utf8'));
    const items = expected.commitments.map((c) => ({
      report: expected.title,
      file: `${name}.${ext}`,
      issuer: expected.issuer ?? '',
      planYear: String(expected.plan_year ?? ''),
      section: c.parent ?? c.group ?? '',
      title: c.title,
      owner: c.owner ?? '',
    }));
    return { file: `${name}.${ext}`, bytes: await readFile(join(FIXTURES, `${name}.${ext}`)), expected, items };
  }),
);
const everything = reports.flatMap((r) => r.items);

function combined(page) {
  return page.getByRole('region', { name: '合并工作清单' });
}

/** The combined table's rows as { report, issuer, planYear, file, section, title, done, owner, deadline, vague }. */
function rows(page) {
  return combined(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        report: tr.cells[0].textContent,
        issuer: tr.cells[1].textContent,
        planYear: tr.cells[2].textContent,
        file: tr.cells[3].textContent,
        section: tr.cells[4].textContent,
        title: tr.cells[5].firstChild.textContent,
        vague: tr.cells[5].querySelector('.badge.vague') !== null,
        done: tr.cells[6].querySelector('input').checked,
        owner: tr.cells[7].textContent,
        deadline: tr.cells[8].textContent,
      })),
    );
}

const brief = (rs) => rs.map(({ report, issuer, planYear, file, section, title, owner }) => ({ report, issuer, planYear, file, section, title, owner }));

async function openCombined(page) {
  const dt = await dataTransfer(page, reports.map((r) => ({ name: r.file, bytes: r.bytes, type: '' })));
  await dragOver(page, dt);
  await drop(page, dt);
  await page.getByRole('heading', { name: `已载入的报告（${reports.length} 份）` }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '合并清单', exact: true }).click();
  await combined(page).waitFor();
}

test('the combined checklist shows every item with its report, filters, ticks, exports and prints what it shows', async (t) => {
  const { page } = await open(t);
  await openCombined(page);
  const filter = (name) => combined(page).getByRole('combobox', { name, exact: true });

  // Every item of every report, in the order of loading, with its report, section and owner.
  const all = await rows(page);
  const order = (rs) => [...rs].sort((a, b) => reports.findIndex((r) => r.expected.title === a.report) - reports.findIndex((r) => r.expected.title === b.report));
  assert.deepEqual(brief(order(all)), everything);
  assert.equal(await combined(page).getByText(`显示 ${everything.length} / ${everything.length} 项`).count(), 1);
  await shot(page, 'combined');

  // 笼统: only the vague items, then only the concrete ones; together, all of them.
  await filter('笼统').selectOption('笼统');
  const vague = await rows(page);
  assert.ok(vague.length > 0 && vague.every((r) => r.vague), 'only vague items');
  await filter('笼统').selectOption('具体');
  const concrete = await rows(page);
  assert.ok(concrete.length > 0 && concrete.every((r) => !r.vague), 'only concrete items');
  assert.equal(vague.length + concrete.length, everything.length);
  await filter('笼统').selectOption('全部');

  // By report: only Yunnan's items; the sections offered are then Yunnan's.
  const yunnan = reports[1];
  await filter('报告').selectOption(yunnan.expected.title);
  assert.deepEqual(brief(await rows(page)), yunnan.items);
  const sections = [...new Set(yunnan.items.map((i) => i.section).filter(Boolean))];
  assert.deepEqual(await filter('所属部分').locator('option').allTextContents(), ['全部部分', ...sections]);
  await filter('所属部分').selectOption(sections[0]);
  assert.deepEqual(brief(await rows(page)), yunnan.items.filter((i) => i.section === sections[0]));
  await filter('报告').selectOption('全部报告');
  assert.equal((await rows(page)).length, everything.length, 'choosing another report clears the section');

  // By owner: words in the owner, across reports.
  const owner = combined(page).getByRole('searchbox', { name: ZH.owner });
  await owner.fill('教育');
  const educated = everything.filter((i) => i.owner.includes('教育'));
  assert.ok(educated.some((i) => i.report === reports[0].expected.title) && educated.some((i) => i.report === yunnan.expected.title));
  assert.deepEqual(brief(order(await rows(page))), educated);
  await owner.fill('');

  // A tick in the combined checklist, in two reports.
  const county = reports[0].items[1];
  const jiangsu = reports[2].items[0];
  for (const picked of [county, jiangsu]) {
    const row = combined(page).locator('tbody tr').filter({ hasText: picked.report }).filter({ hasText: picked.title });
    await row.getByRole('checkbox').check();
  }
  await filter('状态').selectOption(ZH.done);
  const done = await rows(page);
  assert.deepEqual(brief(order(done)), [county, jiangsu]);
  assert.ok(done.every((r) => r.done));
  await filter('状态').selectOption(ZH.open);
  assert.equal((await rows(page)).length, everything.length - 2);

  // By deadline: none is set yet; then one, in the county report's own checklist.
  await filter('状态').selectOption('全部');
  await filter('期限').selectOption('已定期限');
  assert.equal((await rows(page)).length, 0);
  await page.getByRole('button', { name: '报告一览', exact: true }).click();
  await page.getByRole('button', { name: reports[0].expected.title, exact: true }).click();
  const list = checklist(page);
  assert.equal(await item(list, county.title).getByRole('checkbox').isChecked(), true, "the combined list's tick is the report's");
  await list.getByRole('button', { name: `${ZH.edit}：${county.title}` }).click();
  const form = item(list, county.title).locator('form');
  await form.getByRole('group', { name: ZH.note }).getByRole('textbox', { name: ZH.deadline }).fill('2026年6月底前');
  await form.getByRole('button', { name: ZH.save }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '合并清单', exact: true }).click();
  await filter('期限').selectOption('已定期限');
  const dated = await rows(page);
  assert.deepEqual(brief(dated), [county]);
  assert.equal(dated[0].deadline, '2026年6月底前');
  await filter('期限').selectOption('未定期限');
  assert.equal((await rows(page)).length, everything.length - 1);
  await filter('期限').selectOption('全部');

  // The exports hold what is shown: the two done items, each with its report.
  await filter('状态').selectOption(ZH.done);
  const csv = await download(page, ZH.csv, combined(page));
  assert.equal(csv.name, '合并工作清单.checklist.csv');
  assert.equal(csv.bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'a byte-order mark for Excel');
  const [header, ...lines] = parseCsv(csv.text.slice(1));
  assert.deepEqual(header, ZH.csvHeaders);
  assert.deepEqual(lines.map((l) => [l[0], l[1], l[2], l[6], l[8], l[12]]), [
    [county.report, county.section, county.title, ZH.done, '2026年6月底前', county.file],
    [jiangsu.report, jiangsu.section, jiangsu.title, ZH.done, '', jiangsu.file],
  ]);
  const md = await download(page, ZH.markdown, combined(page));
  assert.ok(md.text.startsWith(`# 合并工作清单\n\n## ${county.report}\n\n`), md.text.slice(0, 200));
  assert.ok(md.text.includes(`- [x] **${county.title}**`));
  assert.ok(md.text.includes(`## ${jiangsu.report}\n\n`));
  assert.ok(!md.text.includes(reports[3].expected.title), 'a report with nothing shown is left out');
  const json = JSON.parse((await download(page, ZH.json, combined(page))).text);
  assert.deepEqual(json.map((l) => [l.report_title, l.items.map((i) => [i.title, i.done])]), [
    [county.report, [[county.title, true]]],
    [jiangsu.report, [[jiangsu.title, true]]],
  ]);
  assert.equal(await combined(page).getByRole('button', { name: ZH.share, exact: true }).count(), 0, 'a share link carries one checklist');

  // Printed, the combined checklist is the page: the open report's views are left out.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await combined(page).locator('tbody tr').count(), 2);
  assert.equal(await page.locator('.meta-band').isVisible(), false);
  assert.equal(await combined(page).locator('.table-filters').isVisible(), false);
  await shot(page, 'combined-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('at phone width the combined checklist is a card per item, each tickable without scrolling sideways', async (t) => {
  const { page } = await open(t, { viewport: PHONE });
  await openCombined(page);
  const scroller = combined(page).locator('.table-scroll');
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `nothing scrolls sideways inside the box (${scrollWidth} > ${clientWidth})`);
  const boxes = await combined(page).locator('tbody input[type=checkbox]').evaluateAll((inputs) =>
    inputs.map((i) => i.getBoundingClientRect().right));
  assert.equal(boxes.length, everything.length);
  assert.ok(boxes.every((right) => right <= PHONE.width), 'every tick box is on screen');
  // A card's report title takes a few lines at most, not one character a line.
  const titleLines = await combined(page).locator('tbody tr').first().locator('td').first().evaluate((td) =>
    Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight || '20')));
  assert.ok(titleLines <= 3, `the report's name takes ${titleLines} lines`);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= PHONE.width, `the page itself does not scroll sideways (${pageWidth} px)`);
  await shot(page, 'combined-phone', { fullPage: true });
});
