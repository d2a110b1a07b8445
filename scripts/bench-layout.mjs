// The graph layout's time in Chromium alone, for working on it: the app's "layout" measure for
// the seed story and for 100 and 1,000 entities, median of N runs (default 5).
//   node scripts/bench-layout.mjs [dist] [runs]      (scripts/bench.sh reports the same figures)
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const [dist = 'target/dist-fixtures', runs = '5'] = process.argv.slice(2);
const app = await serve(dist);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, query] of [['seed story', '?view=graph'], ['100 entities', '?synthetic=250&view=graph'], ['1,000 entities', '?synthetic=2500&view=graph']]) {
  const times = [];
  for (let run = 0; run < Number(runs); run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url + query);
    await page.waitForSelector('.node');
    times.push(await page.evaluate(() => performance.getEntriesByName('layout')[0]?.duration ?? NaN));
    await page.close();
  }
  console.log(`${label.padEnd(16)} ${median(times).toFixed(1)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
}
await browser.close();
await app.close();
