// Working on the checklist: ticks and what local storage keeps (and does not share between
// browser contexts), the edit form and notes, adding, deleting with undo, reordering,
// keyboard-only use, and the links from the checklist and outline into the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, open, fixture, loadSample, paste, reload, checklist, documentTabs,
  expectTitles, item, focused, tabUntil, documentNames, expectInViewport, inViewport, eventually,
  shot, ZH, SAMPLE,
} from './harness.mjs';

useBrowser();

const sample = await fixture(SAMPLE);
const [FIRST, SECOND, THIRD, FOURTH, LAST] = sample.titles;

test('a tick comes back after a reload with the same report, by sample or by paste; a new context starts empty', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const list = checklist(page);
  await list.getByRole('checkbox', { name: SECOND }).check();
  await list.getByText(ZH.progress(1, 5)).waitFor();
  assert.ok(await item(list, SECOND).evaluate((li) => li.classList.contains('done')), 'a done item is marked');

  await reload(page);
  assert.equal(await checklist(page).count(), 0, 'a reload starts with nothing loaded');
  await loadSample(page, sample.titles);
  assert.equal(await list.getByRole('checkbox', { name: SECOND }).isChecked(), true, 'the tick is back');
  for (const title of [FIRST, THIRD, FOURTH, LAST]) {
    assert.equal(await list.getByRole('checkbox', { name: title }).isChecked(), false, title);
  }
  await list.getByText(ZH.progress(1, 5)).waitFor();

  // The same text pasted is the same report: same checklist, same tick.
  await paste(page, sample.text);
  await documentTabs(page).getByRole('button', { name: sample.expected.title, exact: true }).waitFor();
  assert.deepEqual(await documentNames(page), [ZH.sampleName, sample.expected.title]);
  await expectTitles(list, sample.titles);
  assert.equal(await list.getByRole('checkbox', { name: SECOND }).isChecked(), true, 'the pasted copy has the tick');

  // Another browser context has its own storage.
  const other = await open(t);
  await loadSample(other.page, sample.titles);
  assert.equal(await checklist(other.page).getByRole('checkbox', { checked: true }).count(), 0, 'nothing ticked elsewhere');
  await checklist(other.page).getByText(ZH.progress(0, 5)).waitFor();
  assert.deepEqual(await other.page.evaluate(() => Object.keys(localStorage)), []);
});

test("an item's title, text and note are edited in its form, shown, and kept over a reload", async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const list = checklist(page);

  // Cancel changes nothing.
  await list.getByRole('button', { name: `${ZH.edit}：${THIRD}` }).click();
  let form = item(list, THIRD).locator('form');
  await form.getByRole('textbox', { name: ZH.itemTitle, exact: true }).fill('不该保存的标题');
  await form.getByRole('button', { name: ZH.cancel }).click();
  await form.waitFor({ state: 'detached' });
  await expectTitles(list, sample.titles);

  await list.getByRole('button', { name: `${ZH.edit}：${THIRD}` }).click();
  form = item(list, THIRD).locator('form');
  const title = form.getByRole('textbox', { name: ZH.itemTitle, exact: true });
  assert.equal(await title.inputValue(), THIRD, 'the form starts from the item');
  assert.match(await form.getByRole('textbox', { name: ZH.itemText }).inputValue(), /法治宣传/);
  const note = form.getByRole('group', { name: ZH.note });
  await title.fill('拓展线上线下法治宣传阵地');
  await form.getByRole('textbox', { name: ZH.itemText }).fill('在公园和广场增设法治宣传设施。\n推进“互联网+法治宣传”。');
  await note.getByRole('textbox', { name: ZH.owner }).fill('市司法局普法科');
  await note.getByRole('textbox', { name: ZH.deadline }).fill('2022年9月底前');
  await note.getByRole('textbox', { name: ZH.noteText }).fill('与宣传部联合推进');
  await shot(page, 'edit-form');
  await form.getByRole('button', { name: ZH.save }).click();
  await form.waitFor({ state: 'detached' });

  const expected = [FIRST, SECOND, '拓展线上线下法治宣传阵地', FOURTH, LAST];
  const check = async () => {
    await expectTitles(list, expected);
    const row = item(list, '拓展线上线下法治宣传阵地');
    assert.equal(await row.locator('.note').textContent(), '责任人：市司法局普法科 · 期限：2022年9月底前 · 说明：与宣传部联合推进');
    await row.getByText(ZH.fullText, { exact: true }).click();
    assert.deepEqual(await row.locator('details p').allTextContents(), ['在公园和广场增设法治宣传设施。', '推进“互联网+法治宣传”。']);
  };
  await check();
  await reload(page);
  await loadSample(page);
  await check();
});

test('items are added by hand, deleted and put back with undo, and reordered; all kept over a reload', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const list = checklist(page);

  // Add with Enter, and with the button; a blank title adds nothing.
  const add = list.getByRole('textbox', { name: ZH.addItem });
  await add.fill('建立法治督察台账');
  await add.press('Enter');
  await expectTitles(list, [...sample.titles, '建立法治督察台账']);
  assert.equal(await add.inputValue(), '', 'the field is emptied for the next item');
  await add.fill('   ');
  await list.getByRole('button', { name: ZH.add, exact: true }).click();
  await add.fill('季度通报落实情况');
  await list.getByRole('button', { name: ZH.add, exact: true }).click();
  const added = [...sample.titles, '建立法治督察台账', '季度通报落实情况'];
  await expectTitles(list, added);
  await list.getByText(ZH.progress(0, 7)).waitFor();

  // Delete, then undo: back in its place.
  await list.getByRole('button', { name: `${ZH.delete}：${SECOND}` }).click();
  await expectTitles(list, added.filter((x) => x !== SECOND));
  const undoBar = list.getByRole('status').filter({ hasText: ZH.deleted(SECOND) });
  await undoBar.waitFor();
  await undoBar.getByRole('button', { name: ZH.undo }).click();
  await expectTitles(list, added);
  assert.equal(await undoBar.count(), 0, 'the undo offer goes away');

  // Reorder with ↑ and ↓; the first cannot go up, the last cannot go down.
  assert.equal(await list.getByRole('button', { name: `${ZH.moveUp}：${FIRST}` }).isDisabled(), true);
  assert.equal(await list.getByRole('button', { name: `${ZH.moveDown}：季度通报落实情况` }).isDisabled(), true);
  await list.getByRole('button', { name: `${ZH.moveDown}：${FIRST}` }).click();
  await expectTitles(list, [SECOND, FIRST, THIRD, FOURTH, LAST, '建立法治督察台账', '季度通报落实情况']);
  await list.getByRole('button', { name: `${ZH.moveUp}：季度通报落实情况` }).click();
  await list.getByRole('button', { name: `${ZH.moveUp}：季度通报落实情况` }).click();
  const order = [SECOND, FIRST, THIRD, FOURTH, '季度通报落实情况', LAST, '建立法治督察台账'];
  await expectTitles(list, order);
  assert.equal(await list.getByRole('button', { name: `${ZH.moveUp}：${SECOND}` }).isDisabled(), true, 'the new first');

  // Delete one for good.
  await list.getByRole('button', { name: `${ZH.delete}：建立法治督察台账` }).click();
  const final = order.slice(0, -1);
  await expectTitles(list, final);

  await reload(page);
  await loadSample(page);
  await expectTitles(list, final, 'order, additions and deletions survive a reload');
  assert.equal(await list.getByRole('status').filter({ hasText: '已删除' }).count(), 0, 'no stale undo after a reload');
});

test('the checklist works from the keyboard alone, with a visible focus outline', async (t) => {
  const { page } = await open(t);
  // Tab to the sample button and press Enter.
  const sampleButton = await tabUntil(page, 'Tab', (f) => f.label === ZH.sample, 10);
  assert.ok(sampleButton.outlineVisible, `focus outline on the sample button: ${sampleButton.outline}`);
  await page.keyboard.press('Enter');
  await expectTitles(checklist(page), sample.titles);

  // Tab to the first item's checkbox, Space ticks it.
  const box = await tabUntil(page, 'Tab', (f) => f.inChecklist && f.type === 'checkbox');
  assert.equal(box.label, FIRST);
  assert.ok(box.outlineVisible, `focus outline on the checkbox: ${box.outline}`);
  await page.keyboard.press('Space');
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  assert.equal(await checklist(page).getByRole('checkbox', { name: FIRST }).isChecked(), true);

  // Tab to its 编辑 button, Enter opens the form with focus in the title field.
  const edit = await tabUntil(page, 'Tab', (f) => f.label === `${ZH.edit}：${FIRST}`, 5);
  assert.ok(edit.outlineVisible, `focus outline on the edit button: ${edit.outline}`);
  await page.keyboard.press('Enter');
  await item(checklist(page), FIRST).locator('form').waitFor();
  const field = await focused(page);
  assert.ok(field.inEditForm && field.tag === 'input', `focus in the form: ${JSON.stringify(field)}`);
  assert.equal(field.label, ZH.itemTitle);
  assert.ok(field.outlineVisible, `focus outline on the title field: ${field.outline}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('健全重大行政决策机制');
  // Tab on to the owner field, type, Enter saves.
  await tabUntil(page, 'Tab', (f) => f.inEditForm && f.label === ZH.owner, 4);
  await page.keyboard.type('市政府办公室');
  await page.keyboard.press('Enter');
  const row = item(checklist(page), '健全重大行政决策机制');
  await row.locator('.note').getByText('责任人：市政府办公室').waitFor();
  assert.equal(await row.locator('form').count(), 0, 'Enter saved and closed the form');
  assert.equal(await row.getByRole('checkbox').isChecked(), true, 'the tick stayed');

  // Shift+Tab back from the add field to the last item's checkbox; Space ticks it.
  await tabUntil(page, 'Tab', (f) => f.label === ZH.addItem);
  const last = await tabUntil(page, 'Shift+Tab', (f) => f.inChecklist && f.type === 'checkbox', 10);
  assert.equal(last.label, LAST);
  assert.ok(last.outlineVisible, `focus outline on the last checkbox: ${last.outline}`);
  await page.keyboard.press('Space');
  await checklist(page).getByText(ZH.progress(2, 5)).waitFor();
  await shot(page, 'keyboard');
});

test('opening the edit form from the keyboard moves focus into the form', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('button', { name: `${ZH.edit}：${FIRST}` }).focus();
  await page.keyboard.press('Enter');
  await item(checklist(page), FIRST).locator('form').waitFor();
  const f = await focused(page);
  assert.ok(f.inEditForm, `focus is on <${f.tag}> "${f.label}", not in the form`);
});

test('an outline heading scrolls its place in the text into view', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const text = page.getByRole('region', { name: ZH.text });
  const outline = page.getByRole('navigation', { name: ZH.outline });
  for (const [button, heading] of [
    ['三、下步打算', '三、下步打算'],
    ['(二)依法行政制度体系完善', /^\(二\)依法行政制度体系完善/],
    ['(十)建立健全法治政府建设落实机制', /^\(十\)建立健全法治政府建设落实机制/],
  ]) {
    const target = text.getByRole('heading', { name: heading });
    assert.equal(await inViewport(target), false, `${button} starts out of view`);
    await outline.getByRole('button', { name: button, exact: true }).click();
    await expectInViewport(target, `${button} is scrolled into view`);
  }
});

test('在原文中查看 marks the item in the text and scrolls it into view', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const marks = page.getByRole('region', { name: ZH.text }).locator('mark.focus');
  assert.equal(await marks.count(), 0);

  await checklist(page).getByRole('button', { name: `${ZH.showInText}：${THIRD}` }).click();
  await marks.first().waitFor();
  const marked = (await marks.allTextContents()).join('');
  assert.ok(marked.startsWith('(三)拓展法治宣传阵地'), marked.slice(0, 40));
  assert.match(marked, /法治宣传氛围。$/, 'the whole item is marked');
  await expectInViewport(marks.first(), 'the item is scrolled into view');
  await shot(page, 'show-in-text');

  await checklist(page).getByRole('button', { name: `${ZH.showInText}：${FIRST}` }).click();
  await eventually(async () => (await marks.allTextContents()).join('').startsWith('(一)健全完善重大行政决策机制'));
  assert.doesNotMatch((await marks.allTextContents()).join(''), /拓展法治宣传阵地/, 'only one item is marked');
  await expectInViewport(marks.first(), 'the other item is scrolled into view');
});

test('在原文中查看 clicked again for the same item scrolls it into view again', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const show = checklist(page).getByRole('button', { name: `${ZH.showInText}：${THIRD}` });
  const mark = page.locator('mark.focus').first();
  await show.click();
  await expectInViewport(mark, 'first click');
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  assert.equal(await inViewport(mark), false, 'scrolled away');
  await show.click();
  await expectInViewport(mark, 'second click scrolls back to the item', 2_000);
});

test('隐藏网页杂项 hides the web-page furniture lines and only them', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  const text = page.getByRole('region', { name: ZH.text });
  const furniture = ['您的位置: 首页 >要闻动态>通知公告>详细内容', '分享到:', '【打印正文】', '用户登录', 'robots'];
  const content = ['商丘市人民政府:', '专此报告。'];
  const visible = (s) => text.getByText(s, { exact: true }).isVisible();
  for (const s of [...furniture, ...content]) assert.equal(await visible(s), true, `${s} shown`);

  const toggle = text.getByRole('checkbox', { name: ZH.hideFurniture });
  await toggle.check();
  for (const s of furniture) assert.equal(await visible(s), false, `${s} hidden`);
  for (const s of content) assert.equal(await visible(s), true, `${s} still shown`);
  await shot(page, 'furniture-hidden');

  await toggle.uncheck();
  for (const s of furniture) assert.equal(await visible(s), true, `${s} shown again`);
});
