// Getting a checklist out: the Markdown, CSV and JSON downloads (read back from disk),
// the clipboard, the print view, and the share link: opened in a new browser context,
// read-only until copied, and damaged, truncated or future links refused with a message;
// hostile links (huge fields, repeated ids) bounded before they reach the view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import {
  useBrowser, open, fixture, loadSample, reload, inFront, checklist, expectTitles, item, download,
  shareLink, parseCsv, shot, since, env, ZH, SAMPLE, LARGEST,
} from './harness.mjs';

useBrowser();

const sample = await fixture(SAMPLE);
const [FIRST, SECOND] = sample.titles;
// Read from the sample: its items name no quantity, deadline or owner, and only the fourth
// sets a goal one can check (争创河南省法治政府建设示范市); the others are vague.
const VAGUE = sample.expected.commitments.map((c) => !c.concrete);
const TITLE = sample.expected.title;
const NOTE = { owner: '市司法局', deadline: '2022-06-30', text: '含"引号",和逗号' };
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

/** Loads the sample, ticks its second item and writes a note on it. */
async function workOn(page) {
  await loadSample(page, sample.titles);
  const list = checklist(page);
  await list.getByRole('checkbox', { name: SECOND }).check();
  await list.getByRole('button', { name: `${ZH.edit}：${SECOND}` }).click();
  const form = item(list, SECOND).locator('form');
  await form.getByRole('textbox', { name: ZH.owner }).fill(NOTE.owner);
  await form.getByRole('textbox', { name: ZH.deadline }).fill(NOTE.deadline);
  await form.getByRole('textbox', { name: ZH.noteText }).fill(NOTE.text);
  await form.getByRole('button', { name: ZH.save }).click();
  await item(list, SECOND).locator('.note').waitFor();
  await list.getByText(ZH.progress(1, 5)).waitFor();
  return list;
}

/** What the Markdown export of `workOn`'s checklist must say, written from the export rules. */
function assertMarkdown(md) {
  assert.ok(md.startsWith(`# ${ZH.checklist}：${TITLE}\n\n`), md.slice(0, 80));
  assert.ok(md.includes(`计划年度：${sample.expected.plan_year} · ${ZH.progress(1, 5)}\n`));
  const tasks = md.split('\n').filter((l) => /^- \[[ x]\] /.test(l));
  assert.deepEqual(
    tasks,
    sample.titles.map((title, i) => `- [${title === SECOND ? 'x' : ' '}] **${title}**${VAGUE[i] ? '（笼统）' : ''}`),
    'one task per item, in order, the ticked one checked, the vague ones marked',
  );
  assert.ok(md.includes('  目标：争创河南省法治政府建设示范市\n'), "the fourth item's goal");
  assert.ok(md.includes(`  备注：责任人：${NOTE.owner} · 期限：${NOTE.deadline} · 说明：${NOTE.text}\n`), 'the note');
  assert.match(md, /- \[ \] \*\*拓展法治宣传阵地\*\*（笼统）\n  \(三\)拓展法治宣传阵地。坚持合理利用资源/, "an item's text follows it");
}

test('Markdown download: title, progress, one task per item, the tick and the note', async (t) => {
  const { page } = await open(t);
  const list = await workOn(page);
  const md = await download(page, ZH.markdown, list);
  assert.equal(md.name, `${TITLE}.checklist.md`);
  assertMarkdown(md.text);
});

test('CSV download: UTF-8 BOM, header row, one row per item, 已完成 on the ticked one', async (t) => {
  const { page } = await open(t);
  const list = await workOn(page);
  const csv = await download(page, ZH.csv, list);
  assert.equal(csv.name, `${TITLE}.checklist.csv`);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte-order mark');
  assert.ok(csv.text.endsWith('\r\n'), 'CRLF line ends');
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ZH.csvHeaders);
  assert.equal(rows.length, 1 + sample.titles.length, 'a header and one row per item');
  for (const [i, title] of sample.titles.entries()) {
    const row = rows[i + 1];
    assert.equal(row.length, ZH.csvHeaders.length, `row ${i + 1} has every column`);
    // The report's issuer (none read from the sample), plan year and file, then the
    // item's points (none: the sample's items are one paragraph each).
    assert.deepEqual(row.slice(10), [sample.expected.issuer ?? '', String(sample.expected.plan_year), ZH.sampleName, '']);
    assert.equal(row[0], TITLE);
    assert.equal(row[2], title);
    assert.ok(row[3].startsWith(title) || row[3].includes(title), `row ${i + 1} has the item's text`);
    assert.equal(row[5], VAGUE[i] ? '笼统' : '具体', `row ${i + 1}: how concrete`);
    assert.equal(row[6], title === SECOND ? ZH.done : ZH.open);
  }
  assert.deepEqual(rows[2].slice(7, 10), [NOTE.owner, NOTE.deadline, NOTE.text], 'the note, quotes and comma intact');
  assert.deepEqual(rows[1].slice(7, 10), ['', '', '']);
});

test('JSON download parses, with the ticks and the note', async (t) => {
  const { page } = await open(t);
  const list = await workOn(page);
  const file = await download(page, ZH.json, list);
  assert.equal(file.name, `${TITLE}.checklist.json`);
  const json = JSON.parse(file.text);
  assert.equal(json.report_title, TITLE);
  assert.equal(json.plan_year, sample.expected.plan_year);
  assert.deepEqual(json.items.map((i) => i.title), sample.titles);
  assert.deepEqual(json.items.map((i) => i.done), sample.titles.map((x) => x === SECOND));
  assert.deepEqual(json.items[1].note, NOTE);
  assert.deepEqual(json.items[0].note, { owner: '', deadline: '', text: '' });
  assert.match(json.items[2].text, /^\(三\)拓展法治宣传阵地。/);
  // It is what local storage keeps for this report.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, [`report-lens/checklist/${json.report_id}`]);
});

test('复制清单 puts the Markdown on the clipboard', async (t) => {
  const { page } = await open(t, { permissions: CLIPBOARD });
  const list = await workOn(page);
  await page.evaluate(() => navigator.clipboard.writeText('之前的内容'));
  await list.getByRole('button', { name: ZH.copy }).click();
  await list.getByRole('status').filter({ hasText: ZH.copied }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assertMarkdown(copied);
  const md = await download(page, ZH.markdown, list);
  assert.equal(copied, md.text, 'the clipboard holds exactly the Markdown export');
});

test('the print view shows the checklist alone; 打印 opens the print dialog', async (t) => {
  const { page } = await open(t);
  const list = await workOn(page);
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => window.printed++;
  });
  await list.getByRole('button', { name: ZH.print }).click();
  assert.equal(await page.evaluate(() => window.printed), 1, '打印 calls window.print()');

  await page.emulateMedia({ media: 'print' });
  const hidden = {
    'the input bar': page.getByRole('region', { name: ZH.addReport }),
    'the language switch': page.getByRole('button', { name: ZH.switchLanguage }),
    'the text': page.getByRole('region', { name: ZH.text }),
    'the outline': page.getByRole('navigation', { name: ZH.outline }),
    'the export buttons': list.getByRole('button', { name: ZH.markdown }),
    "the items' buttons": list.getByRole('button', { name: `${ZH.edit}：${FIRST}` }),
    'the add form': list.getByRole('textbox', { name: ZH.addItem }),
  };
  for (const [what, locator] of Object.entries(hidden)) {
    assert.equal(await locator.isVisible(), false, `${what} is not printed`);
  }
  assert.ok(await page.getByRole('heading', { level: 2, name: TITLE }).isVisible(), 'the report title is printed');
  assert.ok(await list.isVisible(), 'the checklist is printed');
  for (const title of sample.titles) {
    assert.ok(await list.getByText(title, { exact: true }).isVisible(), `${title} is printed`);
  }
  assert.ok(await item(list, SECOND).locator('.note').isVisible(), 'the note is printed');
  await shot(page, 'print-view', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.getByRole('region', { name: ZH.text }).isVisible(), 'the screen is back to normal');
});

test('a share link opens read-only in a new browser context; 保存为我的可编辑副本 makes it editable', async (t) => {
  const { page } = await open(t, { permissions: CLIPBOARD });
  const list = await workOn(page);
  const link = await shareLink(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=1\.[A-Za-z0-9_-]+$/);
  await list.getByRole('status').filter({ hasText: ZH.shareCopied }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');

  const other = await open(t, { url: link });
  const shared = other.page.locator('section.shared');
  await shared.getByText(ZH.sharedBanner).waitFor();
  const sharedList = checklist(other.page);
  await expectTitles(sharedList, sample.titles);
  assert.equal(await sharedList.count(), 1, 'only the shared checklist, no report');
  assert.equal(await shared.getByText(TITLE, { exact: true }).count(), 1, 'it names its report');
  const boxes = sharedList.getByRole('checkbox');
  for (let i = 0; i < 5; i++) {
    assert.equal(await boxes.nth(i).isDisabled(), true, `checkbox ${i + 1} is read-only`);
    assert.equal(await boxes.nth(i).isChecked(), i === 1, `checkbox ${i + 1} as ticked`);
  }
  await sharedList.getByText(ZH.progress(1, 5)).waitFor();
  assert.equal(await item(sharedList, SECOND).locator('.note').textContent(), `责任人：${NOTE.owner} · 期限：${NOTE.deadline} · 说明：${NOTE.text}`);
  assert.equal(await sharedList.getByRole('button', { name: new RegExp(`^${ZH.edit}：`) }).count(), 0, 'no edit buttons');
  assert.equal(await sharedList.getByRole('textbox', { name: ZH.addItem }).count(), 0, 'no add form');
  await shot(other.page, 'shared-readonly', { fullPage: true });

  await shared.getByRole('button', { name: ZH.makeCopy }).click();
  await shared.getByText(ZH.sharedBanner).waitFor({ state: 'detached' });
  assert.equal(await boxes.first().isDisabled(), false, 'the copy is editable');
  await sharedList.getByRole('checkbox', { name: FIRST }).check();
  await sharedList.getByText(ZH.progress(2, 5)).waitFor();
  await sharedList.getByRole('button', { name: `${ZH.delete}：${sample.titles[4]}` }).click();
  await expectTitles(sharedList, sample.titles.slice(0, 4));
  await shot(other.page, 'shared-copy', { fullPage: true });

  // The sender's own checklist is untouched by what the receiver did.
  await reload(page);
  await loadSample(page, sample.titles);
  await list.getByText(ZH.progress(1, 5)).waitFor();
});

test('a share link is never too long to open: a long checklist goes without its items\' texts, notes too long for a link are refused with the reason', async (t) => {
  const national = await fixture('national-2016');
  const { page } = await open(t, { permissions: CLIPBOARD });
  await page.getByLabel(ZH.chooseFiles).setInputFiles(national.path);
  const list = checklist(page);
  await expectTitles(list, national.titles);
  await list.getByRole('checkbox', { name: national.titles[0] }).check();
  const link = await shareLink(page);
  await list.getByRole('status').filter({ hasText: '链接里只有各项的标题、勾选和备注，没有各项的全文' }).waitFor();
  const other = await open(t, { url: link });
  const sharedList = checklist(other.page);
  await expectTitles(sharedList, national.titles);
  assert.equal(await sharedList.getByRole('checkbox', { name: national.titles[0] }).isChecked(), true);

  // 16,819 characters of notes, as typed Chinese: too long for any link.
  let typed = '';
  for (let i = 0; i < 16_819; i++) typed += String.fromCharCode(0x4e00 + ((i * 7919) % 20_000));
  await list.getByRole('button', { name: `${ZH.edit}：${national.titles[1]}` }).click();
  const form = item(list, national.titles[1]).locator('form');
  await form.getByRole('textbox', { name: ZH.noteText }).fill(typed);
  await form.getByRole('button', { name: ZH.save }).click();
  await form.waitFor({ state: 'detached' });
  await list.getByRole('button', { name: ZH.share, exact: true }).click();
  await list.getByRole('status').filter({ hasText: '清单的备注和修改太长，放不进一个链接' }).waitFor();
  assert.equal(await list.getByRole('textbox', { name: ZH.shareLink }).count(), 0, 'no link is offered');
});

test('damaged, truncated and future share links each show a clear message, and the page still works', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: FIRST }).check();
  const link = await shareLink(page);
  const [base, fragment] = link.split('#');
  const payload = fragment.slice('share=1.'.length);
  const middle = Math.floor(payload.length / 2);
  const flip = (c) => (c === 'A' ? 'B' : 'A');
  const tampered = payload.slice(0, middle) + [...payload.slice(middle, middle + 3)].map(flip).join('') + payload.slice(middle + 3);
  const cases = [
    ['tampered', `${base}#share=1.${tampered}`, ZH.shareBroken],
    ['truncated', `${base}#share=1.${payload.slice(0, middle)}`, ZH.shareBroken],
    ['future', `${base}#share=9.${payload}`, ZH.shareFuture],
    ['not a share', `${base}#share=1.!!!`, ZH.shareBroken],
  ];
  for (const [what, url, message] of cases) {
    const other = await open(t, { url });
    const alert = other.page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getByRole('paragraph').textContent(), message, what);
    assert.equal(await checklist(other.page).count(), 0, `${what}: no checklist from a bad link`);
    if (what === 'tampered') await shot(other.page, 'share-broken');
    // The page still works: close the message, load the sample.
    await alert.getByRole('button', { name: ZH.closeShared }).click();
    await alert.waitFor({ state: 'detached' });
    await loadSample(other.page, sample.titles);
  }
});

test('share link length for the largest corpus report (measured)', async (t) => {
  const report = await fixture(LARGEST);
  const { page } = await open(t);
  await page.getByLabel(ZH.chooseFiles).setInputFiles(report.path);
  await expectTitles(checklist(page), report.titles);
  const fresh = await shareLink(page);
  await checklist(page).getByRole('checkbox', { name: report.titles[0] }).check();
  const ticked = await shareLink(page);
  console.log(`SHARE URL length for ${LARGEST} (${report.titles.length} items): ${fresh.length} characters fresh, ${ticked.length} with one tick (${new URL(fresh).origin.length} of them the origin)`);

  const other = await open(t, { url: ticked });
  await expectTitles(checklist(other.page), report.titles);
  assert.equal(await checklist(other.page).getByRole('checkbox', { name: report.titles[0] }).isChecked(), true);
});

test('a share link pasted into the address bar of an open report-lens tab opens the shared checklist', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const link = await shareLink(page);
  const other = await open(t);
  await other.page.goto(link);
  await other.page.getByText(ZH.sharedBanner).waitFor({ timeout: 2000 });
});

test('an editable copy of a shared checklist is still there after a reload', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const link = await shareLink(page);
  const other = await open(t, { url: link });
  await other.page.getByRole('button', { name: ZH.makeCopy }).click();
  await checklist(other.page).getByRole('checkbox', { name: FIRST }).check();
  await checklist(other.page).getByText(ZH.progress(1, 5)).waitFor();
  await reload(other.page);
  await checklist(other.page).first().waitFor();
  assert.equal(await other.page.getByText(ZH.sharedBanner).count(), 0, 'still the editable copy');
  assert.equal(await checklist(other.page).getByRole('checkbox', { name: FIRST }).isChecked(), true, 'with its tick');
});

test("keeping a copy of a shared checklist does not overwrite the receiver's own checklist of the same report", async (t) => {
  const sender = await open(t);
  await loadSample(sender.page, sample.titles);
  await checklist(sender.page).getByRole('checkbox', { name: FIRST }).check();
  const link = await shareLink(sender.page);

  const { page, context } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: SECOND }).check();
  const tab = await context.newPage();
  await tab.goto(link);
  await tab.getByRole('button', { name: ZH.makeCopy }).click();
  await tab.getByText(ZH.sharedBanner).waitFor({ state: 'detached' });

  await inFront(page);
  await reload(page);
  await loadSample(page, sample.titles);
  assert.equal(await checklist(page).getByRole('checkbox', { name: SECOND }).isChecked(), true, "the receiver's own tick is kept");
});

test('with a shared checklist open, the checklist of a report the user loads still takes ticks and items', async (t) => {
  const henan = await fixture('henan-approval-bureau-2022');
  const { page } = await open(t);
  await page.getByLabel(ZH.chooseFiles).setInputFiles(henan.path);
  await expectTitles(checklist(page), henan.titles);
  const link = await shareLink(page);

  const other = await open(t, { url: link });
  await other.page.getByText(ZH.sharedBanner).waitFor();
  await loadSample(other.page);
  const own = other.page.locator('.pane-checklist');
  await expectTitles(own, sample.titles);
  await own.getByRole('checkbox', { name: SECOND }).click();
  await own.getByText(ZH.progress(1, 5)).waitFor({ timeout: 2000 });
});

/** A share link for `list`, made as the page makes one: JSON, zlib, URL-safe base64. */
function linkFor(list) {
  const payload = deflateSync(Buffer.from(JSON.stringify(list)), { level: 9 }).toString('base64url');
  return `${env.url}#share=1.${payload}`;
}

test('hostile share links (two million newlines, a million targets, repeated ids) open at once, bounded (timed)', async (t) => {
  const item = (id, title, extra = {}) => ({
    id, title, text: '', section: null, targets: [], inferred: false, done: false,
    note: { owner: '', deadline: '', text: '' }, ...extra,
  });
  const lists = {
    newlines: { report_id: 'x', report_title: '换行', issuer: null, plan_year: null, items: [item('a', '甲', { text: '\n'.repeat(2_000_000) })] },
    targets: { report_id: 'x', report_title: '目标', issuer: null, plan_year: null, items: [item('a', '甲', { targets: Array(1_000_000).fill('') })] },
    ids: { report_id: 'x', report_title: '重复', issuer: null, plan_year: null, items: [item('same', '甲'), item('same', '乙'), item('same', '丙')] },
  };
  for (const [what, list] of Object.entries(lists)) {
    const url = linkFor(list);
    const start = performance.now();
    const { page } = await open(t, { url });
    const shared = checklist(page);
    await shared.getByRole('checkbox').first().waitFor();
    console.log(`# TIMING share link with ${what} (${Math.round(url.length / 1024)} KB) → checklist shown: ${since(start)} ms`);
    if (what === 'newlines') {
      const text = await shared.locator('li.item').first().evaluate((li) => li.textContent.length);
      assert.ok(text < 25_000, `the text is cut to its bound (${text} characters shown)`);
    }
    if (what === 'ids') {
      // Keep a copy and tick the second row: exactly that row is ticked.
      await page.locator('section.shared').getByRole('button', { name: ZH.makeCopy }).click();
      await shared.getByRole('checkbox', { name: '乙' }).check();
      assert.deepEqual(
        await shared.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.checked)),
        [false, true, false],
        'an action lands on its own row',
      );
    }
  }
});
