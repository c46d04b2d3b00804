// Correcting the analysis: a reader who sees that the analysis missed the plan makes a
// heading of the outline the plan (设为工作安排), corrects a year in the band of facts, and
// takes a correction back; each correction is shown beside the analysis' own value, kept
// over a reload, seen by another tab, and carried in the checklist's JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, open, fixture, paste, reload, inFront, checklist, expectTitles, itemTitles, download, fact,
  eventually, shot, ZH, env, PHONE,
} from './harness.mjs';

useBrowser();

const henan = await fixture('henan-approval-bureau-2022');
// A copy whose plan heading was reworded and whose plan opens without its year, as
// copies differ: the analysis finds no plan in it.
const PLAN_HEADING = '持续推进依法行政';
const reworded = henan.text
  .replace('三、2023年法治政府建设工作打算', `三、${PLAN_HEADING}`)
  .replace(/^2023年,省行政审批政务信息管理局将在/m, '省行政审批政务信息管理局将在');

const words = {
  setAsPlan: (title) => `设为工作安排：${title}`,
  planFact: '工作安排',
  reportYear: '报告年度',
  planYear: '计划年度',
  correct: (label) => `更正${label}`,
  undo: (label) => `撤销更正：${label}`,
  foundNone: '已更正，分析未找到',
  foundOwn: (own) => `已更正，分析结果为“${own}”`,
  yearInvalid: '请填写四位数的年份，如 2024。',
  noPlanWarning: '未找到下一年度工作安排。',
  setAside: (n) => `原工作安排的 ${n} 项已放在一边，连同您的勾选和备注；恢复原工作安排即可找回。`,
};

const warnings = (page) => page.locator('.meta-band .warnings li').allTextContents();

test('a heading made the plan gives the checklist, is shown as corrected, kept over a reload and in another tab, and taken back', async (t) => {
  const { page, context } = await open(t);
  await paste(page, reworded);
  const list = checklist(page);
  await list.getByText('未找到下一年度工作安排').first().waitFor();
  assert.deepEqual(await itemTitles(list), [], 'the analysis finds no plan in the reworded copy');
  assert.ok((await warnings(page)).includes(words.noPlanWarning));

  await page.getByRole('button', { name: words.setAsPlan(PLAN_HEADING), exact: true }).click();
  await expectTitles(list, henan.titles);
  assert.equal(await fact(page, words.planFact), `${PLAN_HEADING}${words.foundNone}`);
  assert.ok(!(await warnings(page)).includes(words.noPlanWarning), 'no plan is no longer said');
  assert.equal(
    await page.locator('.outline li.plan').textContent(),
    `三、${PLAN_HEADING}`,
    'the outline marks the chosen heading as the plan, with no control to choose it again',
  );
  await list.getByRole('checkbox', { name: henan.titles[0] }).check();
  await shot(page, 'corrected-plan');

  const json = JSON.parse((await download(page, ZH.json, list)).text);
  assert.equal(json.corrections.plan.title, PLAN_HEADING, 'the JSON export carries the correction');

  // Another tab restores the report with its correction.
  const other = await context.newPage();
  await other.goto(env.url);
  await expectTitles(checklist(other), henan.titles);
  assert.equal(await checklist(other).getByRole('checkbox', { name: henan.titles[0] }).isChecked(), true);

  await inFront(page);
  await reload(page);
  await expectTitles(list, henan.titles);
  assert.equal(await list.getByRole('checkbox', { name: henan.titles[0] }).isChecked(), true, 'the tick is back');
  // The checklist comes back with the report; the report is analysed again with the
  // correction a moment later.
  await eventually(async () => (await fact(page, words.planFact))?.startsWith(PLAN_HEADING));

  // Taken back: the analysis' own (no plan), the items set aside with their tick, and
  // back again with the plan.
  await page.getByRole('button', { name: words.undo(words.planFact), exact: true }).click();
  await list.getByText(words.setAside(henan.titles.length)).waitFor();
  assert.deepEqual(await itemTitles(list), []);
  // The checklist sets the items aside at once; the band of facts follows once the report
  // is analysed again without the correction.
  await eventually(async () => (await fact(page, words.planFact)) === null);
  await expectTitles(checklist(other), [], 'the other tab takes the plan back too');
  await page.getByRole('button', { name: words.setAsPlan(PLAN_HEADING), exact: true }).click();
  await expectTitles(list, henan.titles);
  assert.equal(await list.getByRole('checkbox', { name: henan.titles[0] }).isChecked(), true, 'with its tick');
  await other.close();

  await page.setViewportSize(PHONE);
  await page.getByRole('navigation', { name: ZH.views }).getByRole('button', { name: ZH.tabOutline }).click();
  await page.locator('.meta-band').scrollIntoViewIfNeeded();
  await shot(page, 'corrected-plan-phone');
});

test('the years and the issuer are corrected in the band of facts, checked as typed, shown beside the analysis\' own, exported, and kept over a reload', async (t) => {
  const { page } = await open(t);
  await paste(page, henan.text);
  const list = checklist(page);
  await expectTitles(list, henan.titles);
  assert.equal(await fact(page, words.reportYear), '2022');

  await page.getByRole('button', { name: words.correct(words.reportYear), exact: true }).click();
  const field = page.getByRole('textbox', { name: words.correct(words.reportYear), exact: true });
  await field.fill('20x1');
  await page.locator('.meta-band form').getByRole('button', { name: ZH.save }).click();
  await page.getByRole('alert').filter({ hasText: words.yearInvalid }).waitFor();
  await field.fill('２０２１');
  await page.locator('.meta-band form').getByRole('button', { name: ZH.save }).click();
  await eventually(async () => (await fact(page, words.reportYear)) === `2021${words.foundOwn('2022')}`);
  await expectTitles(list, henan.titles, 'the plan stands: its heading names 2023');
  await shot(page, 'corrected-year');

  // The plan year and the issuer, likewise.
  const correct = async (label, value) => {
    await page.getByRole('button', { name: words.correct(label), exact: true }).click();
    await page.getByRole('textbox', { name: words.correct(label), exact: true }).fill(value);
    await page.locator('.meta-band form').getByRole('button', { name: ZH.save }).click();
  };
  await correct(words.planYear, '2024');
  await correct(ZH.issuer, '河南省政务服务和大数据管理局');
  const corrected = {
    [words.reportYear]: `2021${words.foundOwn('2022')}`,
    [words.planYear]: `2024${words.foundOwn('2023')}`,
    [ZH.issuer]: `河南省政务服务和大数据管理局${words.foundOwn(henan.expected.issuer)}`,
  };
  const allCorrected = async () => {
    for (const [label, value] of Object.entries(corrected)) {
      if ((await fact(page, label)) !== value) return false;
    }
    return true;
  };
  await eventually(allCorrected);
  const json = JSON.parse((await download(page, ZH.json, list)).text);
  assert.equal(json.plan_year, 2024, 'the export gives the corrected plan year');
  assert.equal(json.issuer, '河南省政务服务和大数据管理局', 'and the corrected issuer');

  await reload(page);
  await eventually(allCorrected);
  for (const label of Object.keys(corrected)) {
    await page.getByRole('button', { name: words.undo(label), exact: true }).click();
  }
  await eventually(async () => (await fact(page, words.reportYear)) === '2022');
  await eventually(async () => (await fact(page, words.planYear)) === '2023');
  await eventually(async () => (await fact(page, ZH.issuer)) === henan.expected.issuer);
});

test('an item is split at a sentence and merged with the next again, each kept over a reload', async (t) => {
  const { page } = await open(t);
  await paste(page, henan.text);
  const list = checklist(page);
  await expectTitles(list, henan.titles);
  const [first, ...others] = henan.expected.commitments;
  // The item's text as the expected file gives it: its first sentence, then the rest.
  const cut = first.text.indexOf('。') + 1;
  const rest = first.text.slice(cut);
  const restTitle = rest.split(/[。；！？\n]/)[0];
  const wanted = [first.title, restTitle.length > 40 ? `${restTitle.slice(0, 40)}…` : restTitle, ...others.map((c) => c.title)];

  const row = list.locator('li.item').first();
  await row.getByText(ZH.fullText, { exact: true }).click();
  await row.getByRole('button', { name: `从这里拆分：${rest.slice(0, 12)}`, exact: true }).click();
  await expectTitles(list, wanted);
  await shot(page, 'split-item');
  await reload(page);
  await expectTitles(list, wanted, 'the split is kept');

  await list.getByRole('button', { name: `与下一项合并：${first.title}`, exact: true }).click();
  await expectTitles(list, henan.titles);
  await reload(page);
  await expectTitles(list, henan.titles, 'the merge is kept');
  const row2 = list.locator('li.item').first();
  await row2.getByText(ZH.fullText, { exact: true }).click();
  assert.deepEqual(
    await row2.locator('details p').allTextContents(),
    [first.text.slice(0, cut), rest],
    'the text of both, one after the other',
  );
});

test("a task's points are folded under it, ticked on their own, kept over a reload and exported", async (t) => {
  const national = await fixture('national-2016');
  const { page } = await open(t);
  await paste(page, national.text);
  const list = checklist(page);
  await expectTitles(list, national.titles);
  // Read in the report: the first task's paragraphs open with 积极的财政政策要加大力度,
  // (a paragraph without a lead), 加快财税体制改革, 稳健的货币政策要灵活适度 and
  // 深化金融体制改革.
  const row = list.locator('li.item').first();
  await row.getByText('要点：已完成 0 / 4', { exact: true }).click();
  await row.getByRole('checkbox', { name: '加快财税体制改革', exact: true }).check();
  await row.getByText('要点：已完成 1 / 4', { exact: true }).waitFor();
  assert.equal(await row.getByRole('checkbox', { name: national.titles[0] }).isChecked(), false, 'the task is not ticked by its point');
  await shot(page, 'points');

  await reload(page);
  await row.getByText('要点：已完成 1 / 4', { exact: true }).click();
  assert.equal(await row.getByRole('checkbox', { name: '加快财税体制改革', exact: true }).isChecked(), true);
  const markdown = (await download(page, ZH.markdown, list)).text;
  assert.ok(markdown.includes('  - [x] 加快财税体制改革\n'), 'Markdown has the point, ticked');
  assert.ok(markdown.includes('  - [ ] 深化金融体制改革\n'));
});
