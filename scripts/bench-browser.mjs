// Browser benchmark: builds nothing, serves `dist`, and drives headless Chromium to measure, as
// medians over several runs, time to first story content, the update time of a keystroke and of
// a filter click on the seed story and on synthetic stories (`?synthetic=N`), and graph layout.
//   node scripts/bench-browser.mjs [dist] [runs]
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Applies `act` in the page and times the update: `app` from the action to the rendered DOM (the
 * app's own Performance API measure), `frame` to the end of the style and layout that follow,
 * which is what must fit in a 16 ms frame.
 */
async function frameTime(page, act) {
  return page.evaluate(async (source) => {
    performance.clearMeasures('query');
    const start = performance.now();
    new Function(source)();
    const tick = () => new Promise((done) => { const c = new MessageChannel(); c.port1.onmessage = done; c.port2.postMessage(0); });
    while (performance.getEntriesByName('query').length === 0) await tick();
    document.body.getBoundingClientRect();
    const frame = performance.now() - start;
    return { frame, app: performance.getEntriesByName('query').at(-1).duration };
  }, act);
}

const type = (text) => `const el = document.getElementById('search'); el.value = ${JSON.stringify(text)}; el.dispatchEvent(new InputEvent('input', { bubbles: true }));`;
const click = (selector) => `document.querySelector(${JSON.stringify(selector)}).click();`;

async function measure(browser, url, label) {
  const firstContent = [];
  const keystroke = { frame: [], app: [] };
  const filter = { frame: [], app: [] };
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const loaded = Date.now();
    await page.goto(url);
    await page.waitForSelector('.card');
    firstContent.push(await page.evaluate(() => performance.getEntriesByName('story-shown')[0]?.startTime ?? NaN));
    let text = '';
    for (const c of 'contract') {
      text += c;
      const t = await frameTime(page, type(text));
      keystroke.frame.push(t.frame);
      keystroke.app.push(t.app);
    }
    await frameTime(page, type(''));
    for (const selector of ['#kind-quote', '#kind-event', '#kind-quote', '#kind-event']) {
      const t = await frameTime(page, click(selector));
      filter.frame.push(t.frame);
      filter.app.push(t.app);
    }
    void loaded;
    await page.close();
  }
  const cards = `${label}`.padEnd(22);
  const f = (x) => `${x.toFixed(1)} ms`.padStart(9);
  console.log(`${cards} first content ${f(median(firstContent))} | keystroke app ${f(median(keystroke.app))} frame ${f(median(keystroke.frame))} | filter app ${f(median(filter.app))} frame ${f(median(filter.frame))}`);
}

async function layoutTime(browser, url, label) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.node');
    times.push(await page.evaluate(() => performance.getEntriesByName('layout')[0]?.duration ?? NaN));
    await page.close();
  }
  console.log(`${label.padEnd(22)} graph layout ${`${median(times).toFixed(1)} ms`.padStart(9)}`);
}

const server = await serve(dist);
const browser = await launch();
try {
  console.log(`medians of ${runs} runs; "app" = from the action to the rendered DOM (Performance API), "frame" = to the end of the style and layout that follow`);
  await measure(browser, server.url, 'seed story');
  for (const n of [1000, 5000]) await measure(browser, `${server.url}?synthetic=${n}`, `synthetic ${n} items`);
  await layoutTime(browser, `${server.url}?view=graph`, 'seed story');
  await layoutTime(browser, `${server.url}?synthetic=250&view=graph`, '100 entities');
  await layoutTime(browser, `${server.url}?synthetic=2500&view=graph`, '1,000 entities');
} finally {
  await browser.close();
  await server.close();
}
