// Accessibility states the view-specific tests do not reach (embed mode, the phone width, the
// article, dialogs, empty results), and a reader who only has a keyboard completing a real task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, squash } from './harness.mjs';

test('axe-core finds no violation in embed mode, at 320 px, in the article, the Embed dialog and an empty result', async () => {
  for (const [colorScheme, width] of [['light', 320], ['dark', 320], ['dark', 1280]]) {
    const label = `${colorScheme} ${width}px`;
    const embed = await open('?embed=1&view=timeline', { colorScheme, width, waitFor: '.timeline' });
    assert.deepEqual(await axe(embed.page), [], `${label}, embed`);
    await embed.close();

    const { page, close } = await open('', { colorScheme, width });
    assert.deepEqual(await axe(page), [], `${label}, cards`);
    await page.click('.views__button:has-text("Article")');
    await page.waitForSelector('.article .mention');
    assert.deepEqual(await axe(page), [], `${label}, article`);
    await page.click('.views__button:has-text("Cards")');
    await page.fill('#search', 'no such words anywhere');
    await page.waitForSelector('.empty');
    assert.deepEqual(await axe(page), [], `${label}, no results`);
    await page.click('button:has-text("Embed")');
    await page.waitForSelector('dialog.embed-dialog[open]');
    assert.deepEqual(await axe(page), [], `${label}, Embed dialog`);
    await close();
  }
});

/**
 * Presses Tab until the focused element matches `selector` (and reads `text`, if given), backwards with `back`; fails if focus ever lands where a
 * reader cannot see it. Tab also stops on a month input's calendar button, the browser's own
 * control drawn with the browser's focus ring: while it has focus, the input still is
 * document.activeElement but no longer matches :focus (observed in Chromium 156).
 */
async function tabTo(page, selector, { text = null, back = false } = {}, limit = 80) {
  const trail = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await page.evaluate(([sel, text]) => {
      const el = document.activeElement;
      if (el === document.body) return { matches: false, visible: false, what: 'nothing (Tab left the page)' };
      const style = getComputedStyle(el);
      const inBrowserControl = el.type === 'month' && !el.matches(':focus');
      const visible = inBrowserControl || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { matches: el.matches(sel) && (text === null || el.textContent.trim() === text), visible, what: `${el.tagName.toLowerCase()}#${el.id}.${el.className}` };
    }, [selector, text]);
    trail.push(focus.what);
    assert.ok(focus.visible, `focus is not visible on ${focus.what}`);
    if (focus.matches) return;
  }
  assert.fail(`Tab never reached ${selector}: ${trail.join(' → ')}`);
}

test('with the keyboard alone a reader searches, filters, opens a card, and walks the graph', async () => {
  const { page, problems, close } = await open();
  await tabTo(page, '#search');
  await page.keyboard.type('kislyak');
  await page.waitForFunction(() => /^\d+ of \d+ items match$/.test(document.querySelector('.status')?.textContent ?? ''));

  await tabTo(page, '.filters__more summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#kind-quote');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => [...document.querySelectorAll('.card')].every((c) => c.dataset.kind === 'quote'));
  const quotes = await page.$$eval('.card', (cards) => cards.map((c) => c.dataset.id));
  assert.ok(quotes.length > 0 && quotes.includes('staffer-kislyaks-door'), quotes.join());

  await tabTo(page, '#open-staffer-kislyaks-door');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#detail h2');
  assert.match(squash(await page.textContent('#detail h2')), /^Members of the committee have not been beating a path/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#detail', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'open-staffer-kislyaks-door');

  await tabTo(page, '.chip--clear', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Showing all \d+ items$/.test(document.querySelector('.status').textContent));
  await tabTo(page, '.views__button', { text: 'Relationships', back: true });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.node');
  await tabTo(page, '.graph__canvas');
  const first = await page.getAttribute('.graph__canvas', 'aria-activedescendant');
  assert.ok(first, 'focusing the graph makes a node active');
  await page.keyboard.press('ArrowRight');
  const next = await page.getAttribute('.graph__canvas', 'aria-activedescendant');
  assert.notEqual(next, first, 'ArrowRight moves to another node');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#detail h2');
  const name = await page.getAttribute(`#${next}`, 'data-id');
  assert.equal(await page.getAttribute(`#${next}`, 'aria-selected'), 'true', `${name} is selected`);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], pageErrors: [] });
  await close();
});
