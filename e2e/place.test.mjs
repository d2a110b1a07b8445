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
    await page.keyboard.press('Escape');
    await titled(page, STORY);
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
    const box = await label.locator('.edge__label').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // Hovering may light other edges; the label stays where it is and is what the pointer is on.
    await page.mouse.move(x, y);
    await page.waitForFunction(([px, py, i]) => document.elementFromPoint(px, py)?.closest('.edge')?.dataset.id === i, [x, y, id]);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => /Relationship/i.test(document.querySelector('#detail .detail__kind')?.textContent ?? ''));
    assert.equal(new URL(page.url()).searchParams.get('item'), id, 'the relationship is the item open');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await close();
  }
});
