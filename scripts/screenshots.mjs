// Screenshots of every view, as a reader first sees it, at 390 × 844 (a phone) and 1280 × 900, in
// light and dark: docs/screenshots/<view>-<width>-<scheme>.png; and embeds in a light news page
// on a phone whose system is dark: docs/screenshots/embed-<view>-360-host[-dark].png. Run after a build:
//   node scripts/screenshots.mjs [dist]          (default target/dist-fixtures)
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
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
// A phone turned sideways (the graph fills the screen's height), and a name opened in the article,
// in light: docs/screenshots/graph-844x390-light.png, article-name-390-light.png.
{
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, reducedMotion: 'reduce', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.url}?view=graph`);
  await page.evaluate(() => window.storyExplorer.start());
  await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
  await page.waitForFunction(() => {
    const c = document.querySelector('.graph__canvas');
    return c && Math.abs(c.viewBox.baseVal.width - c.clientWidth) < 1;
  });
  await page.$eval('.graph__canvas', (c) => c.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: new URL('graph-844x390-light.png', out).pathname });
  console.log('docs/screenshots/graph-844x390-light.png');
  await context.close();
}
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.url}?view=article`);
  await page.evaluate(() => window.storyExplorer.start());
  await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
  const name = page.locator('.article p .mention[data-entity="sergey-kislyak"]').nth(2);
  await name.evaluate((m) => scrollTo({ top: scrollY + m.getBoundingClientRect().top - 120, behavior: 'instant' }));
  await name.tap();
  await page.waitForSelector('.article #detail');
  await name.evaluate((m) => scrollTo({ top: scrollY + m.getBoundingClientRect().top - 120, behavior: 'instant' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: new URL('article-name-390-light.png', out).pathname });
  console.log('docs/screenshots/article-name-390-light.png');
  await context.close();
}

// Embeds, as the Embed dialog's snippet places them (its height script included), in a light article
// on another origin, on a 360 px phone whose system is dark.
const oembed = await (await fetch(new URL('oembed.json', app.url))).json();
for (const [name, query, first] of [
  ['cards', 'embed=1', '.cards__grid > li'],
  ['claims', 'view=claims&embed=1', '.claim'],
  ['graph', 'view=graph&theme=dark&embed=1', '.node'],
]) {
  const snippet = oembed.html.replace('"./?embed=1"', `"${app.url}?${query.replaceAll('&', '&amp;')}"`);
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en" style="color-scheme:light"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>A news article</title></head>
      <body style="margin:0;background:#fff;color:#111;font:17px/1.5 Georgia,serif"><article style="padding:0 12px">
      <h1 style="font-size:1.4rem;margin:12px 0 4px">A light news article</h1><p style="margin:0 0 12px">The article's text runs above the embed, which sits in it at the page's width.</p>
      ${snippet}<p>The article goes on below the embed.</p></article></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark', reducedMotion: 'reduce', saveData: false });
  const page = await context.newPage();
  await page.goto(`http://localhost:${host.address().port}/`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
  await frame.waitForSelector(first);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 700);
  await frame.evaluate(() => document.fonts.ready);
  const file = new URL(`embed-${name}-360-host${query.includes('theme=dark') ? '-dark' : ''}.png`, out);
  await page.screenshot({ path: file.pathname });
  console.log(file.pathname.replace(/.*\/docs\//, 'docs/'));
  await context.close();
  await new Promise((ok) => host.close(ok));
}
await browser.close();
await app.close();
