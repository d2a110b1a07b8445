// A story drafted from its text (scripts/draft.sh) builds into an explorer that says it is a draft
// on every page, and leaves out the views it has nothing for instead of showing them empty.
// scripts/test.sh drafts the seed article and builds it into DRAFT_DIST.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { axe, env, squash } from './harness.mjs';

const DRAFT_DIST = process.env.DRAFT_DIST;

test('a drafted story says it is a draft on every page and offers only the views it has content for', { skip: !DRAFT_DIST && 'no DRAFT_DIST' }, async () => {
  const site = await serve(DRAFT_DIST);
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  try {
    const front = await (await fetch(site.url)).text();
    const item = front.match(/href="(q\/[a-z0-9-]+\/)"/)?.[1];
    assert.ok(item, 'the draft has item pages');
    for (const path of ['', item]) {
      await page.goto(site.url + path);
      assert.match(squash(await page.textContent('.draft-banner')), /^Draft: not yet checked by an editor\./, path || 'the front page');
    }
    await page.goto(`${site.url}?view=claims`);
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    const views = await page.locator('.views__button').allTextContents();
    assert.deepEqual(views.map((v) => v.trim()), ['Cards', 'Timeline', 'Relationships', 'Article'], 'a draft has no claims');
    assert.match(await page.textContent('.notice'), /the Claims view, which this story has nothing for/);
    assert.equal((await page.textContent('.views__button[aria-current="page"]')).trim(), 'Cards');
    assert.ok(await page.locator('.card').count() > 20);
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
    await site.close();
  }
});
