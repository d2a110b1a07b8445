import { serve } from './server.mjs';
import { launch } from './browser.mjs';
const app = await serve('target/dist-fixtures');
const browser = await launch();
for (const [q, sel] of [['?view=timeline', '.tl-event'], ['?view=claims', '.claim'], ['?view=graph', '.graph__canvas'], ['?view=article', '.article > p'], ['', '.cards__grid > li']]) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(app.url + q);
  await page.evaluate(() => window.storyExplorer.start());
  await page.waitForSelector(sel);
  const out = await page.evaluate((sel) => {
    const first = document.querySelector(sel);
    const items = [...document.querySelectorAll('.masthead__top, .masthead__headline, .masthead__dateline, .masthead__more, .views, .filters__row, .status, main h2, .timeline__legend, .timeline__period, .timeline__when, .timeline__lane-name, .claims__legend, .graph__toolbar, .graph__help, .graph__legend, .article__headline')];
    return items.filter((e) => e.getBoundingClientRect().top < first.getBoundingClientRect().top + 5).map((e) => `${e.className || e.tagName}: ${Math.round(e.getBoundingClientRect().top)}–${Math.round(e.getBoundingClientRect().bottom)}`).concat([`FIRST ${Math.round(first.getBoundingClientRect().top)}`]);
  }, sel);
  console.log(q, '\n  ' + out.join('\n  '));
  await page.close();
}
await browser.close(); await app.close();
