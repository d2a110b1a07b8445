// Phones and embeds first: each view, opened by its link on a phone, shows its content in the
// first screen; nothing scrolls sideways at 320 px; every control there is a 24 px target; and
// embedded at 360 px every view starts at most 1,200 px tall.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open } from './harness.mjs';

// Each view's link, and its first content item.
const VIEWS = [
  ['cards', '.cards__grid > li'],
  ['timeline', '.tl-event'],
  ['claims', '.claim'],
  ['graph', '.graph__canvas'],
  ['article', '.article > p'],
];

for (const colorScheme of ['light', 'dark']) {
  test(`at 390 × 844 (${colorScheme}) every view's first item starts in the top half of the screen`, async () => {
    for (const [view, first] of VIEWS) {
      const { page, problems, close } = await open(`?view=${view}`, { width: 390, height: 844, colorScheme, waitFor: first });
      try {
        const top = await page.locator(first).first().evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top <= 422, `${view}: the first item starts at ${Math.round(top)} px`);
        // The active view's button is in sight in the one-row switcher, which scrolls sideways.
        const current = await page.locator('.views__button[aria-current="page"]').evaluate((b) => {
          const [r, nav] = [b.getBoundingClientRect(), b.parentElement.getBoundingClientRect()];
          return r.left >= nav.left - 1 && r.right <= nav.right + 1;
        });
        assert.ok(current, `${view}: the current view's button is in sight`);
        const rows = await page.locator('.views__button').evaluateAll((bs) => new Set(bs.map((b) => Math.round(b.getBoundingClientRect().top))).size);
        assert.equal(rows, 1, `${view}: the view buttons are on one row`);
        assert.deepEqual(problems.consoleErrors, []);
      } finally {
        await close();
      }
    }
  });
}

test('at 320 px no view scrolls sideways, and every target in the first screen is at least 24 × 24 px', async () => {
  for (const [view, first] of VIEWS) {
    const { page, close } = await open(`?view=${view}`, { width: 320, height: 640, waitFor: first });
    try {
      const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(wide <= 320, `${view}: the page is ${wide} px wide`);
      // Words marked inside a sentence are exempt (WCAG 2.5.8, "inline"). A graph node's target
      // is its ring, drawn at a fixed size on screen whatever the zoom.
      const small = await page.evaluate(() => [...document.querySelectorAll('button, a[href], summary, input, select, .node__ring')]
        .filter((el) => !el.matches('.mention, p a') && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0)
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
      assert.deepEqual(small, [], `${view}: targets under 24 px`);
      // A legend's mark is never left at the end of a line with its words on the next.
      const keys = await page.$$eval('.timeline__key', (keys) => keys.map((k) => [k.textContent.trim(), k.getClientRects().length]));
      if (view === 'timeline') assert.equal(keys.length, 3, 'the timeline\'s legend has its three marks');
      assert.deepEqual(keys.filter(([, lines]) => lines > 1), [], `${view}: legend keys broken over two lines`);
    } finally {
      await close();
    }
  }
});

test('on a phone the filters open as a sheet over the results, and close with Escape, Done or the scrim', async () => {
  const { page, close } = await open('?view=cards', { width: 390, height: 844 });
  try {
    const firstCard = () => page.locator('.cards__grid > li').first().evaluate((el) => el.getBoundingClientRect().top);
    const before = await firstCard();
    await page.click('.filters__more summary');
    const sheet = page.locator('.filters__panel');
    await sheet.waitFor();
    const box = await sheet.boundingBox();
    assert.ok(box.y + box.height >= 843 && box.y > 844 * 0.15, `the sheet rises from the foot of the screen: ${JSON.stringify(box)}`);
    assert.equal(await firstCard(), before, 'the results did not move');
    assert.deepEqual(await axe(page), [], 'axe-core with the sheet open');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.matches('.filters__more summary')), true, 'focus is back on Filters');
    await page.click('.filters__more summary');
    await page.check('#kind-quote');
    await page.waitForSelector('.chips');
    await page.click('.filters__done button');
    await sheet.waitFor({ state: 'hidden' });
    assert.match(await page.textContent('.filters__more summary'), /Filters \(1 active\)/);
    await page.click('.filters__more summary');
    await sheet.waitFor();
    await page.mouse.click(200, 40);
    await sheet.waitFor({ state: 'hidden' });
  } finally {
    await close();
  }
});

test('embedded at 360 px every view starts at most 1,200 px tall, and "Show more" shows the rest', async () => {
  for (const [view, first] of VIEWS) {
    const { page, close } = await open(`?view=${view}&embed=1`, { width: 360, height: 640, waitFor: first });
    try {
      const height = () => page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      const start = await height();
      assert.ok(start <= 1200, `${view}: the embed starts ${start} px tall`);
      const more = page.locator('.embed-more');
      if (await page.evaluate(() => document.documentElement.hasAttribute('data-clipped'))) {
        await more.waitFor();
        await more.click();
        await page.waitForFunction((h) => Math.ceil(document.body.getBoundingClientRect().height) > h + 200, start);
      } else {
        assert.equal(await more.isVisible(), false, `${view}: nothing hidden, no "Show more"`);
      }
    } finally {
      await close();
    }
  }
});

test('the masthead keeps the summary, the date note and the caption one tap away on a phone', async () => {
  const { page, close } = await open('', { width: 390, height: 844 });
  try {
    assert.equal(await page.isVisible('.masthead__summary'), false);
    await page.click('.masthead__more summary');
    await page.waitForSelector('.masthead__summary', { state: 'visible' });
    assert.match(await page.textContent('.masthead__summary'), /^The Russian Kremlin was denying/);
    const note = await page.locator('.masthead__note summary').boundingBox();
    assert.ok(note.height >= 24, `"How this date was inferred" is ${note.height} px tall`);
    assert.ok(await page.isVisible('.masthead__caption'));
    assert.deepEqual(await axe(page), [], 'axe-core with "About this story" open');
  } finally {
    await close();
  }
  const wide = await open('', { width: 1280, height: 900 });
  try {
    assert.equal(await wide.page.isVisible('.masthead__summary'), true, 'opened out on a wide screen');
    assert.equal(await wide.page.isVisible('.masthead__more > summary'), false);
  } finally {
    await wide.close();
  }
});

test('responses are compact rows that open in embeds and on phones, and an embed keeps the relationships table behind a disclosure', async () => {
  const cases = [
    // [link, width, are the quotes and the table folded away?]
    ['?view=claims&embed=1', 360, true],
    ['?view=claims', 390, true],
    ['?view=claims', 1280, false],
  ];
  for (const [link, width, folded] of cases) {
    const { page, close } = await open(link, { width, height: 800, waitFor: '.response' });
    try {
      const quote = page.locator('.response:has(.response__quote) .response__quote').first();
      assert.equal(await quote.isVisible(), !folded, `${link} at ${width} px: the quote shows at once`);
      if (folded) {
        const row = page.locator('.response:has(.response__quote)').first();
        const folded = (await row.boundingBox()).height;
        await row.locator('.response__more > summary').click();
        await quote.waitFor();
        const opened = (await row.boundingBox()).height;
        assert.ok(folded < opened * 0.6, `${link} at ${width} px: a response row is ${folded} px tall, ${opened} px open`);
        assert.ok(await row.locator('.source').isVisible(), 'its source sentence opens with it');
        assert.deepEqual(await axe(page), [], `${link} at ${width} px with a response open`);
      }
    } finally {
      await close();
    }
  }
  for (const [link, folded] of [['?view=graph&embed=1', true], ['?view=graph', false]]) {
    const { page, close } = await open(link, { width: 360, height: 640, waitFor: '.node' });
    try {
      const table = page.locator('table.relationships');
      assert.equal(await table.isVisible(), !folded, `${link}: the table shows at once`);
      if (folded) {
        // A reader shows more of the embed until the table's disclosure is in the open.
        const summary = page.locator('.relationships__more > summary');
        for (let i = 0; i < 4 && await page.locator('.embed-more').isVisible(); i++) {
          const [s, m] = [await summary.boundingBox(), await page.locator('.embed-more').boundingBox()];
          if (s.y + s.height < m.y) break;
          await page.click('.embed-more');
        }
        await summary.click();
        await table.waitFor();
        assert.deepEqual(await axe(page), [], `${link} with the table open`);
      }
    } finally {
      await close();
    }
  }
});

test('on a phone, the first letters typed into the search box leave the box, the Filters button and the results where they were', async () => {
  const { page, close } = await open('', { width: 360, height: 640 });
  try {
    const place = () => page.evaluate(() => ({
      box: Math.round(document.getElementById('search').getBoundingClientRect().width),
      button: document.querySelector('.filters__more summary').textContent.trim(),
      results: Math.round(document.querySelector('.card-sections').getBoundingClientRect().top),
    }));
    const before = await place();
    await page.locator('#search').pressSequentially('k');
    await page.waitForFunction(() => /of \d+ items? match/.test(document.querySelector('.status').textContent));
    assert.deepEqual(await place(), before, 'nothing moved under the reader\'s finger');
    assert.equal(await page.locator('.chips').count(), 0, 'the words are in the box, not repeated in a chip');
    // A filter from the sheet is counted on its button, with the words among the chips.
    await page.click('.filters__more summary');
    await page.check('#kind-quote');
    await page.click('.filters__done button');
    await page.waitForSelector('.chips');
    assert.equal((await page.textContent('.filters__more summary')).trim(), 'Filters (1 active)');
    assert.deepEqual(await page.locator('.chip:not(.chip--clear)').allTextContents(), ['Kind: Quote ×', 'Search: “k” ×']);
  } finally {
    await close();
  }
});
