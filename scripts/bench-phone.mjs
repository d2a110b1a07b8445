// The bundle on an emulated mid-range phone (PHONE below), for scripts/bench-browser.mjs: first and
// largest contentful paint against the same built page with its scripts taken out, the moment the
// engine is ready, and a tap 2.0 s after navigation (the engine possibly still on its way) to the
// item's detail on screen. Medians of at least 11 runs; the page is served as a static host
// serves it (the build's brotli or gzip copies, by Accept-Encoding).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';

/** A mid-range phone: 4× slower processor, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
export const PHONE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8, cpu: 4 };
export const PHONE_RUNS = 11;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `dist`'s page with every script removed, and the files it loads, in `dir`. */
function withoutScripts(dist, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    if (statSync(path).isFile() && !name.startsWith('index.html')) copyFileSync(path, join(dir, name));
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  writeFileSync(join(dir, 'index.html'), html);
}

async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, saveData: false });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  await page.addInitScript(() => {
    window.bench = { lcp: 0, ready: null };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.bench.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // The engine's own signal that it shows the page (the boot script marks it ready then).
    document.addEventListener('explorer-ready', () => {
      if (window.bench.ready === null) window.bench.ready = performance.now();
    }, true);
  });
  return { context, page };
}

/** One load: paints, and (for the app) when the engine is ready and how the wasm came. */
async function load(browser, url, engine) {
  const { context, page } = await phonePage(browser);
  let wasm = null;
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm = r.headers()['content-encoding'] ?? 'none';
  });
  await page.goto(url, { waitUntil: 'load' });
  if (engine) await page.waitForFunction(() => window.bench.ready !== null, null, { timeout: 60_000, polling: 50 });
  // Largest contentful paint is final once the page has painted after load.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  const r = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.bench.lcp,
    ready: window.bench.ready,
  }));
  await context.close();
  return { ...r, wasm };
}

/** A tap on the first card's title at 2.0 s after navigation, to the detail on screen. */
async function tapAt2s(browser, url) {
  const { context, page } = await phonePage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('.card__open');
  await page.waitForFunction(() => performance.now() >= 2000, null, { polling: 10 });
  await page.evaluate(() => {
    window.bench.answered = new Promise((done) => {
      addEventListener('pointerdown', () => {
        const tapped = performance.now();
        const engine = document.documentElement.dataset.engine ?? 'none';
        const look = () => requestAnimationFrame(() => {
          const detail = document.querySelector('#detail');
          const shown = detail && detail.getBoundingClientRect().top < innerHeight;
          if (shown) done({ took: performance.now() - tapped, at: tapped, engine });
          else look();
        });
        look();
      }, { capture: true, once: true });
    });
  });
  await page.tap('.card__open >> nth=0');
  const r = await page.evaluate(() => window.bench.answered);
  await context.close();
  return r;
}

/** Runs the phone figures for the bundle served at `appUrl` from `dist`; returns what to check. */
export async function phoneProfile(browser, appUrl, dist, runs, least = PHONE_RUNS) {
  const n = Math.max(runs, least);
  const dir = 'target/bench-noscript';
  withoutScripts(dist, dir);
  const plain = await serve(dir);
  const app = [];
  const bare = [];
  const taps = [];
  try {
    for (let run = 0; run < n; run++) {
      app.push(await load(browser, appUrl, true));
      bare.push(await load(browser, plain.url, false));
      taps.push(await tapAt2s(browser, appUrl));
    }
  } finally {
    await plain.close();
  }
  const m = (list, key) => median(list.map((x) => x[key]));
  // Each run loads the app and the page without scripts back to back: the median of the runs'
  // own ratios leaves out the machine's drift between runs, which moves both alike.
  const ratio = (key) => median(app.map((a, i) => a[key] / bare[i][key]));
  const fcp = ratio('fcp');
  const lcp = ratio('lcp');
  const f = (x) => `${Math.round(x)} ms`.padStart(8);
  console.log(`\nOn a mid-range phone (CPU ${PHONE.cpu}× slower, ${PHONE.downloadThroughput * 8 / 1e6} Mbit/s, ${PHONE.latency} ms round trip), 390×844, no Save-Data — medians of ${n} runs`);
  console.log(`                       app   without scripts   ratio (median of the runs' own)`);
  console.log(`  first contentful  ${f(m(app, 'fcp'))}   ${f(m(bare, 'fcp'))}          ${fcp.toFixed(2)}×`);
  console.log(`  largest contentful${f(m(app, 'lcp'))}   ${f(m(bare, 'lcp'))}          ${lcp.toFixed(2)}×`);
  console.log(`  engine ready      ${f(m(app, 'ready'))}   (the wasm served ${app[0].wasm === 'none' ? 'uncompressed' : `as ${app[0].wasm}`})`);
  console.log(`  a tap at 2.0 s to the detail on screen: ${f(m(taps, 'took'))} (tapped at ${f(m(taps, 'at'))}; the engine ready before the tap in ${taps.filter((t) => t.engine === 'ready').length} of ${n} runs)`);
  return { fcp, lcp, ready: m(app, 'ready'), tap: m(taps, 'took') };
}
