// Every item's own page, `q/<id>/`: what a link preview reads there (no script runs for it), the
// preview image it names, and the explorer it opens, at the site's root and under a sub-path.
// The links people copy lead there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { env, open, squash } from './harness.mjs';

/** The `content` of `<meta property|name="key">` in `html`, unescaped. */
function meta(html, key) {
  const tag = html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
  return tag?.[1].replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Width and height from a PNG's header. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Every quote of the seed story, with its words as its card shows them. */
async function quotes() {
  const { page, close } = await open('?kind=quote', { waitFor: '.card[data-kind="quote"]' });
  const found = await page.$$eval('.card[data-kind="quote"]', (cards) => cards.map((c) => [c.dataset.id, c.querySelector('.card__open').textContent.trim()]));
  await close();
  return found;
}

for (const base of ['/', '/graphics/sessions/']) {
  test(`every quote's page previews its words and image, and opens at its detail (served at ${base})`, async () => {
    const server = base === '/' ? env.server : await serve(process.env.DIST ?? 'dist', { base });
    try {
      const all = await quotes();
      assert.equal(all.length, 10, "every quote of the seed story");
      for (const [id, words] of all) {
        const address = new URL(`q/${id}/`, server.url);
        const response = await fetch(address);
        assert.equal(response.status, 200, `${id}: its page`);
        const html = await response.text();
        const said = squash(words.replace(/^[“"]|[”"]$/g, '')).slice(0, 40);
        assert.ok(`${meta(html, 'og:title')} ${meta(html, 'og:description')}`.includes(said), `${id}: the preview has "${said}"`);
        assert.match(html, /<link rel="canonical" href="[^"]+">/);
        assert.ok(meta(html, 'og:image:alt'), `${id}: the image has a text alternative`);
        // Relative addresses in the page are the explorer's (its <base>).
        const image = new URL(meta(html, 'og:image'), new URL('../../', address));
        const bytes = new Uint8Array(await (await fetch(image)).arrayBuffer());
        assert.deepEqual(pngSize(bytes), [1200, 630], `${id}: ${image}`);
        assert.ok(bytes.length <= 100_000, `${id}: ${bytes.length} bytes`);
      }
      // A reader opening each: the quote's detail, no console error, nothing from another origin.
      for (const [id] of all) {
        const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
        const page = await context.newPage();
        const problems = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('request', (r) => { if (!r.url().startsWith(new URL(server.url).origin)) problems.push(`foreign: ${r.url()}`); });
        try {
          await page.goto(new URL(`q/${id}/`, server.url).href);
          assert.ok(await page.locator(`#detail[data-id="${id}"]`).isVisible(), `${id}: the detail is in the page as built`);
          await page.evaluate(() => window.storyExplorer.start());
          await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
          await page.waitForSelector(`#detail[data-id="${id}"]`);
          assert.equal(new URL(page.url()).pathname, `${base}q/${id}/`, 'the address stays the item page');
          assert.deepEqual(problems, [], id);
        } finally {
          await context.close();
        }
      }
    } finally {
      if (server !== env.server) await server.close();
    }
  });
}

test('the links people copy are the item pages, and closing the item returns to the explorer', async () => {
  const { page, problems, close } = await open('?item=peskov-no-details', { waitFor: '#detail' });
  try {
    assert.equal(await page.getAttribute('#detail .permalink', 'href'), 'q/peskov-no-details/');
    const card = page.locator('.card[data-id="sergey-kislyak"] .permalink');
    assert.equal(await card.getAttribute('href'), 'q/sergey-kislyak/');
    // On the item page itself, its links still lead to item pages under the explorer.
    await page.goto(new URL('q/peskov-no-details/', env.server.url).href);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    const href = await page.locator('.card[data-id="sergey-kislyak"] .permalink').evaluate((a) => a.href);
    assert.equal(href, new URL('q/sergey-kislyak/', env.server.url).href);
    await page.click('#detail button:has-text("Close")');
    await page.waitForURL((url) => url.pathname === new URL(env.server.url).pathname);
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith('/q/peskov-no-details/'));
    await page.waitForSelector('#detail[data-id="peskov-no-details"]');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});

test('"Copy link" with an item open copies its page, with the rest of the view after it', async () => {
  for (const [link, copied] of [
    ['?item=peskov-no-details', 'q/peskov-no-details/'],
    ['?view=timeline&item=peskov-no-details', 'q/peskov-no-details/?view=timeline&item=peskov-no-details'],
    ['?view=timeline', '?view=timeline'],
  ]) {
    const { page, close } = await open(link, { waitFor: '.share' });
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
      await page.click('button:has-text("Copy link")');
      await page.waitForSelector('.share [role="status"]:has-text("Link copied")');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), new URL(copied, env.server.url).href, link);
    } finally {
      await close();
    }
  }
});
