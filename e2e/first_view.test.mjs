// The first view is written into index.html at build time; the WebAssembly comes once the loaded
// page is idle, or, for a reader who asked to save data or is on 2G, when they first reach for a
// control. Such a reader who only reads downloads no engine (every context here is one, see
// e2e/browser.mjs, unless it says otherwise); one who acts early loses nothing; and the engine's
// render is the same page, node for node.
import { createServer } from 'node:http';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, env, squash } from './harness.mjs';

/** A page on the default view, with every request recorded; `hold` keeps the wasm back until released. */
async function fresh({ hold = false, width = 1280, query = '', saveData = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, saveData });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let release = () => {};
  if (hold) {
    const held = new Promise((done) => { release = done; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  }
  await page.goto(env.server.url + query, { waitUntil: 'load' });
  return { page, requests, errors, release, close: () => context.close() };
}

const engine = (page) => page.evaluate(() => document.documentElement.dataset.engine);
const ready = (page) => page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });

/** The explorer's DOM as a canonical string: elements, sorted attributes, text. */
const canonical = (page) => page.evaluate(() => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    // The graph is the one part redrawn once the engine has measured its canvas (the build
    // cannot know the screen): its box stays, and so do its nodes, edges and their names.
    if (node.matches('.graph__canvas')) {
      const nodes = [...node.querySelectorAll('.node')].map((n) => `${n.id} ${n.getAttribute('aria-label')} ${n.getAttribute('aria-selected')}`);
      const edges = [...node.querySelectorAll('.edge')].map((e) => e.dataset.id);
      return `<svg ${node.getAttribute('aria-label')} ${node.getAttribute('role')}>${nodes.join('|')}/${edges.join('|')}</svg>`;
    }
    const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
    // Adjacent text nodes read as one: the engine may split a text where the build did not.
    node.normalize();
    return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  return walk(document.querySelector('#app > .explorer').cloneNode(true));
});

test('a reader who only reads gets the whole first view and no engine', async () => {
  const { page, requests, errors, close } = await fresh();
  try {
    const cards = await page.locator('.card').count();
    assert.ok(cards > 50, `${cards} cards`);
    assert.match(squash(await page.textContent('.status')), /^Showing all \d+ items$/);
    await page.mouse.move(200, 200);
    await page.mouse.wheel(0, 2000);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.locator('.masthead__summary').click();
    // A finger that lands on a card title to scroll the page (a tap would be a click).
    await page.locator('.card__open').first().evaluate((title) => {
      for (const type of ['pointerdown', 'pointermove', 'pointercancel']) {
        title.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', bubbles: true }));
      }
    });
    // boot.js asks for the engine inside the event handler itself, so had any of these been
    // taken for intent, the state would already say so: there is nothing to wait for.
    assert.equal(await engine(page), 'waiting');
    assert.deepEqual(requests.filter((p) => /story-explorer|\.wasm$/.test(p)), []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

const pages = ['index.html'];
for (const story of ['seed', 'hostile', '200']) {
  for (const view of ['cards', 'timeline', 'claims', 'relationships', 'article']) pages.push(`fixture-${story}-${view}.html`);
}

for (const path of pages) {
  test(`the engine hydrates the page as built, node for node: ${path}, embedded and not`, async () => {
    for (const query of ['', '?embed=1&childId=graphic']) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        await page.goto(new URL(path + query, env.server.url).href, { waitUntil: 'load' });
        assert.equal(await engine(page), 'waiting', 'a link with only page settings waits for the reader');
        const built = await canonical(page);
        assert.ok(built.length > 5_000, `${built.length} characters`);
        await page.evaluate(() => {
          window.builtRoot = document.querySelector('#app > .explorer');
          window.builtPlace = window.builtRoot.getBoundingClientRect().toJSON();
        });
        await page.hover('.views__button');
        await ready(page);
        assert.ok(await page.evaluate(() => window.builtRoot.isConnected), 'the engine adopted the DOM, not replaced it');
        const live = await canonical(page);
        if (built !== live) {
          let at = 0;
          while (built[at] === live[at]) at += 1;
          assert.fail(`${path}${query}: first difference at ${at}:\n built: ${built.slice(at - 200, at + 200)}\n live:  ${live.slice(at - 200, at + 200)}`);
        }
        const moved = await page.evaluate(() => JSON.stringify(window.builtRoot.getBoundingClientRect().toJSON()) !== JSON.stringify(window.builtPlace));
        assert.equal(moved, false, 'nothing on screen moved');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });
}

test('an embedded first view follows its content height before any engine loads', async () => {
  const oembed = await (await fetch(new URL('oembed.json', env.server.url))).json();
  const snippet = oembed.html.replaceAll('"./?embed=1"', `"${env.server.url}?embed=1"`);
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>News page</title></head><body style="margin:0;width:320px">
      <h1>A news page</h1>${snippet}<p>More article text.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
  const hostPage = await context.newPage();
  const requests = [];
  hostPage.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await hostPage.goto(`http://localhost:${host.address().port}/`);
    await hostPage.locator('iframe').scrollIntoViewIfNeeded();
    // The cards view at 320 px is thousands of pixels tall, shown a page at a time: the frame,
    // which the snippet starts at 600, follows the first page, never past 1,200.
    await hostPage.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 700);
    const inner = hostPage.frames().find((f) => f !== hostPage.mainFrame());
    await inner.waitForSelector('.embed-more', { state: 'visible' });
    const content = await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await hostPage.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, content);
    assert.ok(content <= 1200, `the embed starts ${content} px tall`);
    assert.equal(await inner.evaluate(() => document.documentElement.dataset.engine), 'waiting');
    assert.equal(await inner.isVisible('.masthead__headline'), true);
    assert.equal(await inner.isVisible('.masthead__summary'), false, 'the compact masthead');
    assert.equal(await inner.locator('.share--embed a').evaluate((a) => a.href), env.server.url);
    assert.deepEqual(requests.filter((p) => /story-explorer|\.wasm$/.test(p)), []);
  } finally {
    await context.close();
    await new Promise((done) => host.close(done));
  }
});

test('what a reader does before the engine arrives is carried over to it', async () => {
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.click('.filters__more summary');
    await page.check('#kind-quote');
    await page.fill('#search', 'kislyak');
    assert.equal(await engine(page), 'loading');
    release();
    await ready(page);
    await page.waitForFunction(() => /^\d+ of \d+ items match$/.test(document.querySelector('.status').textContent));
    const kinds = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.dataset.kind));
    assert.ok(kinds.length > 0 && kinds.every((k) => k === 'quote'), kinds.join());
    for (const text of await page.locator('.card').allTextContents()) assert.match(text, /kislyak/i);
    assert.equal(await page.inputValue('#search'), 'kislyak');
    assert.ok(await page.isChecked('#kind-quote'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search', 'focus stays in the search box');
    assert.ok(await page.evaluate(() => document.querySelector('.filters__more').open), 'the filters stay open');
    await page.waitForURL(/q=kislyak/);
    assert.match(page.url(), /kind=quote/);
  } finally {
    await close();
  }
});

test('keys typed while the engine renders land in its search box', async () => {
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.focus('#search');
    await page.keyboard.type('kis');
    release();
    // No wait: some of these keys arrive while the engine replaces the first view.
    await page.keyboard.type('lyak', { delay: 15 });
    await ready(page);
    assert.equal(await page.inputValue('#search'), 'kislyak');
    await page.waitForURL(/q=kislyak/);
  } finally {
    await close();
  }
});

test('a card opened before the engine arrives opens once it has', async () => {
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.click('#open-sergey-kislyak');
    // Acknowledged at once, while the engine is still on its way (held here): the control says
    // it is starting, to sight and to assistive technology.
    const button = page.locator('#open-sergey-kislyak');
    assert.equal(await button.getAttribute('aria-busy'), 'true');
    assert.notEqual(await button.evaluate((b) => getComputedStyle(b, '::after').content), 'none', 'a spinner shows');
    release();
    await page.waitForSelector('#detail h2');
    assert.match(squash(await page.textContent('#detail h2')), /Sergey Kislyak/);
    await page.waitForURL(/item=sergey-kislyak/);
    assert.equal(await page.locator('[data-pending], [aria-busy]').count(), 0, 'answered: the marks are gone');
  } finally {
    await close();
  }
});

test('the first view passes axe before the engine runs, at 1280 and 320 px and embedded', async () => {
  for (const [width, query] of [[1280, ''], [320, ''], [320, '?embed=1']]) {
    const { page, close } = await fresh({ width, query });
    try {
      assert.deepEqual(await axe(page), [], `${width} px ${query}`);
      assert.equal(await engine(page), 'waiting', 'checking it did not start the engine');
    } finally {
      await close();
    }
  }
});

test('Enter on a focused card before the engine arrives opens it once it has', async () => {
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.focus('#open-nancy-pelosi');
    await page.keyboard.press('Enter');
    release();
    await page.waitForSelector('#detail h2');
    assert.match(squash(await page.textContent('#detail h2')), /Nancy Pelosi/);
  } finally {
    await close();
  }
});

test('a link that carries a view starts the engine at once', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.url}?view=timeline`);
    await page.waitForSelector('.tl-event');
    assert.equal(await engine(page), 'ready');
  } finally {
    await context.close();
  }
});

test('early clicks on a link that carries a view reach the same controls in the engine’s view', async () => {
  // The engine starts at once, but shows the search, not the first view as built: the hand-over
  // must find controls by what they are, not by where they sat.
  const { page, release, close } = await fresh({ hold: true, query: '?q=pelosi' });
  try {
    assert.equal(await engine(page), 'loading');
    await page.click('#open-nancy-pelosi');
    await page.click('.filters__more summary');
    await page.check('#kind-person');
    release();
    await page.waitForSelector('#detail h2');
    assert.match(squash(await page.textContent('#detail h2')), /Nancy Pelosi/);
    assert.ok(await page.isChecked('#kind-person'));
    assert.equal(await page.inputValue('#search'), 'pelosi', 'the link’s search stays');
    await page.waitForURL(/kind=person/);
    assert.match(page.url(), /q=pelosi/);
    assert.match(page.url(), /item=nancy-pelosi/);
  } finally {
    await close();
  }
});

test('modified clicks stay the browser’s: Ctrl+click on a link opens it in a new tab', async () => {
  const { page, close } = await fresh();
  try {
    const opened = page.context().waitForEvent('page');
    await page.click('.card--person .permalink', { modifiers: ['Control'] });
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    assert.match(tab.url(), /\/q\/[a-z0-9-]+\/$/);
  } finally {
    await close();
  }
});

test('what a reader does between the engine’s render and its ready signal is neither doubled nor undone', async () => {
  // Yew may yield to the browser between rendering and running effects; hold the ready signal
  // to stand in that gap, and act on the engine's live controls meanwhile.
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.evaluate(() => document.addEventListener('explorer-ready', (e) => {
      if (!window.letReady) { e.stopImmediatePropagation(); window.heldReady = true; }
    }, true));
    await page.fill('#search', 'kislyak');
    release();
    await page.waitForFunction(() => window.heldReady);
    await page.click('.filters__more summary');
    await page.check('#kind-quote');
    await page.fill('#search', 'pelosi');
    await page.evaluate(() => { window.letReady = true; document.dispatchEvent(new Event('explorer-ready')); });
    await ready(page);
    await page.waitForURL(/q=pelosi/);
    assert.ok(await page.isChecked('#kind-quote'), 'the tick made in the gap is not replayed away');
    assert.equal(await page.inputValue('#search'), 'pelosi', 'typing in the gap is not overwritten');
    assert.match(page.url(), /kind=quote/);
  } finally {
    await close();
  }
});

test('on a link to another view, what the reader typed and opened before the engine stays theirs', async () => {
  const { page, release, errors, close } = await fresh({ hold: true, query: '?q=pelosi' });
  try {
    assert.equal(await engine(page), 'loading');
    await page.click('.filters__more summary');
    await page.focus('#search');
    await page.keyboard.type('kis');
    release();
    await ready(page);
    await page.waitForURL(/q=kis(&|$)/);
    assert.equal(await page.inputValue('#search'), 'kis');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search', 'focus stays in the search box');
    assert.ok(await page.evaluate(() => document.querySelector('.filters__more').open), 'the filters stay open');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a choice in "Involving" and a month typed before the engine arrives are adopted', async () => {
  const { page, release, close } = await fresh({ hold: true });
  try {
    await page.click('.filters__more summary');
    await page.selectOption('#involving', 'sergey-kislyak');
    await page.fill('#date-from', '2017-03');
    release();
    await ready(page);
    await page.waitForURL(/with=sergey-kislyak/);
    await page.waitForURL(/from=2017-03/);
    assert.match(squash(await page.textContent('.status')), /^\d+ of \d+ items match$/);
    assert.equal(await page.inputValue('#involving'), 'sergey-kislyak');
    assert.equal(await page.inputValue('#date-from'), '2017-03');
  } finally {
    await close();
  }
});

test('a page the browser translated before the engine arrived is rendered afresh, not broken', async () => {
  const { page, release, errors, close } = await fresh({ hold: true });
  try {
    await page.evaluate(() => {
      // What Chrome's translation does: wrap words in <font> and mark the document.
      document.documentElement.classList.add('translated-ltr');
      const headline = document.querySelector('.masthead__headline');
      const font = document.createElement('font');
      font.textContent = headline.textContent;
      headline.replaceChildren(font);
    });
    await page.hover('.views__button');
    release();
    await ready(page);
    assert.equal(await page.isVisible('#fatal'), false);
    assert.ok((await page.locator('.card').count()) > 50);
    assert.equal(squash(await page.textContent('.masthead__headline')), 'Jeff Sessions');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('an embed keeps its compact presentation throughout the engine taking over', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 700 } });
  await context.addInitScript(() => {
    window.embedLost = 0;
    new MutationObserver(() => { if (!document.documentElement.hasAttribute('data-embed')) window.embedLost += 1; })
      .observe(document.documentElement, { attributes: true, attributeFilter: ['data-embed'] });
  });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.url}?embed=1&childId=graphic`);
    await page.hover('.views__button');
    await ready(page);
    assert.equal(await page.evaluate(() => window.embedLost), 0, 'data-embed was never removed');
    assert.equal(await page.isVisible('.masthead__summary'), false);
  } finally {
    await context.close();
  }
});

test('without Save-Data the loaded page starts the engine when idle, so a tap is answered at once', async () => {
  const { page, requests, errors, close } = await fresh({ saveData: false, width: 390 });
  try {
    await ready(page);
    assert.ok(requests.some((p) => p.endsWith('.wasm')), 'the engine was fetched without a touch');
    assert.equal(await page.locator('.boot-retry, .boot-message').count(), 0);
    await page.click('.card__open >> nth=0');
    await page.waitForSelector('#detail');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('on 2G the engine waits for the reader, as with Save-Data', async () => {
  const context = await env.browser.newContext({ saveData: false });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', {
    configurable: true,
    get: () => ({ saveData: false, effectiveType: '2g' }),
  }));
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(env.server.url, { waitUntil: 'load' });
    // The page's own idle callback was queued at load, before this one.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 0))));
    assert.equal(await engine(page), 'waiting');
    assert.deepEqual(requests.filter((p) => p.endsWith('.wasm')), []);
    await page.focus('#search');
    await ready(page);
  } finally {
    await context.close();
  }
});

test('a link that asks for a view loads the engine out loud: its failure is said without a touch', async () => {
  // Without Save-Data the page also starts its own quiet load at once; the link's load is the
  // reader's and must not be taken for it.
  const context = await env.browser.newContext({ saveData: false });
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 500, body: 'broken' }));
  try {
    await page.goto(new URL('?view=graph', env.server.url).href);
    await page.waitForSelector('.boot-retry[role="alert"]');
    assert.match(await page.textContent('.boot-retry'), /could not be loaded/);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-engine-trouble')), false, 'not kept quiet');
  } finally {
    await context.close();
  }
});

test('an idle load that fails stays quiet until the reader reaches for a control', async () => {
  const context = await env.browser.newContext({ saveData: false });
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 500, body: 'broken' }));
  try {
    await page.goto(env.server.url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-engine-trouble="failed"]', { state: 'attached' });
    assert.equal(await page.locator('.boot-retry').count(), 0, 'nothing said to a reader who is only reading');
    await page.focus('#search');
    await page.waitForSelector('.boot-retry[role="alert"]');
    assert.match(await page.textContent('.boot-retry'), /could not be loaded/);
  } finally {
    await context.close();
  }
});
