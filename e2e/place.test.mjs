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
