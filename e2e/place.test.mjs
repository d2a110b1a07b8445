// The reader never loses their place (issue 27): the tab's title says where they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, open } from './harness.mjs';

const STORY = 'Jeff Sessions: story explorer';
const titled = (page, title) => page.waitForFunction((t) => document.title === t, title);

test('the document title follows the view and the item, from the page as built on', async () => {
  const { page, problems, close } = await open('');
  try {
    assert.equal(await page.title(), STORY);
    await page.click('.views__button:has-text("Timeline")');
    await titled(page, `Timeline · ${STORY}`);
    await page.click('.views__button:has-text("Cards")');
    await titled(page, STORY);
    await page.click('#open-dmitry-peskov');
    await titled(page, `Dmitry Peskov · ${STORY}`);
    await page.waitForURL(/item=dmitry-peskov/);
    await page.keyboard.press('Escape');
    await titled(page, STORY);
    await page.waitForURL((url) => !url.search.includes('item='));
    await page.goBack();
    await titled(page, `Dmitry Peskov · ${STORY}`);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
  // An item's own page is built with its title, and loses it once the item is closed.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const item = await context.newPage();
    await item.goto(`${env.server.url}q/peskov-no-details/`);
    const quote = await item.title();
    assert.match(quote, /^“I don't know the details of any meetings” · Jeff Sessions: story explorer$/);
    await item.evaluate(() => window.storyExplorer.start());
    await item.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    assert.equal(await item.title(), quote, 'the engine keeps the title as built');
    await item.click('#detail .detail__close');
    await titled(item, STORY);
  } finally {
    await context.close();
  }
});

test('in the graph, a click on empty canvas clears the selection and an edge’s label opens it', async () => {
  const { page, problems, close } = await open('?view=graph', { waitFor: '.graph .node' });
  try {
    // A click on empty canvas, before anything is selected, lights nothing.
    const empty = await page.evaluate(() => {
      const svg = document.querySelector('.graph__canvas');
      const box = svg.getBoundingClientRect();
      for (let y = box.top + 4; y < box.bottom; y += 7) {
        for (let x = box.left + 4; x < box.right; x += 7) {
          if (document.elementFromPoint(x, y) === svg) return { x, y };
        }
      }
      return null;
    });
    assert.ok(empty, 'the canvas has empty space');
    await page.mouse.click(empty.x, empty.y);
    assert.equal(await page.locator('.node--dim, .node--lit, .node--active, .edge--dim').count(), 0, 'a click on nothing lights nothing');

    await page.click('.node[data-id="michael-flynn"]');
    await page.waitForSelector('#detail');
    await page.mouse.click(empty.x, empty.y);
    await page.waitForSelector('#detail', { state: 'detached' });
    assert.equal(await page.locator('.node--selected, .node--dim, .node--active').count(), 0, 'the selection is cleared');

    // An edge's label (drawn for the selected node's edges) is a target as large as its words.
    await page.click('.node[data-id="jeff-sessions"]');
    const label = page.locator('.edge:has(.edge__label)').first();
    await label.waitFor();
    const id = await label.getAttribute('data-id');
    await page.locator(`.edge[data-id="${id}"] .edge__label`).dispatchEvent('click');
    await page.waitForFunction(() => /Relationship/i.test(document.querySelector('#detail .detail__kind')?.textContent ?? ''));
    assert.equal(new URL(page.url()).searchParams.get('item'), id, 'the relationship is the item open');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});

test('on a phone, opening an item and closing it by Close, Escape or Back returns to the same place and the card', async () => {
  const { page, problems, close } = await open('', { width: 390, height: 844 });
  try {
    const cards = await page.locator('.card .card__open').evaluateAll((bs) => bs.map((b) => b.id));
    for (const [how, at] of [['Close', 1500], ['Escape', 4500], ['Back', 6000]]) {
      // The first card whose title is on screen when the page is scrolled to `at`.
      await page.evaluate((y) => scrollTo({ top: y, behavior: 'instant' }), at);
      // Cards are laid out as they come into view (content-visibility), which moves the page:
      // wait until two frames in a row agree.
      await page.evaluate(() => new Promise((done) => {
        let last = null;
        const check = () => requestAnimationFrame(() => {
          const now = `${scrollY}:${document.body.scrollHeight}`;
          if (now === last) done(); else { last = now; check(); }
        });
        check();
      }));
      const id = await page.evaluate((ids) => ids.find((i) => {
        const r = document.getElementById(i).getBoundingClientRect();
        return r.top > 60 && r.bottom < innerHeight - 60;
      }), cards);
      assert.ok(id, `a card on screen at ${at}`);
      const top = (i) => page.evaluate((j) => document.getElementById(j).getBoundingClientRect().top, i);
      const before = await top(id);
      await page.click(`#${id}`);
      await page.waitForSelector('#detail');
      await page.waitForURL((url) => url.search.includes(`item=${id.replace(/^open-/, '')}`));
      if (how === 'Close') await page.click('#detail .detail__close');
      if (how === 'Escape') await page.keyboard.press('Escape');
      if (how === 'Back') await page.goBack();
      await page.waitForSelector('#detail', { state: 'detached' });
      await page.waitForFunction((i) => document.activeElement?.id === i, id);
      // The card where it was on screen: the page scrolled back however the layout above moved.
      const after = await top(id);
      assert.ok(Math.abs(after - before) <= 1, `${how}: the card back at ${before} px from the top, not ${after}`);
    }
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});

test('the dates say what they leave out: items without a date, and everything when the range is reversed', async () => {
  const { page, problems, close } = await open('?side=democratic-party&from=2017-03', { waitFor: '.card' });
  try {
    await page.waitForFunction(() => /without a date (is|are) left out by the dates\./.test(document.querySelector('.date-note')?.textContent ?? ''));
    assert.match(await page.textContent('.status'), /^\d+ of \d+ items match$/);
    assert.match(await page.textContent('.date-note'), /^(\d+ items|1 item) without a date (is|are) left out by the dates\.$/);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
  const reversed = await open('?from=2017-03&to=2016-12', { waitFor: '.status' });
  try {
    await reversed.page.waitForFunction(() => /is after the “to” date/.test(document.querySelector('.date-note')?.textContent ?? ''));
    assert.equal(await reversed.page.textContent('.status'), 'No items match the search and filters');
    assert.equal(await reversed.page.textContent('.date-note'), 'The “from” date (2017-03) is after the “to” date (2016-12), so nothing can fall between them.');
    assert.deepEqual(reversed.problems.pageErrors, []);
  } finally {
    await reversed.close();
  }
});

test('a search in the graph shows the person found with every relationship and neighbour, and the table lists them', async () => {
  const { page, problems, close } = await open('?view=graph', { waitFor: '.graph .node' });
  try {
    const all = await page.locator('.edge').evaluateAll((es) => es.length);
    await page.fill('#search', 'Kislyak');
    await page.waitForFunction((n) => document.querySelectorAll('.edge').length !== n, all);
    const ends = await page.$$eval('.edge', (es) => es.map((e) => e.dataset.id));
    assert.ok(ends.length >= 1, 'Kislyak’s relationships are drawn');
    assert.ok(await page.locator('.node[data-id="sergey-kislyak"]:not(.node--context)').count() === 1, 'Kislyak matched');
    assert.ok(await page.locator('.node[data-id="jeff-sessions"].node--context').count() === 1, 'Sessions, who met him, shown as his neighbour');
    const rows = await page.$$eval('.relationships tbody tr', (r) => r.map((x) => x.dataset.id).sort());
    assert.deepEqual(rows, [...ends].sort(), 'the table lists exactly the edges drawn');
    assert.match(await page.textContent('#graph-summary'), /that match(es)?, \d+ connected to (it|them), and/);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});

test('Escape from a node’s detail opened in the graph returns focus to that node', async () => {
  const { page, problems, close } = await open('?view=graph', { waitFor: '.graph .node' });
  try {
    await page.click('.node[data-id="michael-flynn"]');
    await page.waitForSelector('#detail');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail', { state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('graph__canvas')
      && document.activeElement.getAttribute('aria-activedescendant') === 'node-michael-flynn');
    assert.equal(await page.locator('.node--active').getAttribute('data-id'), 'michael-flynn');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});

test('the relationships table never breaks a word inside, on a phone and on a desktop with an item open', async () => {
  for (const [width, query] of [[320, '?view=graph'], [390, '?view=graph'], [1280, '?view=graph&item=jeff-sessions']]) {
    const { page, problems, close } = await open(query, { width, waitFor: '.relationships tbody tr' });
    try {
      const broken = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector('.relationships'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Words between spaces, hyphens and slashes, where a line may end.
          for (const m of node.textContent.matchAll(/[^\s\-/–—]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
        return out;
      });
      assert.deepEqual(broken, [], `${width} px: words broken inside`);
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('each item page describes its own item, its title with a separator a reader sees', async () => {
  const meta = (html, name) => html.match(new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`))?.[1];
  const pages = {};
  for (const id of ['dmitry-peskov', 'jeff-sessions', 'peskov-no-details']) {
    const html = await (await fetch(`${env.server.url}q/${id}/`)).text();
    pages[id] = { title: meta(html, 'og:title'), description: meta(html, 'og:description') };
  }
  assert.equal(pages['dmitry-peskov'].title, 'Dmitry Peskov · Kremlin spokesman · Russian government');
  assert.equal(new Set(Object.values(pages).map((p) => p.description)).size, 3, JSON.stringify(pages));
  assert.match(pages['peskov-no-details'].description, /^Quote: “I don&#39;t know the details of any meetings” — Dmitry Peskov/);
});

test('a phone turned sideways gets the compact masthead: the first card starts on the first screen', async () => {
  const context = await env.browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.goto(env.server.url);
    const top = await page.evaluate(() => document.querySelector('.card').getBoundingClientRect().top);
    assert.ok(top < 390, `the first card at ${top} px of a 390 px screen`);
    assert.equal(await page.isVisible('.masthead__more > summary'), true, '"About this story" folded');
  } finally {
    await context.close();
  }
});

test('a name in the article opens what involves it below its paragraph, and closing returns to the same spot and the name', async () => {
  for (const [width, height, how] of [[390, 844, 'Close'], [390, 844, 'Back'], [1280, 900, 'Escape']]) {
    const { page, problems, close } = await open('?view=article', { width, height, waitFor: '.article .mention' });
    try {
      // A name well down the article, brought to the middle of the screen.
      const mention = page.locator('.article p .mention[data-entity="sergey-kislyak"]').nth(2);
      await mention.evaluate((m) => scrollTo({ top: scrollY + m.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' }));
      const y = await page.evaluate(() => scrollY);
      assert.ok(y > 500, `the name is well down the article (${y})`);
      const before = await mention.evaluate((m) => m.getBoundingClientRect().top);
      await mention.click();
      await page.waitForSelector('.article #detail');
      assert.match(await page.textContent('#detail h2'), /Sergey Kislyak/);
      // Still the article, with no filter set, the panel right after the name's paragraph.
      assert.equal(await page.getAttribute('.views__button[aria-current="page"]', 'aria-current'), 'page');
      assert.equal((await page.textContent('.views__button[aria-current="page"]')).trim(), 'Article');
      assert.equal(await page.locator('.chip:not(.chip--clear)').count(), 0);
      assert.ok(await mention.evaluate((m) => m.closest('p').nextElementSibling?.id === 'detail'), 'the panel follows the paragraph');
      assert.match(await page.textContent('#detail'), /Quotes|Relationships|Events/, 'what involves him is listed');
      const still = await mention.evaluate((m) => m.getBoundingClientRect().top);
      assert.ok(still > -60 && still < height, `the name stays on screen (${still})`);
      if (how === 'Close') await page.click('#detail .detail__close');
      if (how === 'Escape') await page.keyboard.press('Escape');
      if (how === 'Back') await page.goBack();
      await page.waitForSelector('#detail', { state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.matches('.mention[data-entity="sergey-kislyak"]'));
      assert.ok(await mention.evaluate((m) => m === document.activeElement), `${how}: focus on the very name tapped`);
      const after = await mention.evaluate((m) => m.getBoundingClientRect().top);
      assert.ok(Math.abs(after - before) <= 1, `${how}: the name back at ${before} px, not ${after}`);
      assert.equal((await page.textContent('.views__button[aria-current="page"]')).trim(), 'Article');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('"Done" in the filters leaves focus on the Filters button, on screen, at every width', async () => {
  for (const [width, height] of [[1280, 600], [390, 844]]) {
    const { page, problems, close } = await open('', { width, height });
    try {
      await page.click('.filters__more summary');
      const done = page.locator('.filters__done button');
      await done.scrollIntoViewIfNeeded();
      await done.click();
      await page.waitForFunction(() => !document.querySelector('.filters__more').open);
      await page.waitForFunction(() => document.activeElement?.matches('.filters__more summary'));
      const box = await page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight };
      });
      assert.ok(box.top > -1 && box.bottom < box.height + 1, `${width}×${height}: the focused button at ${box.top}–${box.bottom} of ${box.height}`);
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('the row of views shows that it scrolls where it does, before and after the engine, and not where it does not', async () => {
  for (const [query, width, engine] of [['?embed=1', 360, false], ['', 390, true], ['', 1280, true]]) {
    const { page, problems, close } = await open(query, { width, height: 800, engine });
    try {
      const more = () => page.$eval('.views', (v) => v.getAttribute('data-more'));
      if (width > 1000) {
        await page.waitForFunction(() => document.querySelector('.views').hasAttribute('data-more'));
        assert.equal(await more(), '', 'every view fits: no fade');
        continue;
      }
      await page.waitForFunction(() => document.querySelector('.views').getAttribute('data-more') === 'end');
      const faded = await page.$eval('.views', (v) => getComputedStyle(v).maskImage);
      assert.match(faded, /linear-gradient/, `${width} px: the cut-off end fades`);
      await page.$eval('.views', (v) => v.scrollTo({ left: v.scrollWidth, behavior: 'instant' }));
      await page.waitForFunction(() => document.querySelector('.views').getAttribute('data-more') === 'start');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await close();
    }
  }
});

test('in the cards, the timeline and the claims, closing an item by Close, Escape or Back returns to the same place and the control opened', async () => {
  const settle = (page) => page.evaluate(() => new Promise((done) => {
    let last = null;
    const check = () => requestAnimationFrame(() => {
      const now = `${scrollY}:${document.body.scrollHeight}`;
      if (now === last) done(); else { last = now; check(); }
    });
    check();
  }));
  for (const [view, opener] of [['cards', '.card__open'], ['timeline', '.tl-event__open'], ['claims', '.claim .link-button']]) {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const { page, problems, close } = await open(`?view=${view}`, { width, height, waitFor: opener });
      try {
        for (const [how, fraction] of [['Close', 0.3], ['Escape', 0.5], ['Back', 0.7]]) {
          await page.evaluate((f) => scrollTo({ top: (document.body.scrollHeight - innerHeight) * f, behavior: 'instant' }), fraction);
          await settle(page);
          // A control on screen, well inside it, marked so it can be found again.
          const found = await page.evaluate((sel) => {
            const all = [...document.querySelectorAll(sel)];
            const el = all.find((e) => { const r = e.getBoundingClientRect(); return r.top > 80 && r.bottom < innerHeight - 80; });
            if (!el) return null;
            el.setAttribute('data-test-opened', '');
            return el.getBoundingClientRect().top;
          }, opener);
          assert.ok(found !== null, `${view} ${width}: a control on screen at ${fraction}`);
          const control = page.locator('[data-test-opened]');
          await control.click();
          await page.waitForSelector('#detail');
          await page.waitForURL((url) => url.search.includes('item='));
          if (how === 'Close') await page.click('#detail .detail__close');
          if (how === 'Escape') await page.keyboard.press('Escape');
          if (how === 'Back') await page.goBack();
          await page.waitForSelector('#detail', { state: 'detached' });
          await page.waitForFunction(() => document.activeElement?.hasAttribute('data-test-opened'));
          const after = await control.evaluate((e) => e.getBoundingClientRect().top);
          assert.ok(Math.abs(after - found) <= 1, `${view} ${width} ${how}: the control back at ${found} px, not ${after}`);
          await control.evaluate((e) => e.removeAttribute('data-test-opened'));
        }
        assert.deepEqual(problems.pageErrors, []);
      } finally {
        await close();
      }
    }
  }
});

test('an item’s own page opens with no focus ring drawn on its heading; a detail the reader opens takes focus', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`${env.server.url}q/peskov-no-details/`);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'detail-title', 'the page as built keeps its focus where it was');
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('detail-title')).outlineStyle), 'none');
    // Opened by the reader, the detail takes focus (announced, and Tab goes on from there).
    await page.click('#detail .detail__close');
    await page.waitForSelector('#detail', { state: 'detached' });
    await page.tap('#open-dmitry-peskov');
    await page.waitForFunction(() => document.activeElement?.id === 'detail-title');
  } finally {
    await context.close();
  }
});
