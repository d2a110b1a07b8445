// Screenshots of every view, as a reader first sees it, at 390 × 844 (a phone) and 1280 × 900, in
// light and dark: docs/screenshots/<view>-<width>-<scheme>.png. Run after a build:
//   node scripts/screenshots.mjs [dist]          (default target/dist-fixtures)
import { mkdirSync } from 'node:fs';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const [dist = 'target/dist-fixtures'] = process.argv.slice(2);
// [file name, link, first content]
const VIEWS = [
  ['cards', 'view=cards', '.cards__grid > li'],
  ['timeline', 'view=timeline', '.tl-event'],
  ['claims', 'view=claims', '.claim'],
  ['graph', 'view=graph', '.node'],
  ['graph-selected', 'view=graph&item=jeff-sessions', '.node--selected'],
  ['article', 'view=article', '.article > p'],
];
const SIZES = [[390, 844], [1280, 900]];
const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const app = await serve(dist);
const browser = await launch();
for (const [width, height] of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
    for (const [view, link, first] of VIEWS) {
      const page = await context.newPage();
      await page.goto(`${app.url}?${link}`);
      await page.evaluate(() => window.storyExplorer.start());
      await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
      await page.waitForSelector(first);
      // The graph is redrawn once its canvas is measured.
      if (view.startsWith('graph')) {
        await page.waitForFunction(() => {
          const c = document.querySelector('.graph__canvas');
          return Math.abs(c.viewBox.baseVal.width - c.clientWidth) < 1;
        });
      }
      await page.evaluate(() => document.fonts.ready);
      const file = new URL(`${view}-${width}-${colorScheme}.png`, out);
      await page.screenshot({ path: file.pathname });
      console.log(file.pathname.replace(/.*\/docs\//, 'docs/'));
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
await app.close();
