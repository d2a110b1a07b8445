// Without JavaScript, without WebAssembly: the page still tells the story.
import { test } from 'node:test';
import { serve } from './server.mjs';
import assert from 'node:assert/strict';
import { ARTICLE, axe, env, open, squash } from './harness.mjs';

const PEOPLE = ['Jeff Sessions', 'Sergey Kislyak', 'Dmitry Peskov', 'Maria Zakharova', 'Nancy Pelosi', 'Claire McCaskill'];

/** The first view without its engine: the cards and the article, and no controls that do nothing. */
async function storyShown(page) {
  assert.equal(squash(await page.textContent('h1')), 'Jeff Sessions');
  assert.match(await page.textContent('.masthead__summary'), /^The Russian Kremlin was denying/);
  const people = await page.locator('.card--person .card__title').allTextContents();
  for (const name of PEOPLE) assert.ok(people.includes(name), name);
  const quotes = await page.locator('.card--quote .card__title').allTextContents();
  assert.equal(quotes.length, 10);
  assert.ok(quotes.includes('“I don\'t know the details of any meetings”'));
  const paragraphs = await page.locator('.essentials__article p').allTextContents();
  assert.equal(paragraphs.join('\n'), ARTICLE.split('\n').map((l) => l.trim()).filter(Boolean).slice(1).join('\n'));
  assert.ok(await page.isVisible('#essentials'), 'the article is shown');
  for (const dead of ['.views', '.filters', '.card__actions', '.more']) {
    assert.equal(await page.locator(`${dead}:visible`).count(), 0, dead);
  }
  if (await page.evaluate(() => document.documentElement.dataset.engine === 'failed')) {
    assert.equal(await page.locator('.card button:visible').count(), 0, 'no card offers a button that does nothing');
  }
}

test('with JavaScript disabled the page shows the cards and the article', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(env.server.url);
    await storyShown(page);
    // Only without JavaScript is the <noscript> content parsed into elements, and so shown.
    assert.match(await page.locator('p.boot-message').textContent(), /The interactive explorer needs JavaScript/);
    assert.ok(await page.locator('p.boot-message').isVisible());
  } finally {
    await context.close();
  }
});

test('with WebAssembly removed the page says why and shows the cards and the article', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  try {
    await page.goto(env.server.url);
    await page.waitForSelector('.boot-message[role="alert"]');
    assert.match(await page.textContent('.boot-message'), /cannot run in this browser.*WebAssembly/s);
    await storyShown(page);
  } finally {
    await context.close();
  }
});

// The engine's watchdog: a server that fails, one that serves a wasm altered on its way (which
// its Subresource Integrity refuses) and one that never answers. Each is said at the foot of the
// screen, the story stays readable and usable as built, and "Try again" loads the engine without
// reloading the page once the server behaves.
const ENGINE_WASM = /_bg\.wasm$/;
const BREAKAGES = {
  'fails to load': { files: ENGINE_WASM, role: 'alert', words: /could not be loaded/, handle: (route) => route.fulfill({ status: 500, body: 'broken' }) },
  'is tampered with': {
    files: ENGINE_WASM, role: 'alert', words: /could not be loaded/,
    handle: async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 1;
      await route.fulfill({ response, body });
    },
  },
  // Never answered: the request hangs until the page gives up on it.
  'hangs': { files: ENGINE_WASM, role: 'status', words: /taking long to load/, handle: () => {} },
  'has its glue script fail': { files: /story-explorer-[0-9a-f]+\.js$/, role: 'alert', words: /could not be loaded/, handle: (route) => route.fulfill({ status: 503, body: 'busy' }) },
};
for (const [what, { files, role, words, handle }] of Object.entries(BREAKAGES)) {
  test(`when the program ${what} the page says so, and trying again works without a reload`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The server misbehaves until `healed`; a request it hung stays hung.
    let healed = false;
    await page.route(files, (route) => (healed ? route.continue() : handle(route)));
    try {
      await page.goto(env.server.url);
      await page.evaluate(() => { window.notReloaded = true; });
      await page.focus('#search');
      const notice = page.locator(`.boot-retry[role="${role}"]`);
      await notice.waitFor();
      assert.match(await notice.textContent(), words);
      assert.match(await notice.textContent(), /The story stays readable here/);
      const box = await notice.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 844, 'on screen, where the reader is');
      assert.ok(await page.evaluate(() => document.activeElement.id === 'search'), 'the reader keeps their place');
      assert.equal(squash(await page.textContent('h1')), 'Jeff Sessions');
      assert.deepEqual(await axe(page), []);

      healed = true;
      await notice.locator('button', { hasText: 'Try again' }).click();
      // The button goes with the notice; focus goes back where the reader was, not to the top.
      await page.waitForFunction(() => document.activeElement?.id === 'search');
      await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
      assert.equal(await page.locator('.boot-retry').count(), 0, 'the notice goes once the engine runs');
      await page.click('#open-jeff-sessions');
      await page.waitForSelector('#detail[data-id="jeff-sessions"]');
      assert.ok(await page.evaluate(() => window.notReloaded), 'the same page, never reloaded');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('after "Try again", focus goes back to the control the reader tapped, which the engine then answers', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  let healed = false;
  await page.route(ENGINE_WASM, (route) => (healed ? route.continue() : route.fulfill({ status: 500, body: 'broken' })));
  try {
    await page.goto(env.server.url);
    await page.click('#open-jeff-sessions');
    const retry = page.locator('.boot-retry button', { hasText: 'Try again' });
    await retry.waitFor();
    healed = true;
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'open-jeff-sessions'
      && document.activeElement.getAttribute('aria-busy') === 'true');
    await page.waitForSelector('#detail[data-id="jeff-sessions"]');
  } finally {
    await context.close();
  }
});

test('a download that is slow but arriving is never offered "Try again"', async () => {
  const settings = JSON.parse(await (await fetch(env.server.url)).text().then((html) => html.match(/<script type="application\/json" id="explorer-settings">([^<]*)</)[1]));
  // Longer in all than the watchdog's wait, but never that long without a byte.
  const parts = Math.ceil((settings.engineWait * 1.5) / 800);
  const slow = await serve(process.env.DIST ?? 'dist', { trickle: { files: ENGINE_WASM, parts, every: 800 } });
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      new MutationObserver(() => { if (document.querySelector('.boot-retry')) window.offeredRetry = true; })
        .observe(document, { childList: true, subtree: true });
    });
    const started = Date.now();
    await page.goto(slow.url);
    await page.click('#open-jeff-sessions');
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached', timeout: 60_000 });
    await page.waitForSelector('#detail[data-id="jeff-sessions"]');
    assert.ok(Date.now() - started > settings.engineWait, 'the download took longer than the watchdog waits');
    assert.equal(await page.evaluate(() => window.offeredRetry ?? false), false, 'no "Try again" while bytes arrive');
  } finally {
    await context.close();
    await slow.close();
  }
});

test('a download that stalls half-way is said to be slow, and the engine still arrives when the bytes resume', async () => {
  const settings = JSON.parse(await (await fetch(env.server.url)).text().then((html) => html.match(/<script type="application\/json" id="explorer-settings">([^<]*)</)[1]));
  const stalling = await serve(process.env.DIST ?? 'dist', { trickle: { files: ENGINE_WASM, parts: 4, every: 100, pause: settings.engineWait + 2000 } });
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  try {
    await page.goto(stalling.url);
    await page.click('#open-jeff-sessions');
    const notice = page.locator('.boot-retry[role="status"]');
    await notice.waitFor({ timeout: settings.engineWait + 5000 });
    assert.match(await notice.textContent(), /taking long to load/);
    assert.equal(await page.getAttribute('#open-jeff-sessions', 'aria-busy'), 'true', 'the tap is still waiting');
    await page.waitForSelector('#detail[data-id="jeff-sessions"]', { timeout: 30_000 });
    await notice.waitFor({ state: 'detached' });
  } finally {
    await context.close();
    await stalling.close();
  }
});

test('a program that keeps failing is retried a few times, then the reader is asked to reload', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  let requests = 0;
  await page.route(ENGINE_WASM, (route) => { requests += 1; return route.fulfill({ status: 500, body: 'broken' }); });
  try {
    await page.goto(env.server.url);
    await page.focus('#search');
    const settings = JSON.parse(await page.textContent('#explorer-settings'));
    for (let tries = 1; tries < settings.engineTries; tries += 1) {
      await page.locator('.boot-retry button').click();
      await page.waitForFunction((n) => document.querySelector('.boot-retry') && window.performance.getEntriesByType('resource').filter((r) => r.name.endsWith('_bg.wasm')).length >= n, tries + 1);
    }
    await page.waitForSelector('.boot-retry[role="alert"]');
    assert.match(await page.textContent('.boot-retry'), /Reload the page to try again/);
    assert.equal(await page.locator('.boot-retry button').count(), 0);
    assert.equal(requests, settings.engineTries);
  } finally {
    await context.close();
  }
});

// A browser with WebAssembly but without module scripts, or without dynamic import() (whose
// loader, an inline module script, then never defines storyExplorerImport).
for (const [what, init, why] of [
  ['module scripts', () => { delete HTMLScriptElement.prototype.noModule; }, /needs WebAssembly and JavaScript modules/],
  ['import()', () => { Object.defineProperty(window, 'storyExplorerImport', { set() {}, get() {} }); }, /could not be loaded or started/],
]) {
  test(`a browser without ${what} is told why and shown the cards and the article`, async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(init);
    const page = await context.newPage();
    try {
      await page.goto(env.server.url);
      // Without modules the message is there at once; without import() it comes on first touch.
      // (The pointer is moved by hand: the failure replaces the button it points at.)
      const title = await page.evaluate(() => document.querySelector('.card__open')?.getBoundingClientRect().toJSON());
      if (title) await page.mouse.move(title.x + 5, title.y + 5);
      await page.waitForSelector('.boot-message[role="alert"]');
      assert.match(await page.textContent('.boot-message'), /cannot run in this browser/);
      assert.match(await page.textContent('.boot-message'), why);
      await storyShown(page);
    } finally {
      await context.close();
    }
  });
}

test('an embed in a browser too old for the engine keeps its compact look and its way out', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
  await context.addInitScript(() => { delete HTMLScriptElement.prototype.noModule; });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.url}?embed=1`);
    await page.waitForSelector('.boot-message[role="alert"]');
    assert.ok(await page.isVisible('.masthead__headline'));
    assert.equal(await page.locator('.masthead__summary:visible, .masthead__dateline:visible').count(), 0, 'the compact masthead');
    assert.ok(await page.isVisible('.share--embed a'), 'the link to the full explorer');
    assert.equal(await page.locator('.views__button:visible').count(), 0);
  } finally {
    await context.close();
  }
});

test('the built page carries preview meta tags and an oEmbed description', async () => {
  const html = await (await fetch(env.server.url)).text();
  assert.match(html, /<meta property="og:title" content="Jeff Sessions: story explorer">/);
  assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
  assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="oembed.json"/);
  const oembed = await (await fetch(new URL('oembed.json', env.server.url))).json();
  assert.equal(oembed.type, 'rich');
  assert.match(oembed.html, /^<iframe src="\.\/\?embed=1" title="Jeff Sessions: story explorer" loading="lazy"/);
  const image = await fetch(new URL('og-image.png', env.server.url));
  assert.equal(image.headers.get('content-type'), 'image/png');
});

test('the built page carries a strict CSP and SRI, and a tour of every view violates neither', async () => {
  const html = await (await fetch(env.server.url)).text();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
  assert.match(csp, /script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){2} 'wasm-unsafe-eval';/);
  assert.ok(!csp.includes('unsafe-inline') && !/unsafe-eval'(?<!wasm-unsafe-eval')/.test(csp.replace("'wasm-unsafe-eval'", '')));
  assert.match(csp, /default-src 'self'/);
  for (const tag of html.match(/<(script|link) [^>]*(src|href)="\.\/[^"]+\.(js|css|wasm)"[^>]*>/g) ?? []) {
    assert.match(tag, /integrity="sha384-/, tag);
  }
  // The engine's glue script is imported on demand; the import map carries its integrity.
  const glue = html.match(/<meta name="explorer-engine" content="([^"]+)"/)?.[1];
  const map = JSON.parse(html.match(/<script type="importmap">(.*?)<\/script>/)?.[1] ?? '{}');
  assert.match(map.integrity?.[glue] ?? '', /^sha384-/, `integrity of ${glue}`);
  assert.match(html, /<meta name="explorer-engine" [^>]*data-integrity="sha384-[A-Za-z0-9+/=]+"/, 'the wasm is fetched with integrity');
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const foreign = [];
  const origin = new URL(env.server.url).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !/^(blob|data):/.test(r.url())) foreign.push(r.url()); });
  try {
    await page.goto(env.server.url);
    await page.waitForSelector('.card');
    await page.fill('#search', 'kislyak');
    await page.click('#open-staffer-kislyaks-door');
    await page.waitForSelector('#detail h2');
    await page.fill('#search', '');
    for (const [view, ready] of [['Timeline', '.timeline'], ['Claims', '.claim'], ['Relationships', '.node'], ['Article', '.article .mention'], ['Cards', '.card']]) {
      await page.click(`.views__button:has-text("${view}")`);
      await page.waitForSelector(ready);
    }
    await page.click('button:has-text("Embed")');
    await page.waitForSelector('dialog.embed-dialog[open]');
    // Violation reports are queued as tasks: let two frames pass so any pending one arrives.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
  }
});

test('after loading, the app keeps working offline', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  try {
    await page.goto(env.server.url);
    await page.hover('#search');
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    // Loaded: the graph's own code follows the engine (src/ui/graph_code.rs).
    await page.waitForSelector('html[data-graph-code="here"]', { state: 'attached' });
    await context.setOffline(true);
    // Chromium re-asks for the favicon after every same-document navigation (our history entries);
    // that is the browser's tab chrome, not the app, and failing it changes nothing a reader sees.
    page.on('request', (r) => /\/favicon-[0-9a-f]+\.svg$/.test(r.url()) || requests.push(r.url()));
    await page.fill('#search', 'pelosi');
    await page.click('.views__button:has-text("Relationships")');
    await page.waitForSelector('.node');
    await page.fill('#search', '');
    await page.click('.views__button:has-text("Timeline")');
    await page.waitForSelector('.tl-event');
    assert.deepEqual(requests, [], 'no further requests');
    assert.equal(await page.isVisible('#fatal'), false);
  } finally {
    await context.close();
  }
});

test('an engine that differs from its integrity hash by one byte is refused, though it would run', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.route(ENGINE_WASM, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      // A label in the engine's data: the module stays valid and would run, saying "Shew in article".
      const at = body.indexOf('Show in article');
      assert.ok(at > 0, 'the label is in the engine');
      body[at + 2] = 'e'.charCodeAt(0);
      // Sent as plain bytes (the fetch above decoded the host's compressed copy).
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => !/^content-(encoding|length)$/i.test(k)));
      await route.fulfill({ status: 200, body, headers });
    });
    await page.goto(env.server.url);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('.boot-retry');
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.engine), 'ready');
    assert.equal(await page.locator('text=Shew in article').count(), 0, 'the altered engine never ran');
    assert.match(await page.textContent('.boot-retry'), /could not be loaded/);
    // The page as built stays, to read.
    assert.ok((await page.locator('.card').count()) > 50);
  } finally {
    await context.close();
  }
});

// The relationship view's own chunk (src/ui/graph_code.rs), fetched once the engine is ready: a
// failed, altered or hung download is said in the graph's place when the graph is asked for,
// every other view keeps working, and "Try again" draws the graph once the server behaves.
const GRAPH_CHUNK = /story-explorer-graph-[0-9a-f]+\.wasm$/;
const CHUNK_BREAKAGES = {
  'fails to load': (route) => route.fulfill({ status: 500, body: 'broken' }),
  // Never answered: the engine gives the chunk 15 s (scripts/split-engine.mjs), then says so.
  'hangs': () => {},
  // A custom section appended: a module that compiles and would run as before, which only its
  // integrity tells apart.
  'has bytes added': async (route) => {
    const response = await route.fetch();
    const body = Buffer.concat([Buffer.from(await response.body()), Buffer.from([0, 3, 1, 0x78, 0x79])]);
    assert.ok(WebAssembly.validate(body), 'the altered chunk is still a valid module');
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => !/^content-(encoding|length)$/i.test(k)));
    await route.fulfill({ status: 200, body, headers });
  },
};
for (const [what, handle] of Object.entries(CHUNK_BREAKAGES)) {
  test(`when the graph's code ${what}, the graph's place says so, the rest works, and trying again draws it`, async () => {
    const { page, problems, close } = await open('', { width: 390, height: 844, engine: false });
    let healed = false;
    let requests = 0;
    await page.route(GRAPH_CHUNK, (route) => { requests += 1; return healed ? route.continue() : handle(route); });
    try {
      await page.evaluate(() => window.storyExplorer.start());
      // The code follows the engine at once; its failure there is not the reader's business.
      await page.waitForSelector('html[data-graph-code="failed"]', { state: 'attached' });
      assert.equal(await page.locator('.graph-chunk, .boot-retry').count(), 0, 'nothing said until the graph is asked for');
      await page.click('.views__button:has-text("Relationships")');
      const notice = page.locator('.graph-chunk[role="alert"]');
      await notice.waitFor();
      assert.match(await notice.textContent(), /The graph could not be loaded/);
      assert.equal(await page.locator('[id^="node-"]').count(), 0, 'no graph was drawn from refused code');
      assert.deepEqual(await axe(page), []);

      await page.click('.views__button:has-text("Cards")');
      await page.click('#open-jeff-sessions');
      await page.waitForSelector('#detail[data-id="jeff-sessions"]');

      healed = true;
      await page.click('.views__button:has-text("Relationships")');
      await page.locator('.graph-chunk button', { hasText: 'Try again' }).click();
      await page.waitForSelector('#node-jeff-sessions');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      assert.equal(await page.locator('.graph-chunk').count(), 0, 'the notice goes once the graph is drawn');
      assert.equal(requests, 3, 'the failed download after the engine, the one when the graph was shown, and the one that worked');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await close();
    }
  });
}

test('a host that serves wasm as application/octet-stream still gets the graph', async () => {
  const { page, problems, close } = await open('', { width: 390, height: 844, engine: false });
  await page.route(GRAPH_CHUNK, async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => !/^content-(encoding|length|type)$/i.test(k)));
    await route.fulfill({ status: 200, body: await response.body(), headers: { ...headers, 'content-type': 'application/octet-stream' } });
  });
  try {
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-graph-code="here"]', { state: 'attached' });
    await page.click('.views__button:has-text("Relationships")');
    await page.waitForSelector('#node-jeff-sessions');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await close();
  }
});

test('a link to the graph whose code cannot be fetched shows the explorer with the failure in the graph\'s place', async () => {
  for (const path of ['?view=graph', 'fixture-seed-relationships.html']) {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(GRAPH_CHUNK, (route) => route.fulfill({ status: 500, body: 'broken' }));
    try {
      await page.goto(env.server.url + path);
      await page.evaluate(() => window.storyExplorer.start());
      await page.waitForSelector('.graph-chunk[role="alert"]');
      assert.match(await page.textContent('.graph-chunk'), /The graph could not be loaded/, path);
      assert.ok(await page.isVisible('.views'), `${path}: the explorer runs`);
      await page.click('.views__button:has-text("Cards")');
      await page.waitForSelector('.card');
      assert.deepEqual(errors, [], path);
    } finally {
      await context.close();
    }
  }
});
