// Search and the views agree, driven in Chromium: what the status counts for a search is what the
// cards, the claims view and the timeline show. A claim is found by the words of its whole row
// (its responses' summaries, their quotes, its evidence), an event by the words of its timeline
// row (title, people, the article's words for its date). tests/search_agrees.rs checks the same
// for any search, natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, squash } from './harness.mjs';

const status = async (page) => squash(await page.textContent('.status[role="status"]'));
/** "2 of 58 items match" → 2; "No items match the search and filters" → 0. */
const counted = (text) => Number(text.match(/^(\d+) of \d+ items match$/)?.[1] ?? 0);
const ids = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.dataset.id).sort());

/** Shows a view and waits until it is the one rendered. */
async function show(page, name) {
  await page.click(`.views__button:has-text("${name}")`);
  await page.waitForSelector(`.views__button[aria-current="page"]:has-text("${name}")`);
}

/** Searches for `text` from an empty search, and waits until the status reports it. */
async function search(page, text) {
  await page.fill('#search', '');
  await page.waitForFunction(() => /^Showing all \d+ items$/.test(document.querySelector('.status').textContent.trim()));
  await page.fill('#search', text);
  await page.waitForFunction(() => /items match/.test(document.querySelector('.status').textContent));
}

/**
 * For the current search, from the cards view: the status, then the claims view and the timeline
 * show exactly the counted claims and events (every event of the seed story has a date), and say
 * so when there are none. Returns to the cards view.
 */
async function viewsAgree(page, text) {
  const said = await status(page);
  const cards = await page.$$eval('.card', (cs) => cs.map((c) => [c.dataset.kind, c.dataset.id]));
  assert.equal(cards.length, counted(said), `${text}: ${said}, and the cards`);
  const ofKind = (kind) => cards.filter(([k]) => k === kind).map(([, id]) => id).sort();
  // A view with none of its kind says whether other items match, as the status above it counts them.
  const none = (plural, one) => new RegExp(cards.length === 0 ? `^No ${plural} match the search and filters\\.`
    : cards.length === 1 ? `^The one matching item is not ${one}\\.` : `^None of the ${cards.length} matching items is ${one}\\.`);

  await show(page, 'Claims');
  assert.equal(await status(page), said, `${text}: the claims view's status`);
  assert.deepEqual(await ids(page, '.claim'), ofKind('claim'), `${text}: the claims view`);
  if (ofKind('claim').length === 0) assert.match(await page.textContent('.explore .empty'), none('claims', 'a claim'));

  await show(page, 'Timeline');
  assert.equal(await status(page), said, `${text}: the timeline's status`);
  assert.deepEqual(await ids(page, '.tl-event'), ofKind('event'), `${text}: the timeline`);
  if (ofKind('event').length === 0) assert.match(await page.textContent('.explore .empty'), none('dated events', 'a dated event'));

  await show(page, 'Cards');
  return { said, ofKind };
}

test('"fake news": the status counts the quote and the claim, and the claims view shows that claim', async () => {
  const { page, problems, close } = await open();
  await search(page, 'fake news');
  const { said, ofKind } = await viewsAgree(page, 'fake news');
  assert.match(said, /^2 of \d+ items match$/);
  assert.deepEqual(ofKind('quote'), ['zakharova-fake-news']);
  assert.deepEqual(ofKind('claim'), ['sessions-met-ambassador']);
  assert.deepEqual(ofKind('event'), [], 'no event’s row says it');

  // The response that calls the report "fake news" is in the claim the claims view shows.
  await show(page, 'Claims');
  const response = page.locator('.claim[data-id="sessions-met-ambassador"] .response[data-id="ministry-fake-news"]');
  assert.match(await response.locator('.response__summary').textContent(), /calls the report “fake news”/);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});

test('for other searches too, each view shows what the status counts', async () => {
  const { page, problems, close } = await open();
  // A stance, the article's words for a date, a participant, a word of an evidence note, nothing.
  for (const text of ['dismissal', 'Thursday', 'kislyak', 'height of the campaign', 'no such words anywhere']) {
    await search(page, text);
    await viewsAgree(page, text);
  }
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});
