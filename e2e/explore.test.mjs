// Search, filters and the article reader, driven in Chromium: counts always match what is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, axe, open, squash } from './harness.mjs';

const status = async (page) => squash(await page.textContent('.status'));
const cardCount = (page) => page.locator('.card').count();
/** "12 of 64 items match" → 12; "Showing all 64 items" → 64; "No items …" → 0. */
const shownByStatus = (text) => Number((text.match(/^(\d+) of|all (\d+)/) ?? [0, 0, 0]).slice(1).find(Boolean) ?? 0);
/** The count a filter's label announces, e.g. "Quote (10)" → 10. */
const labelCount = async (page, id) => Number((await page.textContent(`label[for="${id}"] .count`)).match(/\d+/)[0]);

test('search matches regardless of case and accents, marks the words and announces the count', async () => {
  const { page, problems, close } = await open();
  const total = await cardCount(page);
  await page.fill('#search', 'KISLYÁK');
  await page.waitForFunction(() => document.querySelector('.status').textContent.includes('of'));
  const shown = await cardCount(page);
  assert.ok(shown > 0 && shown < total);
  assert.equal(shownByStatus(await status(page)), shown);
  assert.equal(await page.getAttribute('.status', 'role'), 'status');
  assert.ok((await page.locator('.card mark.hit').count()) >= 1);
  assert.ok((await page.locator('.card mark.hit').allTextContents()).every((t) => t.toLowerCase() === 'kislyak'));
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});

test('every filter value announces exactly how many cards selecting it shows, and filters combine', async () => {
  const { page, problems, close } = await open();
  await page.click('.filters__more summary');
  for (const id of ['kind-quote', 'kind-person', 'side-russian-government', 'sourcing-anonymous-source']) {
    const promised = await labelCount(page, id);
    await page.check(`#${id}`);
    assert.equal(await cardCount(page), promised, `${id} promised ${promised}`);
    assert.equal(shownByStatus(await status(page)), promised);
    await page.uncheck(`#${id}`);
  }
  // Combined: quotes from the Russian government side.
  await page.check('#kind-quote');
  const promised = await labelCount(page, 'side-russian-government');
  await page.check('#side-russian-government');
  assert.equal(await cardCount(page), promised);
  const speakers = await page.locator('.card .card__subtitle').allTextContents();
  assert.ok(speakers.every((s) => /Peskov|Zakharova/.test(s)), speakers.join(' | '));
  // Each active filter is a chip that removes just itself; "Clear all" removes every one.
  assert.deepEqual(await page.locator('.chip:not(.chip--clear)').allTextContents(), ['Kind: Quote ×', 'Side: Russian government ×']);
  await page.click('.chip[aria-label="Remove filter Kind: Quote"]');
  await page.waitForFunction(() => document.querySelectorAll('.chip:not(.chip--clear)').length === 1);
  assert.deepEqual(await page.locator('.chip:not(.chip--clear)').allTextContents(), ['Side: Russian government ×']);
  await page.click('.chip--clear');
  await page.waitForSelector('.chip', { state: 'detached' });
  assert.match(await status(page), /^Showing all \d+ items$/);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});

test('involving and date filters narrow to the right items', async () => {
  const { page, close } = await open();
  await page.click('.filters__more summary');
  await page.selectOption('#involving', 'sergey-kislyak');
  const ids = await page.$$eval('.card', (cards) => cards.map((c) => c.dataset.id));
  for (const id of ['sergey-kislyak', 'jeff-sessions', 'staffer-kislyaks-door', 'meeting-july', 'sessions-met-ambassador']) {
    assert.ok(ids.includes(id), `${id} involves Kislyak`);
  }
  await page.selectOption('#involving', '');
  await page.fill('#date-from', '2016-07');
  await page.fill('#date-to', '2016-09');
  assert.deepEqual((await page.$$eval('.card', (cards) => cards.map((c) => c.dataset.id))).sort(), ['meeting-july', 'meeting-september']);
  assert.deepEqual(await page.locator('.chip:not(.chip--clear)').allTextContents(), ['From: July 2016 ×', 'To: September 2016 ×']);
  await close();
});

test('no results say so and offer to clear the filters', async () => {
  const { page, close } = await open();
  await page.fill('#search', 'no such words in this story');
  assert.equal(await cardCount(page), 0);
  assert.equal(await status(page), 'No items match the search and filters');
  await page.click('.empty button');
  assert.equal(await page.inputValue('#search'), '');
  assert.match(await status(page), /^Showing all/);
  await close();
});

test('hostile search text neither breaks the page nor becomes markup', async () => {
  const { page, problems, close } = await open();
  const hostile = ['x'.repeat(10_000), '<img src=x onerror="window.__owned=1"><script>window.__owned=1</script>',
    '🦀🔥👩‍👩‍👧 sessions', 'שלום עולם مرحبا', '\u202Esessions', '"><svg onload=window.__owned=1>'];
  for (const text of hostile) {
    await page.fill('#search', text);
    assert.equal(await page.isVisible('#fatal'), false);
    assert.equal(await page.evaluate(() => document.querySelectorAll('.card img, .card script, .card svg').length), 0);
    assert.equal(await page.inputValue('#search'), text.slice(0, 500));
  }
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  await page.fill('#search', 'sessions');
  assert.ok((await cardCount(page)) > 0, 'the app still works');
  assert.deepEqual(problems.pageErrors, []);
  await close();
});

test('the article view shows the whole article with every quote and named entity marked', async () => {
  const { page, close } = await open();
  await page.click('.views__button:has-text("Article")');
  const shown = await page.$$eval('.article > *', (els) => els.map((e) => e.textContent.replaceAll('❝', '')));
  const paragraphs = ARTICLE.split('\n').map((l) => l.trim()).filter(Boolean);
  assert.deepEqual(shown.map(squash), paragraphs.map(squash));
  const quotes = new Set(await page.$$eval('.article .quote', (q) => q.map((e) => e.dataset.quote)));
  assert.equal(quotes.size, 10);
  const named = new Set(await page.$$eval('.article .mention', (m) => m.map((e) => e.dataset.entity)));
  for (const id of ['jeff-sessions', 'sergey-kislyak', 'dmitry-peskov', 'maria-zakharova', 'donald-trump', 'michael-flynn',
    'claire-mccaskill', 'nancy-pelosi', 'andrew-jackson', 'kremlin', 'washington-post', 'armed-services-committee',
    'sputnik-news', 'twitter', 'moscow', 'white-house', 'oval-office', 'washington-dc', 'democrats', 'us-intelligence']) {
    assert.ok(named.has(id), `${id} is not marked in the article`);
  }
  assert.deepEqual(await axe(page), []);
  // A mention shows everything involving its entity, in the article (e2e/place.test.mjs has more).
  await page.click('.article .mention[data-entity="moscow"]');
  assert.match(await page.textContent('.article #detail h2'), /^Moscow$/);
  // A quote's button opens its detail there too.
  await page.click('.article .quote[data-quote="pelosi-commission"] + .quote__open');
  assert.match(squash(await page.textContent('.article #detail h2')), /^There must be an independent, bipartisan/);
  await close();
});

test('"Show in article" lands on the card\'s own sentence, highlighted and focused', async () => {
  const { page, close } = await open();
  for (const id of ['staffer-kislyaks-door', 'flynn-resigns', 'andrew-jackson']) {
    await page.click('.views__button:has-text("Cards")');
    const sentence = squash((await page.textContent(`.card[data-id="${id}"] .source`)).replace('From the article: ', ''));
    await page.click(`.card[data-id="${id}"] .card__show`);
    await page.waitForSelector('#article-target');
    assert.equal(squash((await page.textContent('#article-target')).replaceAll('❝', '')), sentence);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article-target');
    // Scrolling may be smooth: wait for it to bring the sentence on screen.
    await page.waitForFunction(() => {
      const box = document.getElementById('article-target').getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }, null, { timeout: 5000 });
  }
  await close();
});

test('axe-core finds no violation with filters open, a search, and a facet applied', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, close } = await open('', { colorScheme });
    await page.click('.filters__more summary');
    await page.fill('#search', 'sessions');
    await page.check('#kind-quote');
    assert.deepEqual(await axe(page), [], colorScheme);
    await close();
  }
});

test('a large story renders a page of cards at a time, with the full count announced', async () => {
  const { page, problems, close } = await open('?synthetic=1000');
  assert.equal(await cardCount(page), 40);
  assert.equal(await status(page), 'Showing all 1000 items');
  await page.fill('#search', 'contract');
  // Rendering a large story may take more than a frame, which Yew splits: await what is shown.
  await page.waitForFunction(() => /^\d+ of 1000 items match$/.test(document.querySelector('.status').textContent.trim()));
  const matches = shownByStatus(await status(page));
  assert.ok(matches > 80, `${matches} matches`);
  assert.equal(await cardCount(page), 40);
  await page.click('button.more');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 80);
  assert.match(await page.textContent('button.more'), new RegExp(`\\(${matches - 80} not shown\\)`));
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});
