// Links that reopen a view, Back and Forward, hostile links, the embed in a host page on another
// origin, and the bundle served from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, open, squash } from './harness.mjs';
import { serve } from './server.mjs';
import { createServer } from 'node:http';

const snapshot = (page) => page.evaluate(() => ({
  search: document.getElementById('search')?.value ?? null,
  chips: [...document.querySelectorAll('.chip:not(.chip--clear)')].map((c) => c.textContent),
  cards: [...document.querySelectorAll('.card')].map((c) => c.dataset.id),
  detail: document.querySelector('#detail h2')?.textContent ?? null,
  view: document.querySelector('.views__button[aria-current="page"]')?.textContent,
}));

test('a search, a filter and a selection make a link that reopens the same view', async () => {
  const { page, close } = await open();
  await page.fill('#search', 'kislyak');
  await page.click('.filters__more summary');
  await page.check('#kind-quote');
  await page.click('#open-staffer-kislyaks-door');
  await page.waitForURL(/\?q=kislyak&kind=quote&item=staffer-kislyaks-door$/);
  const url = page.url();
  const seen = await snapshot(page);
  await close();

  const fresh = await open(new URL(url).search);
  assert.deepEqual(await snapshot(fresh.page), seen);
  assert.deepEqual(fresh.problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await fresh.close();
});

test('every view and a permalink are links too', async () => {
  const { page, close } = await open();
  await page.click('.views__button:has-text("Timeline")');
  await page.waitForURL(/\?view=timeline$/);
  await page.click('.views__button:has-text("Cards")');
  const href = await page.getAttribute('.card[data-id="sworn-in"] .permalink', 'href');
  assert.equal(href, 'q/sworn-in/', "the item's own page, which previews it");
  await close();
  const opened = await open(href);
  assert.equal(squash(await opened.page.textContent('#detail h2')), 'Sessions is sworn in as Attorney General in the Oval Office');
  await opened.close();
});

test('Back and Forward walk the reader\'s steps', async () => {
  const { page, close } = await open();
  await page.click('.views__button:has-text("Claims")');
  await page.waitForURL(/view=claims/);
  await page.click('.views__button:has-text("Timeline")');
  await page.waitForURL(/view=timeline$/);
  await page.click('.tl-event[data-id="sworn-in"] .tl-event__open');
  await page.waitForURL(/item=sworn-in/);
  await page.waitForSelector('#detail h2');
  const steps = [];
  steps.push(await snapshot(page));
  // Each step awaited as drawn: the move through history is applied on the next render.
  const current = (name) => page.waitForFunction((name) => document.querySelector('.views__button[aria-current="page"]')?.textContent === name, name);
  await page.goBack();
  await page.waitForSelector('#detail', { state: 'detached' });
  await current('Timeline');
  await page.goBack();
  await current('Claims');
  await page.goForward();
  await current('Timeline');
  await page.goForward();
  await page.waitForSelector('#detail h2');
  assert.deepEqual(await snapshot(page), steps[0]);
  // Typing is one step, not one per key.
  await page.click('.views__button:has-text("Cards")');
  await page.waitForURL(/item=sworn-in$/);
  await page.fill('#search', 'a');
  await page.fill('#search', 'ab');
  await page.fill('#search', 'abc');
  await page.waitForURL(/q=abc/);
  await page.goBack();
  await current('Timeline');
  await close();
});

/** A deterministic pseudo-random generator, so failures can be replayed. */
function* random(seed) {
  let x = seed;
  for (;;) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; yield (x >>> 0) / 4294967296; }
}

function hostileLinks(count) {
  const keys = ['view', 'q', 'kind', 'side', 'with', 'from', 'to', 'src', 'item', 'at', 'embed', 'zzz', '%', '', 'q%'];
  const values = ['timeline', 'graph', '%E0%A4', '%', '%%', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
    'x'.repeat(5000), '%F0%9F%A6%80', '%D7%A9%D7%9C%D7%95%D7%9D', 'quote,spaceship', 'jeff-sessions', '2017-13-40',
    'javascript:alert(1)', '../../etc/passwd', '\u202E', '%00', 'a=b=c', '+++', ','];
  const rnd = random(20261128);
  const pick = (xs) => xs[Math.floor(rnd.next().value * xs.length)];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rnd.next().value * 5) },
    () => `${pick(keys)}=${pick(values)}`).join('&'));
}

test('1,000 random and hostile links leave the app working', async () => {
  const links = hostileLinks(1000);
  // Twenty as real page loads, the hardest way in.
  for (const link of links.slice(0, 20)) {
    const { page, problems, close } = await open(`?${link}`, { waitFor: '.views' });
    assert.equal(await page.isVisible('#fatal'), false, link.slice(0, 80));
    assert.deepEqual(problems.pageErrors, [], link.slice(0, 80));
    await close();
  }
  // All of them through the address bar of one page: each decoded as Back or Forward would.
  const { page, problems, close } = await open();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const survived = await page.evaluate(async (all) => {
    for (const link of all) {
      history.pushState(null, '', `?${link}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((done) => requestAnimationFrame(done));
      if (!document.getElementById('fatal').hidden) return link;
    }
    return null;
  }, links);
  assert.equal(survived, null);
  assert.deepEqual(dialogs, [], 'no script from a link ever ran');
  assert.deepEqual(problems.pageErrors, []);
  // And it still works.
  await page.evaluate(() => { history.pushState(null, '', '?'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.fill('#search', 'pelosi');
  assert.ok((await page.locator('.card').count()) > 0);
  await close();
});

test('a link with unusable parts says so discreetly and applies the rest', async () => {
  const { page, close } = await open('?q=kislyak&kind=spaceship&item=nobody');
  assert.match(await page.textContent('.notice'), /could not be used.*spaceship.*nobody/s);
  assert.equal(await page.inputValue('#search'), 'kislyak');
  // What could not be used leaves the address, whichever key held it; the rest stays.
  await page.waitForFunction(() => location.search === '?q=kislyak');
  await page.click('.notice button');
  await page.waitForSelector('.notice', { state: 'detached' });
  await close();
});

test('every unusable part of a link is cleaned from the address the same way', async () => {
  const long = 'k'.repeat(5000); // A test server takes at most 16 KB of request line and headers.
  const cases = [
    ['?view=bogus&q=kislyak', '?q=kislyak', /unknown view/],
    ['?kind=quote,zzz&zoom=9999&view=graph', '?view=graph&kind=quote', /unknown kind.*zoom/s],
    ['?with=nobody&side=nowhere', '', /unknown person or organization.*side/s],
    ['?from=2017-13&to=soon&embed=1', '?embed=1', /date/],
    [`?q=${long}`, `?q=${'k'.repeat(500)}`, /longer than 500 characters/],
  ];
  for (const [link, cleaned, said] of cases) {
    const { page, close } = await open(link, { waitFor: '.notice' });
    assert.match(await page.textContent('.notice'), said, link.slice(0, 60));
    await page.waitForFunction((want) => location.search === want, cleaned);
    await close();
  }
});

test('the embed from the Embed dialog follows its content height on another origin and ignores forged heights', async () => {
  const { page, close } = await open('?view=timeline', { waitFor: '.tl-event' });
  await page.click('button:has-text("Embed")');
  assert.ok(await page.isVisible('dialog.embed-dialog'));
  const snippet = await page.inputValue('#embed-code');
  await close();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=timeline&amp;embed=1" title="[^"]+" loading="lazy"/);

  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>News page</title></head><body style="margin:0;width:320px">
      <h1>A news page</h1>${snippet}<p id="after">More article text.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  const hostUrl = `http://localhost:${host.address().port}/`;
  const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
  const hostPage = await context.newPage();
  try {
    await hostPage.goto(hostUrl);
    const frameElement = hostPage.locator('iframe');
    await frameElement.scrollIntoViewIfNeeded();
    const frame = hostPage.frameLocator('iframe');
    await frame.locator('.tl-event').first().waitFor();
    const heightOf = () => frameElement.evaluate((f) => f.getBoundingClientRect().height);
    // The frame grows to the timeline's first page, no taller than 1,200 px.
    await hostPage.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 700);
    await frame.locator('.embed-more').waitFor();
    assert.ok(await heightOf() <= 1200, `the timeline embed is ${await heightOf()} px tall`);
    // Another view starts at its first page again; "Show more" grows the frame with it.
    await frame.locator('.views__button:has-text("Claims")').click();
    await frame.locator('.claim').first().waitFor();
    await frame.locator('.embed-more').waitFor();
    const inner = hostPage.frames().find((f) => f !== hostPage.mainFrame());
    const contentHeight = () => inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const firstPage = await contentHeight();
    await hostPage.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, firstPage);
    assert.ok(firstPage <= 1200, `the claims embed starts ${firstPage} px tall`);
    await frame.locator('.embed-more').click();
    await hostPage.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 200, firstPage);
    const claimsHeight = await heightOf();
    const innerHeight = await contentHeight();
    assert.ok(Math.abs(claimsHeight - innerHeight) <= 2, `frame ${claimsHeight} follows content ${innerHeight}`);
    // A forged message from the host page itself, and an oversize one from the frame, are ignored.
    await hostPage.evaluate(() => {
      window.seen = 0;
      const forged = /xPYMx(123|999999)"|":(99|50000)\}/;
      addEventListener('message', (e) => { if (forged.test(JSON.stringify(e.data))) window.seen += 1; });
      window.postMessage('pymxPYMxstory-explorerxPYMxheightxPYMx123', '*');
      window.postMessage({ 'datawrapper-height': { 'story-explorer': 99 } }, '*');
    });
    await inner.evaluate(() => parent.postMessage('pymxPYMxstory-explorerxPYMxheightxPYMx999999', '*'));
    await inner.evaluate(() => parent.postMessage({ 'datawrapper-height': { x: 50000 } }, '*'));
    await hostPage.waitForFunction(() => window.seen >= 4);
    assert.equal(await heightOf(), claimsHeight);
    // The embed links to the full explorer in a new tab.
    assert.equal(await frame.locator('.share--embed a').getAttribute('target'), '_blank');
    assert.match(await frame.locator('.share--embed a').getAttribute('href'), /\?view=claims$/);
  } finally {
    await context.close();
    await new Promise((ok) => host.close(ok));
  }
});

test('the bundle works when served from a sub-path', async () => {
  const sub = await serve(process.env.DIST ?? 'dist', { base: '/graphics/sessions/' });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  try {
    await page.goto(`${sub.url}?view=claims`);
    await page.waitForSelector('.claim');
    await page.click('.views__button:has-text("Cards")');
    await page.fill('#search', 'pelosi');
    assert.ok((await page.locator('.card').count()) > 0);
    await page.waitForURL(/\/graphics\/sessions\/\?q=pelosi$/);
    assert.deepEqual(failed, []);
  } finally {
    await context.close();
    await sub.close();
  }
});
