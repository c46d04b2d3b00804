// Nothing lost: a browser that blocks site data, a full storage, two tabs on one report,
// the same text opened twice in one tab, and kept values that cannot be read. Storage is
// made to refuse by the page's own API (an init script), as a browser would.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, open, ready, fixture, loadSample, paste, openInput, reload, checklist, documentNames, documentTabs,
  expectTitles, eventually, inFront, shot, fact, ZH, SAMPLE, env,
} from './harness.mjs';

useBrowser();

/** The paste box (of an open input panel). */
function inputBox(page) {
  return page.getByRole('textbox', { name: ZH.paste });
}

const sample = await fixture(SAMPLE);
const [FIRST, SECOND, THIRD] = sample.titles;

const ticked = (page, title) => checklist(page).getByRole('checkbox', { name: title }).isChecked();

/** The keys of this origin's local storage. */
const keys = (page) => page.evaluate(() => Object.keys(localStorage));

test('with site data blocked the page works and says nothing will be kept', async (t) => {
  const { page } = await open(t, {
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The user blocked site data', 'SecurityError');
        },
      });
    },
  });
  await page.getByText('此浏览器不允许本页保存数据').waitFor();
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: SECOND }).check();
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  assert.ok(await page.getByRole('alert').filter({ hasText: '没能保存' }).isVisible(), 'the failed save is said');
  await shot(page, 'storage-blocked');
});

test('a full storage is said beside the checklist, and what was kept before stays kept', async (t) => {
  const { page } = await open(t, {
    init: () => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    },
  });
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: FIRST }).check();
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  await page.evaluate(() => { window.__full = true; });
  await checklist(page).getByRole('checkbox', { name: SECOND }).check();
  const alert = page.locator('.pane-checklist').getByRole('alert');
  await alert.getByText('浏览器的存储空间已满').waitFor();
  assert.ok(await alert.getByRole('button', { name: '清除其他报告保存的清单' }).isVisible());
  assert.equal(await ticked(page, SECOND), true, 'the change is still on the page');
  await shot(page, 'storage-full');

  await reload(page);
  await loadSample(page, sample.titles);
  assert.equal(await ticked(page, FIRST), true, 'what was kept before the storage filled up');
  assert.equal(await ticked(page, SECOND), false, 'the change the page said it could not save');
});

test('two tabs on one report keep each other\'s ticks', async (t) => {
  const { page: first, context } = await open(t);
  const second = await context.newPage();
  await second.goto(env.url);
  await inFront(first);
  await loadSample(first, sample.titles);
  await inFront(second);
  await loadSample(second, sample.titles);
  await inFront(first);
  await checklist(first).getByRole('checkbox', { name: FIRST }).check();
  await inFront(second);
  await checklist(second).getByRole('checkbox', { name: SECOND }).check();
  // Each tab hears what the other kept.
  await checklist(first).getByText(ZH.progress(2, 5)).waitFor();
  await checklist(second).getByText(ZH.progress(2, 5)).waitFor();
  await inFront(first);
  await checklist(first).getByRole('checkbox', { name: THIRD }).check();
  await checklist(second).getByText(ZH.progress(3, 5)).waitFor();

  await reload(first);
  await loadSample(first, sample.titles);
  for (const title of [FIRST, SECOND, THIRD]) {
    assert.equal(await ticked(first, title), true, title);
  }
  await second.close();
});

test('the same text opened twice in one tab is one checklist', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await paste(page, sample.text);
  await documentTabs(page).getByRole('button', { name: sample.expected.title, exact: true }).waitFor();
  await checklist(page).getByRole('checkbox', { name: FIRST }).check();
  await documentTabs(page).getByRole('button', { name: ZH.sampleName, exact: true }).click();
  await checklist(page).getByRole('checkbox', { name: SECOND }).check();
  await documentTabs(page).getByRole('button', { name: sample.expected.title, exact: true }).click();
  await checklist(page).getByText(ZH.progress(2, 5)).waitFor();
  assert.deepEqual(await documentNames(page), [ZH.sampleName, sample.expected.title]);

  await reload(page);
  await loadSample(page, sample.titles);
  assert.equal(await ticked(page, FIRST), true);
  assert.equal(await ticked(page, SECOND), true);
});

test('a kept value that cannot be read is set aside, said, and never overwritten', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: FIRST }).check();
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  const [key] = await keys(page);
  assert.match(key, /^report-lens\/checklist\//);

  for (const [raw, reason] of [['{"items": [', '已损坏'], ['{"version":99,"checklist":{"future":true}}', '由更新版本的 report-lens 保存']]) {
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [key, raw]);
    await reload(page);
    // The sample is back after the reload, and what was kept for it is read again.
    await expectTitles(checklist(page), sample.titles);
    await page.getByRole('alert').getByText(reason).waitFor();
    assert.equal(await ticked(page, FIRST), false, 'a fresh checklist is shown');
    const aside = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('report-lens/aside/')));
    assert.ok(aside.some(([, value]) => value === raw), `the unreadable value is kept aside: ${JSON.stringify(aside)}`);
    await checklist(page).getByRole('checkbox', { name: THIRD }).check();
    await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
    const kept = await page.evaluate((key) => localStorage.getItem(key), key);
    assert.match(kept, /^\{"version":1,"checklist":/, 'the new work is kept under the key');
  }
  await shot(page, 'kept-set-aside');
});

test('a damaged value too big to copy aside is said to be left where it was, not copied', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: FIRST }).check();
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  const [key] = (await keys(page)).filter((k) => k.startsWith('report-lens/checklist/'));
  // Damaged, and more than half of what local storage holds: no copy of it fits.
  const stored = await page.evaluate((key) => {
    const raw = `{"items": [${'x'.repeat(3 * 1024 * 1024)}`;
    localStorage.setItem(key, raw);
    return raw.length;
  }, key);
  await reload(page);
  await expectTitles(checklist(page), sample.titles);
  await page.getByRole('alert').getByText('浏览器的存储空间不够另存一份，所以原样留着，未被覆盖').waitFor();
  assert.equal(await page.getByText('已原样另存').count(), 0, 'it is not said to be copied');
  const left = await page.evaluate((key) => [
    localStorage.getItem(key)?.length,
    Object.keys(localStorage).filter((k) => k.startsWith('report-lens/aside/')).length,
  ], key);
  assert.deepEqual(left, [stored, 0], 'the value is where it was, and no copy exists');
});

/** The record the browser keeps under `key` (IndexedDB), its kept analysis's report as
 *  its length; with `analysed`, those fields of its analysis are changed first. */
const record = (page, key, analysed) => page.evaluate(async ([key, analysed]) => {
  const done = (request) => new Promise((ok, fail) => { request.onsuccess = () => ok(request.result); request.onerror = () => fail(request.error); });
  const database = await done(indexedDB.open('report-lens', 1));
  const store = database.transaction('reports', 'readwrite').objectStore('reports');
  const value = await done(store.get(key));
  if (value && analysed) {
    Object.assign(value.analysed, analysed);
    await done(store.put(value, key));
  }
  database.close();
  return value && { ...value, analysed: value.analysed && { ...value.analysed, report: value.analysed.report.length } };
}, [key, analysed]);

test('a report is kept with its analysis, read back at a reload; one made by another analysis is made again', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await eventually(async () => (await record(page, 'sample'))?.analysed != null, 10_000);
  const kept = (await record(page, 'sample')).analysed;
  assert.match(kept.stamp, /^[0-9a-f]{16}$/, 'the analysis it was made by');
  assert.ok(kept.report > 0, 'the report, encoded');
  assert.equal(kept.shown, Buffer.byteLength(sample.text), 'the whole sample is shown');

  // A field the page does not know goes with the record only as long as it is not
  // written again.
  await record(page, 'sample', { mark: 1 });
  await reload(page);
  await expectTitles(checklist(page), sample.titles);
  assert.deepEqual((await record(page, 'sample')).analysed, { ...kept, mark: 1 }, 'read, not made again');

  // As another version of the analysis would have kept it: its report is not used.
  await record(page, 'sample', { stamp: 'another' });
  await reload(page);
  await expectTitles(checklist(page), sample.titles);
  await eventually(async () => (await record(page, 'sample')).analysed.stamp === kept.stamp, 10_000);
  assert.deepEqual((await record(page, 'sample')).analysed, kept, 'made again by this analysis, and kept');
});

test('a report corrected is kept with the analysis the correction made, which a reload reads back', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await eventually(async () => (await record(page, 'sample'))?.analysed != null, 10_000);
  const year = sample.expected.report_year - 1;
  await page.getByRole('button', { name: '更正报告年度', exact: true }).click();
  await page.getByRole('textbox', { name: '更正报告年度', exact: true }).fill(String(year));
  await page.locator('.meta-band form').getByRole('button', { name: ZH.save }).click();
  await eventually(async () => (await record(page, 'sample')).analysed.corrections.report_year === year, 10_000);
  assert.equal((await record(page, 'sample')).text.length, sample.text.length, 'the text is kept as it was');

  await record(page, 'sample', { mark: 1 });
  await reload(page);
  await expectTitles(checklist(page), sample.titles);
  await eventually(async () => (await fact(page, '报告年度'))?.startsWith(`${year}已更正`), 10_000);
  assert.equal((await record(page, 'sample')).analysed.mark, 1, 'read, not made again');
});

test('a checklist kept from an earlier analysis shows what the analysis finds now, with the ticks as they were', async (t) => {
  const { page } = await open(t);
  await loadSample(page, sample.titles);
  await checklist(page).getByRole('checkbox', { name: SECOND }).check();
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  // As an earlier version of the analysis might have kept it: no item vague, other targets.
  const rewritten = await page.evaluate(() => {
    let count = 0;
    for (const key of Object.keys(localStorage)) {
      const kept = JSON.parse(localStorage.getItem(key));
      const list = kept?.checklist;
      if (!Array.isArray(list?.items)) continue;
      for (const item of list.items) Object.assign(item, { vague: false, targets: ['旧的目标'] });
      localStorage.setItem(key, JSON.stringify(kept));
      count += 1;
    }
    return count;
  });
  assert.equal(rewritten, 1, 'the sample\'s checklist is kept');
  await reload(page);
  await expectTitles(checklist(page), sample.titles);
  const vague = sample.expected.commitments.filter((c) => !c.concrete).length;
  await checklist(page).getByText(ZH.progress(1, 5)).waitFor();
  assert.equal(await ticked(page, SECOND), true, 'the tick is kept');
  assert.equal(await checklist(page).getByText('笼统', { exact: true }).count(), vague, 'the vague items are marked again');
  assert.equal(await checklist(page).getByText('旧的目标').count(), 0, 'the targets are those found now');
});

test('a paste in any tab is a report kept for every tab; a tab\'s unfinished text stays that tab\'s own', async (t) => {
  const henan = await fixture('henan-approval-bureau-2022');
  const liaoning = await fixture('liaoning-business-env-bureau-2022');
  const { page: first, context } = await open(t);
  const second = await context.newPage();
  await second.goto(env.url);
  await ready(second);
  await inFront(first);
  await paste(first, henan.text);
  await expectTitles(checklist(first), henan.titles);
  await inFront(second);
  await paste(second, liaoning.text);
  await expectTitles(checklist(second), liaoning.titles);
  // The first tab starts a draft.
  await inFront(first);
  await openInput(first);
  await inputBox(first).fill('第一个标签页的草稿');
  await first.waitForTimeout(400);

  const both = [henan.expected.title, liaoning.expected.title];
  for (const page of [first, second]) {
    await inFront(page);
    await reload(page);
    await documentTabs(page).getByRole('button', { name: liaoning.expected.title, exact: true }).waitFor();
    assert.deepEqual((await documentNames(page)).sort(), [...both].sort(), 'both pastes, in each tab');
  }
  assert.equal(await inputBox(first).inputValue(), '第一个标签页的草稿', 'the first tab\'s draft is back');
  await openInput(second);
  assert.equal(await inputBox(second).inputValue(), '', 'and is no other tab\'s');
  await second.close();
});

test('pastes kept by an earlier version (one per tab, and long pastes) come back as reports of their own', async (t) => {
  const henan = await fixture('henan-approval-bureau-2022');
  const liaoning = await fixture('liaoning-business-env-bureau-2022');
  const { page } = await open(t);
  await page.evaluate(async ([henan, liaoning]) => {
    const done = (request) => new Promise((ok, fail) => { request.onsuccess = () => ok(request.result); request.onerror = () => fail(request.error); });
    const opening = indexedDB.open('report-lens', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('reports');
    const database = await done(opening);
    const store = database.transaction('reports', 'readwrite').objectStore('reports');
    await done(store.put({ key: 'pasted/5f3a', order: 1, source: 'Pasted', origin: null, text: henan }, 'pasted/5f3a'));
    await done(store.put({ key: 'long/1/x', order: 2, source: { LongPaste: 1 }, origin: null, text: liaoning }, 'long/1/x'));
    database.close();
  }, [henan.text, liaoning.text]);
  await reload(page);
  await documentTabs(page).getByRole('button', { name: liaoning.expected.title, exact: true }).waitFor();
  assert.deepEqual(await documentNames(page), [henan.expected.title, liaoning.expected.title]);
  // Kept again under today's keys, and the old ones forgotten: a second reload shows each once.
  const kinds = () => page.evaluate(async () => {
    const done = (request) => new Promise((ok, fail) => { request.onsuccess = () => ok(request.result); request.onerror = () => fail(request.error); });
    const database = await done(indexedDB.open('report-lens', 1));
    const keys = await done(database.transaction('reports').objectStore('reports').getAllKeys());
    database.close();
    return keys.map((k) => k.split('/')[0]).sort().join(' ');
  });
  await eventually(async () => (await kinds()) === 'paste paste', 10_000);
  await reload(page);
  await documentTabs(page).getByRole('button', { name: liaoning.expected.title, exact: true }).waitFor();
  assert.deepEqual(await documentNames(page), [henan.expected.title, liaoning.expected.title]);
});

test('clearing what the browser keeps in one tab clears it in every tab, also what a tab added after the first opened', async (t) => {
  const { page: first, context } = await open(t);
  const second = await context.newPage();
  await second.goto(env.url);
  await loadSample(second, sample.titles);
  const henan = await fixture('henan-approval-bureau-2022');
  await second.getByLabel(ZH.chooseFiles).setInputFiles(henan.path);
  await second.getByText(/^本机浏览器保存了 2 份报告/).waitFor();

  await inFront(first);
  await reload(first);
  await first.getByText(/^本机浏览器保存了 2 份报告/).waitFor();
  first.once('dialog', (dialog) => dialog.accept());
  await first.getByRole('button', { name: '清除保存的报告和清单' }).click();
  await second.getByRole('alert').getByText('另一个标签页清除了本机浏览器保存的全部报告和清单').waitFor();
  assert.equal(await checklist(second).count(), 0, 'the second tab\'s reports are closed too');
  await inFront(second);
  await reload(second);
  await second.waitForTimeout(1000);
  assert.equal(await checklist(second).count(), 0, 'nothing comes back');
  assert.equal(await second.getByText(/^本机浏览器保存了/).count(), 0);
  await second.close();
});
