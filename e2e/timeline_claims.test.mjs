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
  ['democrats-call-for-recusal', 'reported', '2017-03-01', 'Since the news broke Wednesday night'],
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
  ['span', 'from', 'point'].find((s) => e.classList.contains(`tl-event--${s}`)),
  e.querySelector('.tl-event__date').textContent,
]));

test('the timeline shows every dated event at its date and precision, in its lane, with its words', async () => {
  const { page, problems, close } = await open();
  await view(page, 'Timeline');
  const shown = await timelineEvents(page);
  assert.deepEqual(shown.map((e) => e.slice(0, 4)), EVENTS, 'in date order');
  const since = ['committee-members-react', 'democrats-call-for-recusal'];
  for (const [id, , datetime, , shape, text] of shown) {
    if (since.includes(id)) {
      assert.equal(shape, 'from', `${id} runs on from its day`);
      assert.match(squash(text), /^from March 1, 2017 \(“Since/, `${id} reads as open-ended`);
    } else {
      assert.equal(shape, datetime.length === 10 ? 'point' : 'span', `${id} drawn at its precision`);
    }
  }
  assert.match(squash(await page.textContent('.timeline__legend')), /from that day on/);
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
  assert.deepEqual(people, ['Michael Flynn'], 'the article does not say who forced him out');
  assert.match(await page.textContent('#detail .source mark'), /^last month Michael Flynn was forced to resign/);
  await close();
});

test('the timeline and the claims obey the search and filters', async () => {
  const { page, close } = await open();
  await view(page, 'Timeline');
  await page.fill('#search', 'ambassador');
  assert.deepEqual((await timelineEvents(page)).map((e) => e[0]), ['meeting-july', 'meeting-september', 'committee-members-react']);
  await page.fill('#search', 'zzzz');
  assert.match(await page.textContent('.explore .empty'), /No dated events match/);
  // Items match, none of them an event: the view says so under the count, and where they are.
  await page.fill('#search', 'kislyak');
  await page.click('.filters__more summary');
  await page.check('#kind-quote');
  await page.click('.filters__done button');
  await page.waitForFunction(() => /^None of the \d+ matching items is a dated event\./.test(document.querySelector('.explore .empty')?.textContent ?? ''));
  const matching = Number((await page.textContent('.status')).match(/^(\d+) of/)[1]);
  assert.match(await page.textContent('.explore .empty'), new RegExp(`^None of the ${matching} matching items is a dated event\\.`));
  await page.click(`.explore .empty button:text-is("Show them as cards (${matching})")`);
  await page.waitForSelector('.cards__grid');
  assert.equal(await page.locator('.card').count(), matching);
  await page.click('.chip--clear');
  await page.waitForSelector('.chips', { state: 'detached' });
  await view(page, 'Timeline');
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
    ['The Kremlin', 'non-denial'], ['Russian Foreign Ministry', 'dismissal'], ['Jeff Sessions', 'denial'],
    ['Jeff Sessions', 'denial'], ['Other members of the Armed Services Committee', 'characterization'],
    ['Anonymous committee staffer', 'characterization'], ['Claire McCaskill', 'characterization'], ['Democrats', 'call-to-act'],
    ['Nancy Pelosi', 'call-to-act'],
  ]);
  const quotes = await claim.locator('.response__quote').allTextContents();
  assert.equal(quotes.length, 10, 'every quote of the article answers the central claim');
  for (const q of quotes) assert.ok(ARTICLE.includes(q.replace(/^“|”$/g, '')), `${q} is verbatim`);
  assert.equal(await claim.locator('.evidence__item--missing').count(), 0);
  const his = page.locator('.claim[data-id="sessions-no-campaign-talk"]');
  assert.match(squash(await his.locator('.claim__by').textContent()), /^Claim reported by Jeff Sessions/);
  assert.match(await his.locator('.evidence__item--missing').textContent(), /^Missing: No notes from the meeting have been found/);
  // Sessions' statement: a denial, limited to the campaign.
  assert.match(await claim.locator('.response[data-id="sessions-statement-denial"] .response__summary').textContent(),
    /The denial is limited to discussions of the campaign/);
  // Inferences read as such, with their reasons, where the reader sees the value.
  const fake = claim.locator('.response__quoted:has([data-quote="zakharova-fake-news"]) .inferred');
  assert.match(squash(await fake.textContent()), /^Inferred: .*taken to be Maria Zakharova/);
  assert.match(squash(await claim.locator('.response[data-id="mccaskill-similar"] .response__more > .inferred').textContent()), /^Inferred: The article does not quote her statement/);
  assert.match(squash(await claim.locator(':scope > .inferred').textContent()), /^Inferred: The article credits the Washington Post/);
  // The legend defines every stance.
  await page.click('.claims__legend summary');
  const legend = await page.$$eval('.claims__legend dl > div', (ds) => ds.map((d) => [d.querySelector('dt').textContent.trim(), d.querySelector('dd').textContent]));
  assert.equal(legend.length, 7);
  assert.deepEqual(legend.find(([s]) => s.endsWith('Characterization')), ['≈Characterization', 'Describes what the claim reports (as unusual, for instance) without disputing it.']);
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
