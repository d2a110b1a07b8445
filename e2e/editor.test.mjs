// The editor (edit/), used as an editor would: paste an article, get the draft, correct it against
// the text, preview it, export it; the exported files pass scripts/check-story.sh and build an
// explorer that shows the corrections. Served from the release bundle (RELEASE_DIST/edit/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from './server.mjs';
import { ARTICLE, axe, env, squash } from './harness.mjs';

const RELEASE = process.env.RELEASE_DIST;
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const EXPORTED = join(ROOT, 'target/edited-story');
const EDITED_DIST = join(ROOT, 'target/dist-edited');
const KEY = 'story-editor/session';
let site;

before(async () => {
  if (RELEASE) site = await serve(RELEASE);
});
after(async () => site?.close());

const skip = !RELEASE && 'no RELEASE_DIST';
const row = (page, id) => page.locator(`li.item-row[data-id="${id}"]`);
const status = async (page) => squash(await page.textContent('.editor-bar__status'));
/** Waits until the start form's error says `pattern` (files are read asynchronously). */
const said = (page, pattern) => page.waitForFunction(
  ([source, flags]) => new RegExp(source, flags).test(document.querySelector('#start-error')?.textContent ?? ''),
  [pattern.source, pattern.flags]);

async function editor(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // The page's Content-Security-Policy refusing anything fails the test like any other error.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error(`CSP refused ${e.violatedDirective}: ${e.blockedURI || 'inline'}`)));
  await page.goto(`${site.url}edit/`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  return { page, errors };
}

/** Opens the item's form (its row's button), unless it is open. */
async function open(page, id) {
  const button = row(page, id).locator('> .item-row__button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await row(page, id).locator('.item-form').waitFor();
}

/** Types `value` into the item's field and leaves it, as an editor does; waits for `done`. */
async function setField(page, id, key, value, done) {
  await open(page, id);
  const field = page.locator(`#f-${id}-${key}`);
  await field.fill(value);
  await field.press('Tab');
  await page.waitForFunction(done.fn, done.arg);
}

async function draftSeed(page) {
  await page.fill('#article-text', ARTICLE);
  await page.click('text=Draft the story');
  await page.waitForSelector('.pane--items .item-row', { state: 'attached' });
}

test('an editor drafts the seed article, corrects it, reloads, undoes and redoes, previews the graph and exports files that build', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, errors } = await editor(context);
  try {
    assert.deepEqual(await axe(page), [], 'the start page');
    await draftSeed(page);
    const items = await page.locator('.pane--items li.item-row[data-id]:not([data-id="meta"])').count();
    assert.equal(await status(page), `Draft: ${items} to review, no problems`);
    assert.ok(await row(page, 'feb-9-2017').count(), 'the draft took the photo caption’s date for an event');

    // The date: the article prints none, so the draft took the photo's as a stand-in and asks,
    // with the story's form open on it.
    assert.match(squash(await page.textContent('.editor-note')), /does not print its publication date, so the draft took 2017-02-09/);
    assert.equal(await page.locator('li[data-id="meta"] .item-form').count(), 1);
    // Marking it checked is refused while drafted items wait, and says so.
    await page.click('button:text-is("Mark as checked")');
    await page.waitForFunction(() => /^\d+ drafted items are not yet accepted or rejected/.test(document.querySelector('.editor-main > .editor-note--error')?.textContent ?? ''));
    assert.match(await status(page), /^Draft:/);
    await setField(page, 'meta', 'published', '2017-03-02', {
      fn: () => document.querySelector('li[data-id="meta"] .item-row__detail')?.textContent === '2017-03-02',
    });
    // The stand-in's note went with it (readers would have read it): the article does not print
    // the real date either, so the editor is asked where it comes from, next to the date.
    await page.waitForFunction(() => /say how the date was set under “Note on the date”/.test(document.querySelector('#f-meta-published-problems')?.textContent ?? ''));
    await setField(page, 'meta', 'published_note', 'The Kremlin spoke on Thursday, March 2, 2017, the day after the Washington Post’s report.', {
      fn: () => !document.querySelector('#f-meta-published-problems'),
    });
    // The events the draft dated from the stand-in now disagree with their own words: each says
    // so next to its date, and the editor clears the date (the words date it).
    const stale = await page.locator('li.item-row:has(.badge--problem)').evaluateAll((rs) => rs.map((r) => r.dataset.id));
    assert.ok(stale.length > 0, 'the relative dates moved with the publication date');
    for (const id of stale) {
      await open(page, id);
      assert.match(squash(await page.locator(`#f-${id}-date-problems`).textContent()), /disagrees with/);
      await setField(page, id, 'date', '', {
        fn: (i) => !document.querySelector(`li[data-id="${i}"] .badge--problem`), arg: id,
      });
    }
    assert.match(await status(page), /no problems$/);
    // A wrong speaker: the paragraph gives “fake news” to an unnamed ministry spokeswoman.
    await setField(page, 'zakharova-fake-news', 'speaker', 'Russian Foreign Ministry', {
      fn: () => document.querySelector('li[data-id="zakharova-fake-news"] .item-row__detail')?.textContent === 'Russian Foreign Ministry',
    });
    await setField(page, 'zakharova-fake-news', 'inferred', '', {
      fn: () => document.querySelector('#f-zakharova-fake-news-inferred')?.value === '',
    });
    // Two entities that are one: the article's “Armed Forces Committee” is the Armed Services one.
    await open(page, 'armed-forces-committee');
    await page.fill('#f-armed-forces-committee-merge', 'Senate Armed Services Committee');
    await page.click('li[data-id="armed-forces-committee"] button:text-is("Merge")');
    await row(page, 'armed-forces-committee').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'items-title', 'focus is not lost with the row');
    // An invented item: the photo's date is no event of the story.
    await open(page, 'feb-9-2017');
    await row(page, 'feb-9-2017').locator('button:text-is("Reject")').click();
    await row(page, 'feb-9-2017').waitFor({ state: 'detached' });

    // A reload in the middle: nothing lost, history included.
    await page.reload();
    await page.waitForSelector('.pane--items .item-row');
    assert.equal(await row(page, 'armed-forces-committee').count(), 0);
    assert.equal(await row(page, 'feb-9-2017').count(), 0);
    assert.equal(squash(await row(page, 'zakharova-fake-news').locator('.item-row__detail').textContent()), 'Russian Foreign Ministry');
    assert.equal(await page.isEnabled('button:text-is("Undo")'), true, 'the undo history survives a reload');

    // A missed quote, made by selecting its words: the draft misses none in the seed, so the
    // editor rejects one first (its words are then no quote), then selects them with the keyboard.
    const words = '(I)t\'s an attempt of total disinformation.';
    await open(page, 'zakharova-i-ts-an-attempt-of');
    await row(page, 'zakharova-i-ts-an-attempt-of').locator('button:text-is("Reject")').click();
    await row(page, 'zakharova-i-ts-an-attempt-of').waitFor({ state: 'detached' });
    const quotes = await page.locator('.pane--items li.item-row[data-id] .kind--quote').count();
    await page.fill('#find-words', words);
    await page.press('#find-words', 'Enter');
    await page.waitForFunction((w) => document.querySelector('.selection-bar__words q')?.textContent === w, words);
    assert.equal(await page.evaluate(() => getSelection().toString()), words, 'the words are selected in the article');
    await page.click('.selection-bar__make button:text-is("Quote")');
    const made = page.locator('li.item-row--open');
    await made.waitFor();
    const id = await made.getAttribute('data-id');
    assert.match(squash(await made.locator('.problems').first().textContent()), /speaker/i, 'a new quote asks for its speaker beside it');
    assert.equal(squash(await made.locator('.item-form__words').textContent()), words);
    await setField(page, id, 'speaker', 'maria zakharova', {
      fn: (i) => document.querySelector(`li[data-id="${i}"] .item-row__detail`)?.textContent === 'Maria Zakharova', arg: id,
    });
    assert.equal(await page.locator('.pane--items li.item-row[data-id] .kind--quote').count(), quotes + 1);
    const problems = await page.locator('.pane--items .problems li').allTextContents();
    assert.match(await status(page), /no problems$/, problems.join('\n'));

    // A selection made with the keyboard in the article itself: the caret at its start, then
    // Shift+End to the end of the headline.
    await page.focus('.article-text');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.waitForFunction(() => document.querySelector('.selection-bar__words q')?.textContent === 'Jeff Sessions');
    assert.equal(await page.evaluate(() => document.querySelector('.article-text').textContent.startsWith('Jeff Sessions')), true, 'typing never changes the article');
    await page.keyboard.press('x');
    assert.equal(await page.evaluate(() => document.querySelector('.article-text p').textContent), 'Jeff Sessions');

    // Undo and redo, back and forth, from the keyboard.
    const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
    await page.focus('.article-text');
    await page.keyboard.press('Control+z'); // the speaker
    await page.waitForFunction((i) => document.querySelector(`li[data-id="${i}"] .item-row__detail`)?.textContent === 'no speaker yet', id);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'article-text', 'undo leaves the focus where it was');
    await page.keyboard.press('Control+z'); // the quote
    await row(page, id).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z'); // the rejection
    await row(page, 'zakharova-i-ts-an-attempt-of').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await row(page, 'zakharova-i-ts-an-attempt-of').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await row(page, id).waitFor();
    await page.click('button:text-is("Redo")');
    await page.waitForFunction((i) => document.querySelector(`li[data-id="${i}"] .item-row__detail`)?.textContent === 'Maria Zakharova', id);
    assert.equal(await page.isEnabled('button:text-is("Redo")'), false);
    const again = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(again.edits, JSON.parse(before).edits, 'walked back and forth to the same story');
    assert.deepEqual(await axe(page), [], 'the editor with an item open');

    // The preview: the explorer itself, its graph with the merged committee.
    await page.click('.editor-tabs button:has-text("Preview")');
    const frame = page.frameLocator('iframe.preview-frame');
    await frame.locator('.views__button:text-is("Relationships")').click();
    await frame.locator('.graph .node').first().waitFor();
    const nodes = await frame.locator('.graph .node').evaluateAll((ns) => ns.map((n) => n.getAttribute('aria-label') ?? n.textContent));
    assert.ok(nodes.some((n) => /Senate Armed Services Committee/.test(n)), nodes.join(' | '));
    assert.ok(!nodes.some((n) => /Armed Forces Committee/.test(n)), 'the merged entity is gone');
    assert.match(await frame.locator('.draft-banner').textContent(), /Draft/);

    // Export, as downloads.
    await page.click('.editor-tabs button:has-text("Article and items")');
    rmSync(EXPORTED, { recursive: true, force: true });
    mkdirSync(EXPORTED, { recursive: true });
    await page.click('details.export > summary');
    for (const name of ['story.toml', 'article.txt']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button:text-is("Download ${name}")`)]);
      assert.equal(download.suggestedFilename(), name);
      await download.saveAs(join(EXPORTED, name));
    }
    assert.equal(readFileSync(join(EXPORTED, 'article.txt'), 'utf8'), ARTICLE, 'the article exactly as pasted');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  // The exported files pass the check and build an explorer that shows the corrections.
  execFileSync('scripts/check-story.sh', [EXPORTED], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('bash', ['-c', `source scripts/env.sh && PUBLIC_URL= STORY_DIR="${EXPORTED}" trunk build --release --offline --dist "${EDITED_DIST}"`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const built = await serve(EDITED_DIST);
  const reader = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await reader.newPage();
    await page.goto(built.url);
    assert.match(squash(await page.textContent('.masthead')), /March 2, 2017/);
    const titles = (await page.locator('.card__title').allTextContents()).map(squash);
    assert.ok(titles.includes('Senate Armed Services Committee'), titles.join(' | '));
    assert.ok(!titles.includes('Armed Forces Committee'), 'no card for the merged entity');
    assert.ok(!titles.includes('Feb. 9, 2017'), 'no card for the rejected event');
    const fake = page.locator('.card', { hasText: 'fake news.' }).first();
    assert.match(squash(await fake.textContent()), /Russian Foreign Ministry/);
    const made = page.locator('.card', { hasText: 'total disinformation' }).first();
    assert.match(squash(await made.textContent()), /Maria Zakharova/);
  } finally {
    await reader.close();
    await built.close();
  }
});

test('opening a story never replaces the one in progress without asking; bad files and pastes are said in words', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await editor(context);
  try {
    await page.fill('#article-text', 'A headline\nSomeone said: “Nothing here is dated.”\n');
    await page.click('text=Draft the story');
    await said(page, /^The article prints no date to date it by: give its publication date above/);
    await page.$eval('#article-text', (t) => { t.value = 'word '.repeat(1_100_000); });
    await page.click('text=Draft the story');
    assert.match(await page.textContent('#start-error'), /^That is 5500 KB of text; the editor takes one article of up to 500 KB/);
    await draftSeed(page);
    const headline = await page.textContent('.editor-bar__story');

    const seedDir = join(ROOT, 'stories/sessions-kislyak');
    const file = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
    const story = readFileSync(join(seedDir, 'story.toml'), 'utf8');
    await page.click('button:text-is("New story")');
    await page.setInputFiles('#story-files', [file('article.txt', ARTICLE), file('story.toml', story)]);
    await page.waitForSelector('.editor-confirm');
    assert.deepEqual(await axe(page), [], 'the question');
    await page.click('button:text-is("Keep editing the current story")');
    await page.waitForSelector('.pane--items');
    assert.equal(await page.textContent('.editor-bar__story'), headline);
    assert.match(await status(page), /^Draft:/, 'the draft in progress is untouched');

    // Dropped on the form, as from a desktop's folder.
    await page.click('button:text-is("New story")');
    await page.evaluate(([article, toml]) => {
      const data = new DataTransfer();
      data.items.add(new File([article], 'article.txt', { type: 'text/plain' }));
      data.items.add(new File([toml], 'story.toml', { type: 'text/plain' }));
      document.querySelector('.editor-start').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [ARTICLE, story]);
    await page.waitForSelector('.editor-confirm');
    await page.click('button:text-is("Keep editing the current story")');
    await page.waitForSelector('.pane--items');
    assert.equal(await page.textContent('.editor-bar__story'), headline);

    await page.click('button:text-is("New story")');
    await page.setInputFiles('#story-files', [file('notes.pdf', '%PDF')]);
    await said(page, /notes\.pdf is not a story's file/);
    await page.setInputFiles('#story-files', [file('article.txt', ARTICLE), file('story.toml', story.replace('[meta]', '[meta]\nheadlin = "x"'))]);
    await said(page, /This story\.toml cannot be read: .*line \d+/s);
    // An article that no longer matches: each broken item named, the rest kept.
    const changed = ARTICLE.replace('Sputnik News', 'Sputnik');
    await page.setInputFiles('#story-files', [file('article.txt', changed), file('story.toml', story)]);
    await page.click('button:text-is("Replace it")');
    await page.waitForSelector('.pane--items');
    assert.match(await status(page), /^Checked|problem/);
    const broken = await page.locator('li.item-row:has(.badge--problem)').evaluateAll((rs) => rs.map((r) => r.dataset.id));
    assert.ok(broken.length >= 1 && broken.length < 10, `only the items quoting the changed words: ${broken}`);
    assert.ok(await page.locator('li.item-row[data-id]').count() > 80, 'the rest are kept');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a saved session this editor cannot read is said, kept aside, and the editor starts afresh', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(k, '{"format": "story-edit session", "version": 1, "article": "cut off');
    }
  }, KEY);
  const { page, errors } = await editor(context);
  try {
    assert.match(squash(await page.textContent('.editor-note--error')), /^The story saved in this browser could not be opened\..*kept aside/);
    assert.match(await page.evaluate(() => localStorage.getItem('story-editor/unreadable')), /cut off/);
    await draftSeed(page);
    assert.match(await status(page), /^Draft:/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('what an editor types into a field is kept through a reload before they leave it', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await editor(context);
  try {
    await draftSeed(page);
    await open(page, 'dmitry-peskov');
    const role = page.locator('#f-dmitry-peskov-role');
    const before = await role.inputValue();
    // Typed, not left: the field's change has not reached the story when the page reloads.
    await role.fill('');
    await role.pressSequentially('Kremlin spokesman, as typed');
    await page.reload();
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.waitForFunction(() => /What you were typing in “Role” when the page closed is kept/.test(document.querySelector('.editor-note')?.textContent ?? ''));
    assert.equal(await page.locator('#f-dmitry-peskov-role').inputValue(), 'Kremlin spokesman, as typed', 'the item is open on the kept words');
    // In the story, not only in the field: a second reload, with nothing typed, shows it too.
    await page.reload();
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await open(page, 'dmitry-peskov');
    assert.equal(await page.locator('#f-dmitry-peskov-role').inputValue(), 'Kremlin spokesman, as typed');
    assert.equal(await page.locator('.editor-note').count(), 0, 'said once');
    // And Undo takes it back.
    await page.click('button:text-is("Undo")');
    await page.waitForFunction((before) => document.querySelector('#f-dmitry-peskov-role')?.value === before, before);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the editor finds what the build would refuse, the editorial rules included, and says it in the form’s words', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await editor(context);
  try {
    await draftSeed(page);
    // Zakharova's paragraph does not name Peskov: as his, with the draft's reason taken out,
    // the quote needs one.
    await setField(page, 'zakharova-i-ts-an-attempt-of', 'speaker', 'Dmitry Peskov', {
      fn: () => document.querySelector('li[data-id="zakharova-i-ts-an-attempt-of"] .item-row__detail')?.textContent === 'Dmitry Peskov',
    });
    await setField(page, 'zakharova-i-ts-an-attempt-of', 'inferred', '', {
      fn: () => document.querySelector('#f-zakharova-i-ts-an-attempt-of-inferred')?.value === '',
    });
    await page.waitForFunction(() => /Dmitry Peskov is not named in the paragraph these words come from: say why the speaker is taken to be them under “Inferred: why”/
      .test(document.querySelector('#f-zakharova-i-ts-an-attempt-of-speaker-problems')?.textContent ?? ''));
    assert.match(await status(page), /1 problem$/);
    await page.click('details.export > summary');
    assert.match(squash(await page.textContent('.export__panel')), /The build refuses it until/);
    // Given a reason, the build takes it.
    await setField(page, 'zakharova-i-ts-an-attempt-of', 'inferred', 'A test of the rule.', {
      fn: () => !document.querySelector('#f-zakharova-i-ts-an-attempt-of-speaker-problems'),
    });
    assert.match(await status(page), /no problems$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a mouse drag over the article selects the words it was aimed at, though the bar above the text grows', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await editor(context);
  try {
    await draftSeed(page);
    // Where the words are before the drag: the first and last characters of a phrase of the
    // fourth paragraph, which the bar's buttons would push down once anything is selected.
    const phrase = 'The Russian Kremlin was denying';
    const points = await page.evaluate((phrase) => {
      // The phrase may run over several marks, so over several text nodes.
      const walker = document.createTreeWalker(document.querySelector('.article-text'), NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, text.length]); text += node.data; }
      const at = text.indexOf(phrase);
      if (at < 0) return null;
      const box = (offset) => {
        const [node, start] = nodes.findLast(([, start]) => start <= offset);
        const r = document.createRange();
        r.setStart(node, offset - start);
        r.setEnd(node, offset - start + 1);
        return r.getBoundingClientRect();
      };
      const first = box(at), last = box(at + phrase.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }, phrase);
    assert.ok(points, 'the phrase is in the article pane');
    await page.mouse.move(points.x1, points.y1);
    await page.mouse.down();
    await page.mouse.move(points.x2, points.y2, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(() => /^Selected:/.test(document.querySelector('.selection-bar__words')?.textContent ?? ''));
    assert.equal(squash(await page.textContent('.selection-bar__words q')), phrase);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone the editor starts on the article, with the items and the preview one tap away', { skip }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page, errors } = await editor(context);
  try {
    assert.deepEqual(await axe(page), [], 'the start page at 390 px');
    const tiny = await page.evaluate(() => [...document.querySelectorAll('.editor-start button, .editor-start input, .editor-start textarea')]
      .map((e) => [e.id || e.textContent.trim(), e.getBoundingClientRect()]).filter(([, r]) => r.height < 24 || r.width < 24).map(([what, r]) => `${what} ${Math.round(r.width)}×${Math.round(r.height)}`));
    assert.deepEqual(tiny, [], 'every control of the start form is a 24 px target');
    await draftSeed(page);
    const top = await page.evaluate(() => document.querySelector('.article-text').getBoundingClientRect().top);
    assert.ok(top < 844, `the article starts on the first screen (at ${top} px)`);
    assert.equal(await page.isVisible('.pane--items'), false);
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'nothing wider than the screen');
    // Words made a place: the new place's row is what the editor sees next, focused, on the
    // items' tab; the article, where a second tap would make a second place, is put away.
    const rows = await page.locator('li.item-row').count();
    await page.fill('#find-words', 'Oval Office');
    await page.click('.selection-bar__find button');
    await page.locator('.selection-bar__make button:text-is("Place")').tap();
    await page.waitForSelector('.pane--items', { state: 'visible' });
    assert.equal(await page.isVisible('.pane--article'), false);
    assert.equal(await page.locator('li.item-row').count(), rows + 1);
    const made = await page.evaluate(() => {
      const row = document.activeElement.closest('li.item-row');
      const box = document.activeElement.getBoundingClientRect();
      return row && { words: row.querySelector('.item-form__words')?.textContent, top: box.top, bottom: box.bottom };
    });
    assert.equal(made?.words, 'Oval Office', 'focus is on the new place, its form open');
    assert.ok(made.top >= 0 && made.bottom <= 844, `and on screen (${made.top} to ${made.bottom} px)`);
    await page.click('.editor-tabs button:text-matches("^Items")');
    await page.waitForSelector('.pane--items', { state: 'visible' });
    assert.equal(await page.isVisible('.pane--article'), false);
    await open(page, 'dmitry-peskov');
    assert.deepEqual(await axe(page), [], 'the items at 390 px with one open');
    const small = await page.evaluate(() => [...document.querySelectorAll('.editor button, .editor label, .editor input, .item-row__kind')]
      .filter((e) => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 12).length);
    assert.equal(small, 0, 'no label under 12 px');
    // Export's panel opens inside the screen, wherever the wrapped row puts its button.
    await page.click('details.export > summary');
    const panel = await page.locator('.export__panel').boundingBox();
    assert.ok(panel.x >= 0 && panel.x + panel.width <= 390, `the export panel is on screen (${panel.x} to ${panel.x + panel.width} px)`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the editor page carries the explorer’s strict Content-Security-Policy', { skip }, () => {
  const html = readFileSync(join(RELEASE, 'edit', 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
  const explorer = readFileSync(join(RELEASE, 'index.html'), 'utf8')
    .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
  // The same policy but for the hashes of each page's own inline scripts.
  const policy = (c) => c.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, '');
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.equal(policy(csp), policy(explorer));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'before any script');
});

test('the reader’s engine holds none of the editor', { skip }, () => {
  const engine = readdirSync(RELEASE).filter((f) => /\.(wasm|js)$/.test(f));
  for (const name of engine) {
    const body = readFileSync(join(RELEASE, name)).toString('latin1');
    for (const s of [KEY, 'Replace the story in progress', 'Download story.toml']) assert.equal(body.includes(s), false, `${name} holds “${s}”`);
  }
  const editorWasm = readdirSync(join(RELEASE, 'edit')).find((f) => f.endsWith('.wasm'));
  assert.ok(readFileSync(join(RELEASE, 'edit', editorWasm)).toString('latin1').includes(KEY), 'checking the check');
});
