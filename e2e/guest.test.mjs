// A good guest: embedded in a news page on another origin, the explorer never takes the host
// page's focus or scrolls it, its document is never taller than the frame the host gives it (so a
// wheel or a finger over it scrolls the article around it), and it is light unless the host asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { env } from './harness.mjs';

/** The embed snippet a newsroom pastes (the front page's oEmbed `html`), pointed at `query`. */
async function snippetFor(query) {
  const oembed = await (await fetch(new URL('oembed.json', env.server.url))).json();
  assert.ok(oembed.html.includes('"./?embed=1"'), 'the test bundle is not a publishing build: its embed code points at its own folder');
  return oembed.html.replace('"./?embed=1"', `"${env.server.url}?${query.replaceAll('&', '&amp;')}"`);
}

/**
 * A host article on another origin (localhost, against the explorer's 127.0.0.1): a search box,
 * `above` px of text, the snippet, and a long text after it. Resolves to { url, close }.
 */
async function hostArticle(snippet, { above = 0 } = {}) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>News page</title>
      <meta name="viewport" content="width=device-width, initial-scale=1"></head>
      <body style="margin:0;background:#fff;color:#111;font:16px/1.5 Georgia,serif">
      <h1 style="margin:0;padding:8px">A news page</h1>
      <label style="display:block;padding:8px">Search this site <input id="host-search" type="search"></label>
      <div id="above" style="height:${above}px">The article begins here.</div>
      ${snippet}
      <div id="after" style="height:4000px">The article goes on.</div></body></html>`);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The explorer's frame in `hostPage` (the iframe matching `selector`), once its engine runs and
 * every task queued by then has run. */
async function embedded(hostPage, selector = 'iframe') {
  const frame = await (await hostPage.waitForSelector(selector, { state: 'attached' })).contentFrame();
  await frame.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
  await settled(frame);
  return frame;
}

/** Two frames painted: for a frame in sight (Chromium paints no frame of a cross-origin iframe
 * out of sight). */
const painted = (frame) => frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
/** Every task queued so far has run (the engine's effects among them), in sight or not. */
const settled = (frame) => frame.evaluate(() => new Promise((done) => setTimeout(() => setTimeout(done, 0), 0)));

const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
};

const LINKS = [
  ['an item', 'item=peskov-no-details&embed=1', '#detail[data-id="peskov-no-details"]'],
  ['a graph item', 'view=graph&item=jeff-sessions&embed=1', '#detail[data-id="jeff-sessions"]'],
  ['an article target', 'view=article&at=peskov-no-details&embed=1', '#article-target'],
];

for (const [device, options] of Object.entries(DEVICES)) {
  test(`on a ${device}, embeds opened on an item, a graph item or an article target leave the host page's focus and scroll alone`, async () => {
    for (const [what, query, shown] of LINKS) {
      const host = await hostArticle(await snippetFor(query), { above: options.viewport.height });
      const context = await env.browser.newContext({ ...options, saveData: false });
      const hostPage = await context.newPage();
      try {
        await hostPage.goto(host.url);
        await hostPage.focus('#host-search');
        const frame = await embedded(hostPage);
        await frame.waitForSelector(shown, { state: 'attached' });
        await settled(frame);
        assert.equal(await hostPage.evaluate(() => scrollY), 0, `${what}: the host page did not scroll`);
        assert.equal(await hostPage.evaluate(() => document.activeElement.id), 'host-search', `${what}: the host keeps its focus`);
        await hostPage.keyboard.type('kremlin');
        assert.equal(await hostPage.inputValue('#host-search'), 'kremlin', `${what}: what the reader types goes to the host`);
        assert.equal(await frame.evaluate(() => document.hasFocus()), false, `${what}: the embed did not take focus`);
        // Once the reader acts inside the embed, it is theirs: closing the item there puts focus
        // on its card, as on a page of its own.
        if (what === 'an item') {
          await hostPage.evaluate(() => document.querySelector('iframe').scrollIntoView());
          await frame.click('#detail button:has-text("Close")');
          await frame.waitForSelector('#detail', { state: 'detached' });
          await frame.waitForFunction(() => document.activeElement?.closest('[data-id="peskov-no-details"]'), null, { polling: 100 });
        }
      } finally {
        await context.close();
        await host.close();
      }
    }
  });
}

/** Waits until the host's frame is as tall as the content it reports, then checks that the frame's
 * document is no taller than the frame (nothing to scroll inside it). Cards off screen are laid
 * out when they come into view (`content-visibility: auto`), so the content may still be growing:
 * the frame then follows it, and the check waits for the two to agree again before judging. */
async function heightsAgree(hostPage, frame, what) {
  const bodyHeight = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  for (let round = 1; ; round += 1) {
    await painted(frame);
    const content = await bodyHeight();
    try {
      await hostPage.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1, content, { timeout: 5000 });
    } catch {
      assert.fail(`${what}: the content is ${content} px, the frame ${await hostPage.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height)} px`);
    }
    await painted(frame);
    const [inner, frameHeight, body] = await frame.evaluate(() => [document.scrollingElement.scrollHeight, innerHeight, Math.ceil(document.body.getBoundingClientRect().height)]);
    if (Math.abs(body - content) > 1 && round < 10) continue;
    assert.ok(inner <= frameHeight + 1, `${what}: the document is ${inner} px in a ${frameHeight} px frame (content ${body} px)`);
    return;
  }
}

const VIEWS = ['cards', 'timeline', 'claims', 'graph', 'article'];

for (const width of [320, 360, 700, 1280]) {
  test(`at ${width} px an embed's document is never taller than its frame: every view, an item open, "Show more" at each step, the filters and the legend`, async () => {
    // Each link gets a new iframe (navigating one iframe races its load against the wait for
    // it), so the host follows the heights of whichever iframe is there, as pym.js hosts do.
    const host = await hostArticle(`<iframe data-n="0" title="Story explorer" style="width:100%;border:0;height:600px"></iframe>
      <script>addEventListener('message', function (e) {
        var frame = document.querySelector('iframe');
        if (e.source !== frame.contentWindow || typeof e.data !== 'string') return;
        var parts = e.data.split('xPYMx');
        if (parts[2] === 'height' && Number(parts[3]) > 0) frame.style.height = Number(parts[3]) + 'px';
      });</script>`);
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, saveData: false });
    const hostPage = await context.newPage();
    try {
      await hostPage.goto(host.url);
      let n = 0;
      for (const view of VIEWS) {
        for (const item of ['', '&item=jeff-sessions']) {
          const query = `view=${view}${item}&embed=1`;
          n += 1;
          await hostPage.evaluate(([src, n]) => {
            scrollTo(0, 0);
            const old = document.querySelector('iframe');
            const frame = document.createElement('iframe');
            frame.title = old.title;
            frame.style.cssText = old.style.cssText;
            frame.dataset.n = n;
            frame.src = src;
            old.replaceWith(frame);
          }, [`${env.server.url}?${query}`, n]);
          const frame = await embedded(hostPage, `iframe[data-n="${n}"]`);
          await heightsAgree(hostPage, frame, `${query}, as opened`);
          // An open item has already lifted the cap as far as its detail goes: each step from there.
          while (await frame.isVisible('.embed-more')) {
            const shown = Number(await frame.getAttribute('main', 'data-pages'));
            const next = shown >= 3 ? 'all' : String(shown + 1);
            await frame.click('.embed-more');
            await frame.waitForSelector(`main[data-pages="${next}"]`, { state: 'attached' });
            await heightsAgree(hostPage, frame, `${query}, "Show more" to page ${next}`);
          }
          if (item || view === 'article') continue;
          if (view === 'claims') {
            await frame.click('.claims__legend summary');
            await heightsAgree(hostPage, frame, `${query}, the stance legend open`);
          }
          await frame.click('.filters__more summary');
          await frame.waitForSelector('.filters__panel', { state: 'visible' });
          await heightsAgree(hostPage, frame, `${query}, the filters open`);
          await hostPage.keyboard.press('Escape');
        }
      }
    } finally {
      await context.close();
      await host.close();
    }
  });
}

for (const [device, options] of Object.entries({ phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, desktop: DEVICES.desktop })) {
  test(`on a ${device}, a ${device === 'phone' ? 'finger' : 'wheel'} over every embedded view scrolls the host article, not the frame`, async () => {
    for (const view of VIEWS) {
      const host = await hostArticle(await snippetFor(`view=${view}&embed=1`), { above: 120 });
      const context = await env.browser.newContext({ ...options, saveData: false });
      const hostPage = await context.newPage();
      try {
        await hostPage.goto(host.url);
        const frame = await embedded(hostPage);
        await heightsAgree(hostPage, frame, view);
        // A point over the embed's content, clear of the graph's own controls.
        const box = await hostPage.locator('iframe').boundingBox();
        const [x, y] = [box.x + box.width / 2, Math.min(box.y + box.height - 40, options.viewport.height - 60)];
        if (device === 'phone') {
          // A finger drawn 300 px up the screen, as touch input (not a synthetic script event).
          const cdp = await context.newCDPSession(hostPage);
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
          for (let step = 1; step <= 10; step += 1) {
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - step * 30 }] });
          }
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        } else {
          await hostPage.mouse.move(x, y);
          await hostPage.mouse.wheel(0, 300);
        }
        await hostPage.waitForFunction(() => scrollY > 100, null, { timeout: 5000 }).catch(() => {});
        const [hostScroll, frameScroll, regionScroll] = [
          await hostPage.evaluate(() => scrollY),
          await frame.evaluate(() => scrollY),
          await frame.evaluate(() => document.getElementById('main').scrollTop),
        ];
        assert.ok(hostScroll > 100, `${view}: the host article scrolled (${hostScroll} px)`);
        assert.equal(frameScroll, 0, `${view}: the frame's own page did not scroll`);
        assert.equal(regionScroll, 0, `${view}: the capped region did not scroll`);
      } finally {
        await context.close();
        await host.close();
      }
    }
  });
}

test('an embed is light in a dark system unless its link asks; a page of its own follows the system', async () => {
  const context = await env.browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  try {
    for (const [query, expected] of [
      ['?embed=1', 'rgb(255, 255, 255)'],
      ['?embed=1&theme=dark', 'rgb(18, 20, 23)'],
      ['?embed=1&theme=auto', 'rgb(18, 20, 23)'],
      ['?theme=light', 'rgb(255, 255, 255)'],
      ['', 'rgb(18, 20, 23)'],
    ]) {
      await page.goto(env.server.url + query);
      assert.equal(await background(), expected, query || 'the page');
    }
    // The choice is in the Embed dialog, and the snippet carries it; the app keeps it in links.
    await page.goto(`${env.server.url}?view=graph&theme=dark`);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    assert.equal(await page.locator('.notice').count(), 0, 'theme is a setting the app knows');
    await page.click('button:has-text("Embed")');
    await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('embed=1'));
    assert.doesNotMatch(await page.inputValue('#embed-code'), /theme=/, 'light, the default, is left out');
    await page.check('input[name="embed-theme"][value="dark"]');
    await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('theme=dark'));
    assert.match(await page.inputValue('#embed-code'), /\?view=graph&amp;theme=dark&amp;embed=1"/);
    await page.goto(`${env.server.url}?theme=purple&embed=1`);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('.notice');
    assert.match(await page.textContent('.notice'), /the theme “purple”/);
    assert.equal(await background(), 'rgb(255, 255, 255)', 'an unknown theme: an embed stays light');
  } finally {
    await context.close();
  }
});

test('on a phone, an item tapped in an embed opens right where the reader is, not at the frame’s top out of sight', async () => {
  for (const [view, opener] of [['cards', '.cards__grid > li:nth-child(2) .card__open'], ['timeline', '.tl-event:nth-child(1) .tl-event__open'], ['graph', '.node[data-id="sergey-kislyak"]']]) {
    const host = await hostArticle(await snippetFor(`view=${view}&embed=1`), { above: 200 });
    const context = await env.browser.newContext({ ...DEVICES.phone, saveData: false });
    const hostPage = await context.newPage();
    try {
      await hostPage.goto(host.url);
      const frame = await embedded(hostPage);
      await heightsAgree(hostPage, frame, view);
      // The host article scrolled so that the item is in the middle of the screen.
      const target = frame.locator(opener).first();
      const before = await target.boundingBox();
      await hostPage.evaluate((y) => scrollBy(0, y - innerHeight / 2), before.y);
      await painted(frame);
      const at = await target.boundingBox();
      const canvasAt = view === 'graph' ? await frame.locator('.graph__canvas').boundingBox() : null;
      const scrolled = await hostPage.evaluate(() => scrollY);
      await hostPage.touchscreen.tap(at.x + at.width / 2, at.y + at.height / 2);
      await frame.waitForSelector('#detail');
      await heightsAgree(hostPage, frame, `${view}, an item open`);
      await painted(frame);
      // Where the reader sees it: the host page did not move, the item is where it was, and
      // the detail starts right after it (its card, its month, the canvas), not above it.
      assert.equal(await hostPage.evaluate(() => scrollY), scrolled, `${view}: the host page did not scroll`);
      // (In the graph, the canvas: the lit neighbourhood may be drawn anew inside it.)
      const stable = frame.locator(view === 'graph' ? '.graph__canvas' : opener).first();
      const after = await stable.boundingBox();
      const was = view === 'graph' ? canvasAt : at;
      assert.ok(Math.abs(after.y - was.y) < 1, `${view}: what was tapped did not move (${was.y} → ${after.y} px)`);
      const detail = await frame.locator('#detail').boundingBox();
      const item = await frame.locator(opener).first().evaluate((el) => {
        const box = (el.closest('.cards__grid > li, .timeline__period, .graph__canvas') ?? el).getBoundingClientRect();
        return { bottom: box.bottom };
      });
      const frameTop = (await hostPage.locator('iframe').boundingBox()).y;
      assert.ok(detail.y >= frameTop + item.bottom - 1 && detail.y < frameTop + item.bottom + 48,
        `${view}: the detail starts right after the item (${detail.y} px, the item ends at ${frameTop + item.bottom} px)`);
      // And all of it is inside the frame's shown part, not under the cap.
      const hidden = await frame.evaluate(() => document.getElementById('detail').getBoundingClientRect().bottom > document.getElementById('main').getBoundingClientRect().bottom);
      assert.equal(hidden, false, `${view}: the detail is not cut by the cap`);
    } finally {
      await context.close();
      await host.close();
    }
  }
});
