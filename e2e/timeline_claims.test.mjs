// The timeline and claims views, driven in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, axe, open, squash } from './harness.mjs';

// Every dated event of the article: lane, resolved date at its precision, and the article's words.
const EVENTS = [
  ['meeting-july', 'happened', '2016-07', 'July'],
  ['meeting-september', 'happened', '2016-09', 'September'],
  ['intelligence-conclusion', 'happened', '2016-12', 'in December'],
  ['confirmation-hearing', 'happened', '2017-01', 'in January'],
  ['flynn-resigns', 'happened', '2017-02', 'last month'],
  ['sworn-in', 'happened', '2017-02-09', 'Feb. 9, 2017'],
  ['post-report', 'reported', '2017-03-01', 'Wednesday'],
  ['sessions-denies-in-statement', 'reported', '2017-03-01', 'Wednesday'],
  ['democrats-call-for-recusal', 'reported', '2017-03-01', 'Wednesday night'],
  ['committee-members-react', 'reported', '2017-03-01', 'Since Wednesday'],
  ['peskov-comments', 'reported', '2017-03-02', 'Thursday'],
  ['mccaskill-statement', 'reported', '2017-03-02', 'Thursday morning'],
];

const view = (page, name) => page.click(`.views__button:has-text("${name}")`);

const timelineEvents = (page) => page.$$eval('.tl-event', (events) => events.map((e) => [
  e.dataset.id,
  e.closest('[data-lane]').dataset.lane,
  e.querySelector('time').getAttribute('datetime'),
  e.querySelector('.date__words')?.textContent.replace(/^ \(“|”\)$/g, '') ?? '',
  e.classList.contains('tl-event--span') ? 'span' : 'point',
]));

test('the timeline shows every dated event at its date and precision, in its lane, with its words', async () => {
  const { page, problems, close } = await open();
  await view(page, 'Timeline');
  const shown = await timelineEvents(page);
  assert.deepEqual(shown.map((e) => e.slice(0, 4)), EVENTS, 'in date order');
  for (const [id, , datetime, , shape] of shown) {
    assert.equal(shape, datetime.length === 10 ? 'point' : 'span', `${id} drawn at its precision`);
  }
  const periods = await page.$$eval('.timeline__period > h3 time', (t) => t.map((e) => e.getAttribute('datetime')));
  assert.deepEqual(periods, ['2016-07', '2016-09', '2016-12', '2017-01', '2017-02', '2017-03']);
  const gaps = (await page.locator('.timeline__gap').allTextContents()).map(squash);
  assert.deepEqual(gaps, ['⋮1 month without events (August 2016), compressed',
    '⋮2 months without events (October 2016 – November 2016), compressed']);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});

test('selecting an event shows its detail: the people involved and its source sentence', async () => {
  const { page, close } = await open();
  await view(page, 'Timeline');
  await page.click('.tl-event[data-id="flynn-resigns"] .tl-event__open');
  assert.equal(squash(await page.textContent('#detail h2')), 'Michael Flynn is forced to resign as National Security Adviser');
  const people = await page.locator('#detail section:has(h3:text("People and organizations")) .link-button').allTextContents();
  assert.deepEqual(people, ['Michael Flynn', 'Donald Trump']);
  assert.match(await page.textContent('#detail .source mark'), /^last month Michael Flynn was forced to resign/);
  await close();
});

test('the timeline and the claims obey the search and filters', async () => {
  const { page, close } = await open();
  await view(page, 'Timeline');
  await page.fill('#search', 'ambassador');
  assert.deepEqual((await timelineEvents(page)).map((e) => e[0]), ['meeting-july', 'meeting-september']);
  await page.fill('#search', 'zzzz');
  assert.match(await page.textContent('.explore .empty'), /No dated events match/);
  await page.fill('#search', '');
  await view(page, 'Claims');
  await page.click('.filters__more summary');
  await page.selectOption('#involving', 'us-intelligence');
  assert.deepEqual(await page.$$eval('.claim', (c) => c.map((e) => e.dataset.id)), ['kremlin-interfered']);
  await close();
});

test('the claims view shows the central claim with every response, each quote verbatim', async () => {
  const { page, problems, close } = await open();
  await view(page, 'Claims');
  const claim = page.locator('.claim[data-id="sessions-met-ambassador"]');
  assert.match(squash(await claim.locator('.claim__by').textContent()), /^Claim reported by The Washington Post · March 1, 2017/);
  const responses = await claim.locator('.response').evaluateAll((rs) => rs.map((r) => [
    r.querySelector('.response__who .link-button').textContent, r.dataset.stance,
  ]));
  assert.deepEqual(responses, [
    ['Dmitry Peskov', 'non-denial'], ['Maria Zakharova', 'dismissal'], ['Jeff Sessions', 'denial'],
    ['Jeff Sessions', 'non-denial'], ['Other members of the Armed Services Committee', 'criticism'],
    ['Anonymous committee staffer', 'criticism'], ['Claire McCaskill', 'criticism'], ['Democrats', 'call-to-act'],
    ['Nancy Pelosi', 'call-to-act'],
  ]);
  const quotes = await claim.locator('.response__quote').allTextContents();
  assert.equal(quotes.length, 10, 'every quote of the article answers the central claim');
  for (const q of quotes) assert.ok(ARTICLE.includes(q.replace(/^“|”$/g, '')), `${q} is verbatim`);
  assert.match(await claim.locator('.evidence__item--missing').textContent(), /^Missing: No notes from the meetings/);
  await claim.locator('.response[data-id="pelosi-resign"] .response__summary .link-button').click();
  assert.match(squash(await page.textContent('#detail h2')), /^Pelosi says Sessions must resign/);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});

test('axe-core finds no violation in the timeline and claims views, light, dark and at 320 px', async () => {
  for (const [colorScheme, width] of [['light', 1280], ['dark', 1280], ['light', 320]]) {
    const { page, close } = await open('', { colorScheme, width });
    for (const name of ['Timeline', 'Claims']) {
      await view(page, name);
      assert.deepEqual(await axe(page), [], `${name}, ${colorScheme}, ${width}px`);
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), width, `${name} fits ${width}px`);
    }
    await close();
  }
});
