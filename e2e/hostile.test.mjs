// Robustness: a story with hostile content in every field (src/hostile.rs) renders inert and
// readable in every view, at phone and desktop widths, in the real release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { env } from './harness.mjs';

/** What a payload would leave in the page had it become markup instead of text. */
function inspect(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href'];
    return {
      scripts: document.querySelectorAll('script').length,
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.tagName),
      scriptUrls: all.filter((el) => [...el.attributes].some((a) => urlAttributes.includes(a.name) && /^\s*javascript:/i.test(a.value))).map((el) => el.outerHTML.slice(0, 80)),
      injected: document.querySelectorAll('img[src="x"], #app svg a, #app h1[style], #app font').length,
      overflow: document.scrollingElement.scrollWidth - innerWidth,
      fatal: !document.getElementById('fatal').hidden,
    };
  });
}

test('a story with hostile content in every field renders inert and readable in every view', async () => {
  for (const width of [320, 1280]) {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const dialogs = [];
    const errors = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(`${env.server.url}?synthetic=hostile`);
      await page.waitForSelector('.card');
      const scripts = (await inspect(page)).scripts;
      const expectInert = async (state) => {
        const seen = await inspect(page);
        assert.deepEqual(seen, { scripts, handlers: [], scriptUrls: [], injected: 0, overflow: 0, fatal: false }, `${width}px, ${state}`);
      };

      // The payloads read as the text they are.
      for (const text of ['<script>alert("Anna")</script>', 'javascript:alert(1)//Boris', '<svg onload=alert(1)>', 'إيلينا بوتروفا', '👩🏽‍💻 Hiro']) {
        assert.ok(await page.locator('.card__open', { hasText: text }).first().isVisible(), `${width}px: "${text}" is not shown as text`);
      }
      assert.match(await page.textContent('.masthead__headline'), /^<h1 style="font-size:900px">Synthetic story<\/h1> 🧨$/);
      assert.match(await page.textContent('.masthead'), /by <b onmouseover=alert\(1\)>The Publisher<\/b>/);
      assert.match(await page.textContent('.masthead__caption'), /^Photo: <img src=x onerror=alert\(1\)> at the scene \(javascript:alert\(document\.domain\)\)$/);
      await expectInert('cards');

      await page.fill('#search', 'alert');
      await page.waitForFunction(() => /of \d+ items match/.test(document.querySelector('.status').textContent));
      assert.ok((await page.locator('mark.hit').count()) > 0, 'the search marks its hits');
      await expectInert('search');
      await page.fill('#search', '');

      await page.click('.card[data-id="long-quote"] .card__open');
      await page.waitForSelector('#detail h2');
      await expectInert('detail of the 100 KB quote');
      await page.keyboard.press('Escape');

      for (const [view, ready] of [['Timeline', '.timeline'], ['Claims', '.claim'], ['Relationships', '.node'], ['Article', '.article .mention']]) {
        await page.click(`.views__button:has-text("${view}")`);
        await page.waitForSelector(ready);
        await expectInert(view);
      }

      await page.click('.views__button:has-text("Relationships")');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download SVG")')]);
      const svg = await readFile(await download.path(), 'utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const all = [...doc.querySelectorAll('*')];
        return {
          wellFormed: !doc.querySelector('parsererror'),
          tags: [...new Set(all.map((el) => el.localName))].sort(),
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          // A name is drawn where there is room, and is the node's tooltip where there is not.
          names: all.filter((el) => ['text', 'title'].includes(el.localName)).map((el) => el.textContent).join(' '),
        };
      }, svg);
      assert.ok(parsed.wellFormed, 'the SVG is well-formed');
      assert.deepEqual(parsed.tags.filter((t) => !['svg', 'title', 'desc', 'defs', 'style', 'marker', 'path', 'g', 'line', 'text', 'tspan', 'rect', 'circle'].includes(t)), []);
      assert.equal(parsed.handlers, 0);
      assert.ok(parsed.names.includes('<script>alert("Anna")</script>'), 'names read as text in the SVG');

      await page.click('button:has-text("Embed")');
      const snippet = await page.inputValue('#embed-code');
      assert.match(snippet, /^<iframe src="[^"<>]+" title="[^"<>]+"/, 'the headline cannot break out of the title attribute');

      assert.deepEqual(dialogs, [], `${width}px: no payload ran`);
      assert.deepEqual(await page.evaluate(() => window.violations), [], `${width}px: nothing tried to break the CSP`);
      assert.deepEqual(errors, [], `${width}px: no error`);
    } finally {
      await context.close();
    }
  }
});
