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
        assert.ok(meta(html, 'og:image:alt'), `${id}: the image has a text alternative`);
        // Not told its public address, the build writes the image relative to the page itself,
        // as a crawler resolves it (crawlers do not apply <base>), and no canonical link.
        assert.doesNotMatch(html, /rel="canonical"|og:url/);
        const image = new URL(meta(html, 'og:image'), address);
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

test('an item page keeps its item under what share tools add, and with the settings a link adds', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    for (const [query, view] of [['?s=1&mc_cid=x&igshid=y', 'Cards'], ['?utm_source=nl&fbclid=f&si=q', 'Cards'], ['?view=graph', 'Relationships']]) {
      await page.goto(new URL(`q/dmitry-peskov/${query}`, env.server.url).href);
      await page.evaluate(() => window.storyExplorer.start());
      await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
      await page.waitForSelector('#detail[data-id="dmitry-peskov"]');
      assert.equal((await page.textContent('.views__button[aria-current="page"]')).trim(), view, query);
      if (view === 'Relationships') await page.waitForSelector('.graph__canvas');
      assert.equal(await page.locator('.notice').count(), 0, `${query}: nothing said to be left out`);
      assert.match(new URL(page.url()).pathname, /\/q\/dmitry-peskov\/$/, `${query}: the address stays the item page`);
    }
  } finally {
    await context.close();
  }
});

// The release bundle of the test command is a publishing build (scripts/test.sh sets PUBLIC_URL,
// as scripts/publish.sh does): every page's preview addresses are absolute under it, and a
// crawler that fetches them as written (no <base>, no script) gets the image, the page and the
// oEmbed response, whose embed and thumbnail are absolute too.
const PUBLIC_URL = process.env.PUBLIC_URL;
test('published, every page’s preview, canonical and oEmbed addresses are absolute and fetchable as a crawler fetches them', { skip: !PUBLIC_URL && 'no PUBLIC_URL' }, async () => {
  const base = new URL(PUBLIC_URL).pathname;
  const site = await serve(process.env.RELEASE_DIST ?? 'dist', { base });
  const local = (url) => {
    assert.ok(url?.startsWith(PUBLIC_URL), `${url} is absolute, under ${PUBLIC_URL}`);
    return site.url + url.slice(PUBLIC_URL.length);
  };
  const get = async (url, type) => {
    const response = await fetch(local(url));
    assert.equal(response.status, 200, url);
    assert.match(response.headers.get('content-type'), type, url);
    return response;
  };
  try {
    const front = await (await fetch(site.url)).text();
    const pages = [''].concat([...new Set([...front.matchAll(/href="(q\/[a-z0-9-]+\/)"/g)].map((m) => m[1]))]);
    assert.ok(pages.length > 50, `${pages.length} pages`);
    for (const path of pages) {
      const html = await (await fetch(site.url + path)).text();
      const canonical = html.match(/<link rel="canonical" href="([^"]+)">/)?.[1];
      assert.equal(canonical, PUBLIC_URL + path, `${path}: canonical`);
      assert.equal(meta(html, 'og:url'), PUBLIC_URL + path, `${path}: og:url`);
      for (const key of ['og:image', 'twitter:image']) {
        const bytes = new Uint8Array(await (await get(meta(html, key), /^image\/png/)).arrayBuffer());
        assert.deepEqual(pngSize(bytes), [1200, 630], `${path}: ${key}`);
      }
      const discovery = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
      const oembed = await (await get(discovery, /^application\/json/)).json();
      await get(oembed.thumbnail_url, /^image\/png/);
      const src = oembed.html.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
      const opened = await get(src, /^text\/html/);
      assert.equal(new URL(opened.url).searchParams.get('embed'), '1', `${path}: the oEmbed frame is the embed`);
    }
  } finally {
    await site.close();
  }
});
