// Browser benchmark of a built bundle: serves `dist` and a hand-written reference page that renders
// the same cards (scripts/reference-page.mjs), drives headless Chromium, and prints medians over
// several runs — first-view payload, time to first content and to interactive, the engine's
// download on first touch, a tap two seconds after load, update time of a keystroke and of a
// filter click, graph layout time, wasm memory, and the phone figures (scripts/bench-phone.mjs) —
// then checks the budgets and exits 1 if one is broken. Every page is a reader with Save-Data on (e2e/browser.mjs), for whom the engine waits
// for a touch, except the tap at 2 s, which measures the idle prefetch the others get.
//   node scripts/bench-browser.mjs [dist] [runs] [release dist, for the phone figures]
// scripts/bench.sh builds the bundle first; this script builds nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';
import { printTable, sizes } from './size.mjs';
import { readCards, writeReference } from './reference-page.mjs';
import { phoneProfile } from './bench-phone.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 7);
// The phone figures are of what a reader downloads: the release bundle, when given.
const releaseDist = process.argv[4];
const REFERENCE_DIR = 'target/bench-reference';
const BUDGET = { payloadGzip: 110_000, firstContentRatio: 1.5, phonePaintRatio: 1.1 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);

/** The files a page at `base` requested, with their sizes from `root`. */
function files(page, base) {
  const seen = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === base.origin) seen.add(u.pathname.slice(base.pathname.length) || 'index.html');
  });
  return (root, except = new Set()) => [...seen].filter((n) => !except.has(n)).sort()
    .map((name) => ({ name, ...sizes(readFileSync(join(root, name))) }));
}

const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;

/**
 * Two fresh loads of `url` (empty cache). Untouched: first contentful paint and every file loaded
 * until the network is idle — the first-view payload. Touched at first paint (a reader who acts as
 * soon as anything shows): the `story-shown` mark, when every control is live, the files that
 * touch fetched, and wasm memory. For the reference page both are the same page.
 */
async function firstView(browser, url, root) {
  const base = new URL(url);
  const quiet = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await quiet.newPage();
  const firstFiles = files(page, base);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(painted);
  const firstContent = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  const payload = firstFiles(root);
  await quiet.close();

  const eager = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await eager.addInitScript(() => {
    addEventListener('explorer-engine', (e) => { window.benchWasm = e.detail.wasm; });
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        performance.mark('touch');
        window.storyExplorer?.start();
      }
    }).observe({ type: 'paint', buffered: true });
  });
  const touched = await eager.newPage();
  const touchedFiles = files(touched, base);
  await touched.goto(url);
  await touched.waitForFunction(() => performance.getEntriesByName('story-shown').length > 0);
  await touched.waitForLoadState('networkidle');
  const timing = await touched.evaluate(() => ({
    interactive: performance.getEntriesByName('story-shown')[0].startTime,
    touch: performance.getEntriesByName('touch')[0]?.startTime ?? NaN,
    started: performance.getEntriesByName('app-start')[0]?.startTime ?? NaN,
    wasmMemory: window.benchWasm?.memory?.buffer.byteLength ?? 0,
  }));
  const engine = touchedFiles(root, new Set(payload.map((f) => f.name)));
  await eager.close();
  return { firstContent, ...timing, payload, engine };
}

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

/** Keystrokes ("contract", one letter at a time) and kind-filter clicks; wasm memory after them. */
async function interaction(browser, url) {
  const keystroke = { frame: [], app: [] };
  const filter = { frame: [], app: [] };
  const memory = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => addEventListener('explorer-engine', (e) => { window.benchWasm = e.detail.wasm; }));
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
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
    memory.push(await page.evaluate(() => window.benchWasm.memory.buffer.byteLength));
    await context.close();
  }
  return { keystroke, filter, memory: median(memory) };
}

/**
 * A reader on a phone, without Save-Data, taps the first card's title two seconds after the page
 * started loading: milliseconds from the tap to the first frame that shows the response (the
 * app's detail panel; the reference page's selected card).
 */
async function tapAt2s(browser, url, response) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, saveData: false });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.now() >= 2000, null, { polling: 20 });
  await page.evaluate((selector) => {
    window.tapAnswered = new Promise((done) => {
      const look = () => (document.querySelector(selector) ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(look));
      addEventListener('pointerdown', () => {
        window.tappedAt = performance.now();
        window.engineAtTap = document.documentElement.dataset.engine ?? 'none';
        look();
      }, { capture: true, once: true });
    });
  }, response);
  await page.tap('.card__open >> nth=0');
  const took = await page.evaluate(async () => (await window.tapAnswered) - window.tappedAt);
  const engine = await page.evaluate(() => window.engineAtTap);
  await context.close();
  return { took, engine };
}

/** The slow phone of the early-tap figure: Chrome DevTools' "Slow 3G" link and a 4× slower CPU. */
const SLOW_PHONE = { latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8, cpu: 4 };

/**
 * A reader on a slow phone (SLOW_PHONE, no Save-Data) taps the first card's title as soon as it
 * shows: milliseconds from the tap to the first frame that acknowledges it (the control shows it is
 * starting, or the response itself) and to the first frame showing the response. The bundle is
 * served as e2e/server.mjs serves it: the build's brotli copies, as a host that precompresses would.
 */
async function earlyTap(browser, url, response) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, saveData: false });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_PHONE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpu });
  await page.addInitScript((selector) => {
    window.tapTimes = new Promise((done) => {
      addEventListener('pointerdown', () => {
        const tapped = performance.now();
        let acknowledged = null;
        const look = () => requestAnimationFrame(() => {
          const answered = document.querySelector(selector);
          if (acknowledged === null && (answered || document.querySelector('[data-pending]'))) acknowledged = performance.now();
          if (answered) done({ acknowledged: acknowledged - tapped, answered: performance.now() - tapped, at: tapped });
          else look();
        });
        look();
      }, { capture: true, once: true });
    });
  }, response);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('.card__open', { timeout: 120_000 });
  await page.tap('.card__open >> nth=0');
  const times = await page.evaluate(() => window.tapTimes);
  await context.close();
  return times;
}

async function layoutTime(browser, url) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.node');
    times.push(await page.evaluate(() => performance.getEntriesByName('layout')[0]?.duration ?? NaN));
    await page.close();
  }
  return median(times);
}

const app = await serve(dist);
const browser = await launch();
let reference;
const failures = [];
try {
  const page = await browser.newPage();
  await page.goto(app.url);
  await page.waitForSelector('.card');
  writeReference(REFERENCE_DIR, dist, await readCards(page));
  await page.close();
  reference = await serve(REFERENCE_DIR);

  const views = { app: [], reference: [] };
  for (let run = 0; run < runs; run++) {
    views.app.push(await firstView(browser, app.url, dist));
    views.reference.push(await firstView(browser, reference.url, REFERENCE_DIR));
  }
  const m = (side, key) => median(views[side].map((v) => v[key]));
  console.log(`\nFirst view of the seed story — medians of ${runs} runs, fresh cache, localhost, 1280×900`);
  console.log(`                      first content   interactive`);
  console.log(`  app                     ${ms(m('app', 'firstContent'))}     ${ms(m('app', 'interactive'))}`);
  console.log(`  reference page          ${ms(m('reference', 'firstContent'))}     ${ms(m('reference', 'interactive'))}`);
  const ratio = m('app', 'firstContent') / m('reference', 'firstContent');
  const interactiveRatio = m('app', 'interactive') / m('reference', 'interactive');
  console.log(`  app / reference         ${`${ratio.toFixed(2)}×`.padStart(9)}     ${`${interactiveRatio.toFixed(2)}×`.padStart(9)}`);
  console.log('  (first content: first contentful paint — for the app, its first view, written into index.html at build time;');
  console.log('   interactive: the "story-shown" mark, every control live — for the app, when the reader touches a control at first paint)');
  console.log(`  of the app's time to interactive: first paint at ${ms(m('app', 'touch'))}, the wasm runs at ${ms(m('app', 'started'))} (download, compile, start), then ${ms(m('app', 'interactive') - m('app', 'started'))} to validate, index and render`);
  console.log(`  from first touch to every control live: ${ms(m('app', 'interactive') - m('app', 'touch'))}`);
  console.log(`  wasm memory after load: ${(m('app', 'wasmMemory') / 2 ** 20).toFixed(1)} MiB`);

  console.log('\nFirst-view payload of the app (every file loaded, network idle, nothing touched)');
  const payload = printTable(views.app[0].payload);
  console.log('\nThe engine, loaded when the reader first reaches for a control');
  printTable(views.app[0].engine);
  console.log('\nFirst-view payload of the reference page');
  const referencePayload = printTable(views.reference[0].payload);

  const taps = { app: [], reference: [] };
  for (let run = 0; run < runs; run++) {
    taps.app.push(await tapAt2s(browser, app.url, '#detail'));
    taps.reference.push(await tapAt2s(browser, reference.url, '.card--selected'));
  }
  const tapMedian = (side) => median(taps[side].map((t) => t.took));
  console.log(`\nA tap 2 s after load, 390×844, no Save-Data — medians of ${runs} runs, tap to the first frame showing the response`);
  console.log(`  app (engine loaded by the page) ${ms(tapMedian('app'))}   (engine ready before the tap in ${taps.app.filter((t) => t.engine === 'ready').length} of ${runs} runs)`);
  console.log(`  reference page                  ${ms(tapMedian('reference'))}`);

  const early = { app: [], reference: [] };
  const earlyRuns = Math.min(runs, 3);
  for (let run = 0; run < earlyRuns; run++) {
    early.app.push(await earlyTap(browser, app.url, '#detail'));
    early.reference.push(await earlyTap(browser, reference.url, '.card--selected'));
  }
  const earlyMedian = (side, key) => median(early[side].map((t) => t[key]));
  console.log(`\nA tap as soon as the first card shows, slow phone (${SLOW_PHONE.downloadThroughput * 8 / 1024} kbit/s, ${SLOW_PHONE.latency} ms round trip, CPU ${SLOW_PHONE.cpu}× slower; served as brotli) — medians of ${earlyRuns} runs`);
  console.log(`  app: acknowledged ${ms(earlyMedian('app', 'acknowledged'))}, answered ${ms(earlyMedian('app', 'answered'))} (tapped at ${ms(earlyMedian('app', 'at'))} after navigation)`);
  console.log(`  reference page: acknowledged and answered ${ms(earlyMedian('reference', 'answered'))} (tapped at ${ms(earlyMedian('reference', 'at'))})`);

  console.log(`\nUpdates — medians of ${runs} runs; "app" = from the action to the rendered DOM (Performance API), "frame" = to the end of the style and layout that follow`);
  for (const [label, query] of [['seed story', ''], ['synthetic 1,000 items', '?synthetic=1000'], ['synthetic 5,000 items', '?synthetic=5000']]) {
    const r = await interaction(browser, app.url + query);
    console.log(`  ${label.padEnd(22)} keystroke app ${ms(median(r.keystroke.app))} frame ${ms(median(r.keystroke.frame))} | filter app ${ms(median(r.filter.app))} frame ${ms(median(r.filter.frame))} | wasm memory ${(r.memory / 2 ** 20).toFixed(1)} MiB`);
  }

  console.log(`\nGraph layout — medians of ${runs} runs (the app's "layout" measure)`);
  for (const [label, query] of [['seed story', '?view=graph'], ['100 entities', '?synthetic=250&view=graph'], ['1,000 entities', '?synthetic=2500&view=graph']]) {
    console.log(`  ${label.padEnd(22)} ${ms(await layoutTime(browser, app.url + query))}`);
  }

  const release = releaseDist ? await serve(releaseDist) : null;
  let phone;
  try {
    phone = await phoneProfile(browser, (release ?? app).url, releaseDist ?? dist, runs);
  } finally {
    await release?.close();
  }

  console.log('\nBudgets');
  const check = (name, ok, detail) => {
    console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name}: ${detail}`);
    if (!ok) failures.push(name);
  };
  check('first-view payload', payload.gzip <= BUDGET.payloadGzip,
    `${payload.gzip.toLocaleString('en')} B gzip (budget ${BUDGET.payloadGzip.toLocaleString('en')} B; reference ${referencePayload.gzip.toLocaleString('en')} B)`);
  check('time to first content', ratio <= BUDGET.firstContentRatio,
    `${ratio.toFixed(2)}× the reference page (budget ${BUDGET.firstContentRatio}×)`);
  check('first contentful paint on a phone', phone.fcp <= BUDGET.phonePaintRatio,
    `${phone.fcp.toFixed(2)}× the page without scripts (budget ${BUDGET.phonePaintRatio}×)`);
  check('largest contentful paint on a phone', phone.lcp <= BUDGET.phonePaintRatio,
    `${phone.lcp.toFixed(2)}× the page without scripts (budget ${BUDGET.phonePaintRatio}×)`);
  console.log(`  aim   the engine ready on a phone by 1.6 s: ${(phone.ready / 1000).toFixed(2)} s`);
} finally {
  await browser.close();
  await app.close();
  await reference?.close();
}
if (failures.length) {
  console.log(`\n${failures.length} budget(s) broken: ${failures.join(', ')}`);
  process.exit(1);
}
