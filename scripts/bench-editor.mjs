// Browser benchmark of the editor page (edit/) of a built bundle: serves `dist`, drives headless
// Chromium and prints medians over `runs` fresh contexts (empty cache, empty storage) — the size
// of the editor's wasm and its glue, start-up at 1280×900 and on an emulated mid-range phone,
// drafting the seed article, one edit's latency (unthrottled and with the CPU 4× slower), and a
// reload with a session in storage (coming back after a crash). Times are taken in the page with
// performance.now() (milliseconds since navigation start for the page-load figures), by mutation
// observers and animation frames armed before the action. It checks no budget and exits 0.
//   node scripts/bench-editor.mjs [dist] [runs]      (default dist, 11 runs)
// scripts/build-editor.sh builds the editor into dist/edit/; this script builds nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';
import { printTable, sizes } from './size.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 11);
const ARTICLE = readFileSync(new URL('../stories/sessions-kislyak/article.txt', import.meta.url), 'utf8');
const DESKTOP = { width: 1280, height: 900 };
/**
 * A mid-range phone: a 390×844 touch screen, a CPU 4× slower than this machine's, and a 1.6 Mbit/s
 * down, 750 kbit/s up, 150 ms round-trip connection (DevTools' network and CPU throttling through
 * CDP; the figures of Lighthouse's mobile profile). e2e/server.mjs serves the build's brotli copies
 * (scripts/compress.mjs) to a browser that accepts them, as a static host would.
 */
const PHONE = {
  viewport: { width: 390, height: 844 },
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
const PHONE_LABEL = `390×844, CPU ${PHONE.cpu}× slower, ${PHONE.network.downloadThroughput * 8 / 1e6} Mbit/s down, `
  + `${PHONE.network.uploadThroughput * 8 / 1e3} kbit/s up, ${PHONE.network.latency} ms round trip, served as brotli`;
const ENTITY = 'dmitry-peskov';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);
const range = (xs) => `(${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

/**
 * Installed in every page before its scripts: records, in ms since navigation start, when the
 * wasm started (Trunk's TrunkApplicationStarted, after `init` returned), when `html[data-ready]`
 * appeared and when the first item row was attached, each with the first frame that follows.
 */
function recordStart() {
  const t = (window.benchStart = {});
  addEventListener('TrunkApplicationStarted', (e) => {
    t.started = performance.now();
    window.benchWasm = e.detail.wasm;
  });
  const frame = (key) => requestAnimationFrame(() => { t[key] = performance.now(); });
  const observer = new MutationObserver(() => {
    if (t.ready === undefined && document.documentElement?.hasAttribute('data-ready')) {
      t.ready = performance.now();
      frame('readyFrame');
    }
    if (t.items === undefined && document.querySelector('.pane--items .item-row')) {
      t.items = performance.now();
      frame('itemsFrame');
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** Resolves in the page when `start` (ms since navigation start) and the other keys are known. */
const startTimes = (page, keys) => page.waitForFunction((ks) => {
  const t = window.benchStart;
  if (!ks.every((k) => t?.[k] !== undefined)) return false;
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
  return { ...t, wasmEnd: wasm?.responseEnd ?? NaN };
}, keys, { timeout: 120_000, polling: 50 }).then((h) => h.jsonValue());

async function editorContext(browser, { phone = false } = {}) {
  const context = await browser.newContext(phone
    ? { viewport: PHONE.viewport, isMobile: true, hasTouch: true }
    : { viewport: DESKTOP });
  await context.addInitScript(recordStart);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let cdp;
  if (phone) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  }
  return { context, page, errors, cdp: cdp ?? (await context.newCDPSession(page)) };
}

/**
 * Pastes the seed article and clicks "Draft the story": ms from the click (the event's dispatch
 * in the page) to the first item row attached to the items pane, and to the next frame.
 */
async function draft(page) {
  await page.fill('#article-text', ARTICLE);
  await page.evaluate(() => {
    window.benchDraft = new Promise((done) => {
      let clicked;
      addEventListener('click', () => {
        clicked = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.pane--items .item-row')) return;
          observer.disconnect();
          const rendered = performance.now();
          requestAnimationFrame(() => done({ rendered: rendered - clicked, frame: performance.now() - clicked }));
        });
        observer.observe(document.body, { subtree: true, childList: true });
      }, { capture: true, once: true });
    });
  });
  await page.click('button:text-is("Draft the story")');
  const times = await page.evaluate(() => window.benchDraft);
  times.items = await page.locator('.pane--items li.item-row[data-id]').count();
  return times;
}

/**
 * Sets the Name of entity ENTITY to `name` as an editor does (its row opened, the field filled),
 * then times one edit: from the Tab key's dispatch (which leaves the field and fires its change)
 * to the row's label showing `name`, and to the next frame.
 */
async function edit(page, name) {
  const button = page.locator(`li.item-row[data-id="${ENTITY}"] > .item-row__button`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const field = page.locator(`#f-${ENTITY}-name`);
  await field.waitFor();
  await field.fill(name);
  await page.evaluate(([id, value]) => {
    const field = document.getElementById(`f-${id}-name`);
    const label = () => document.querySelector(`li.item-row[data-id="${id}"] .item-row__label`)?.textContent;
    window.benchEdit = new Promise((done) => {
      field.addEventListener('keydown', () => {
        const pressed = performance.now();
        const observer = new MutationObserver(() => {
          if (label() !== value) return;
          observer.disconnect();
          const shown = performance.now();
          requestAnimationFrame(() => done({ shown: shown - pressed, frame: performance.now() - pressed }));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, { capture: true, once: true });
    });
  }, [ENTITY, name]);
  await field.press('Tab');
  return page.evaluate(() => window.benchEdit);
}

/** Start-up of a fresh page: navigation start to html[data-ready], with the steps before it. */
async function startUp(browser, phone) {
  const { context, page, errors } = await editorContext(browser, { phone });
  await page.goto(`${app.url}edit/`, { waitUntil: 'commit', timeout: 120_000 });
  const t = await startTimes(page, ['ready', 'readyFrame']);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await context.close();
  if (errors.length) throw new Error(`the editor reported errors: ${errors.join('\n')}`);
  return { ...t, fcp };
}

/**
 * One working session: the seed drafted (unthrottled, 1280), one edit unthrottled, one with the
 * CPU 4× slower, then a reload with the session in storage to html[data-ready] and the items.
 */
async function session(browser, run) {
  const { context, page, errors, cdp } = await editorContext(browser);
  try {
    await page.goto(`${app.url}edit/`);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    const drafted = await draft(page);
    const memory = await page.evaluate(() => window.benchWasm?.memory?.buffer.byteLength ?? NaN);
    const fast = await edit(page, `Dmitry S. Peskov ${run}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    const slow = await edit(page, `Dmitry Sergeyevich Peskov ${run}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const stored = await page.evaluate(() => localStorage.getItem('story-editor/session')?.length ?? 0);
    if (!stored) throw new Error('no session in storage after the edits');
    await page.reload({ waitUntil: 'commit' });
    const reload = await startTimes(page, ['ready', 'items', 'itemsFrame']);
    const label = await page.textContent(`li.item-row[data-id="${ENTITY}"] .item-row__label`);
    if (label !== `Dmitry Sergeyevich Peskov ${run}`) throw new Error(`the reload lost the edit: ${label}`);
    if (errors.length) throw new Error(`the editor reported errors: ${errors.join('\n')}`);
    return { drafted, memory, fast, slow, stored, reload };
  } finally {
    await context.close();
  }
}

const app = await serve(dist);
const browser = await launch();
try {
  const editDir = join(dist, 'edit');
  const names = readdirSync(editDir).sort();
  const wasm = names.find((n) => n.endsWith('_bg.wasm'));
  const glue = wasm && `${wasm.slice(0, -'_bg.wasm'.length)}.js`;
  if (!wasm || !names.includes(glue)) throw new Error(`no editor wasm and glue in ${editDir} (scripts/build-editor.sh builds them)`);
  console.log(`The editor (${editDir}/): its wasm and JS glue`);
  printTable([wasm, glue].map((name) => ({ name, ...sizes(readFileSync(join(editDir, name))) })));
  // The build's .br and .gz copies are the same files again (scripts/compress.mjs).
  const all = names.filter((name) => !/\.(br|gz)$/.test(name)).map((name) => sizes(readFileSync(join(editDir, name))))
    .reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }));
  console.log(`  every file of edit/ (index.html, styles, icon too): ${all.raw} B raw, ${all.gzip} B gzip, ${all.brotli} B brotli`);

  const desktop = [];
  const phone = [];
  for (let run = 0; run < runs; run++) {
    desktop.push(await startUp(browser, false));
    phone.push(await startUp(browser, true));
  }
  const col = (xs, key) => xs.map((x) => x[key]);
  const startRow = (label, xs) => console.log(`  ${label.padEnd(22)} ${ms(median(col(xs, 'fcp')))} ${ms(median(col(xs, 'wasmEnd')))} ${ms(median(col(xs, 'started')))} ${ms(median(col(xs, 'ready')))} ${ms(median(col(xs, 'readyFrame')))}  ${range(col(xs, 'ready'))}`);
  console.log(`\nStart-up: navigation start to html[data-ready] (the start form rendered by the wasm) — medians of ${runs} fresh contexts`);
  console.log(`  ${''.padEnd(22)} ${'1st paint'.padStart(10)} ${'wasm in'.padStart(10)} ${'wasm ran'.padStart(10)} ${'ready'.padStart(10)} ${'its frame'.padStart(10)}  (ready: min–max)`);
  startRow('1280×900, unthrottled', desktop);
  startRow('mid-range phone', phone);
  console.log(`  (phone: ${PHONE_LABEL}; "1st paint": first contentful paint, the "Loading…" line;`);
  console.log('   "wasm in": the .wasm response ended; "wasm ran": Trunk\'s TrunkApplicationStarted, after init returned —');
  console.log('   the first render, and with it data-ready, happens inside init, so "ready" may precede "wasm ran")');

  const sessions = [];
  for (let run = 0; run < runs; run++) sessions.push(await session(browser, run));
  const s = (f) => sessions.map(f);
  console.log(`\nDrafting the seed article in the page (1280×900, unthrottled) — medians of ${runs} runs`);
  console.log(`  click on "Draft the story" to the items pane's rows attached ${ms(median(s((x) => x.drafted.rendered)))}  ${range(s((x) => x.drafted.rendered))}`);
  console.log(`                                  and to the frame that follows ${ms(median(s((x) => x.drafted.frame)))}`);
  console.log(`  (${median(s((x) => x.drafted.items))} rows, the story's own included; wasm memory after it ${(median(s((x) => x.memory)) / 2 ** 20).toFixed(1)} MiB)`);

  console.log(`\nOne edit: the Name of ${ENTITY} typed, then Tab — from the key's dispatch to the row's label showing the new name — medians of ${runs} runs`);
  console.log(`  ${''.padEnd(22)} ${'label'.padStart(10)} ${'its frame'.padStart(10)}`);
  console.log(`  ${'unthrottled'.padEnd(22)} ${ms(median(s((x) => x.fast.shown)))} ${ms(median(s((x) => x.fast.frame)))}  ${range(s((x) => x.fast.shown))}`);
  console.log(`  ${`CPU ${PHONE.cpu}× slower`.padEnd(22)} ${ms(median(s((x) => x.slow.shown)))} ${ms(median(s((x) => x.slow.frame)))}  ${range(s((x) => x.slow.shown))}`);
  console.log('  (the seed drafted at 1280×900; the throttled edit is the second of its page)');

  console.log(`\nReload with a session in storage (${median(s((x) => x.stored))} characters) — navigation start to… (1280×900, unthrottled) — medians of ${runs} runs`);
  console.log(`  html[data-ready]       ${ms(median(s((x) => x.reload.ready)))}  ${range(s((x) => x.reload.ready))}`);
  console.log(`  items rendered         ${ms(median(s((x) => x.reload.items)))}  ${range(s((x) => x.reload.items))}`);
  console.log(`  both                   ${ms(median(s((x) => Math.max(x.reload.ready, x.reload.items))))}  ${range(s((x) => Math.max(x.reload.ready, x.reload.items)))}`);
  console.log(`  the frame after items  ${ms(median(s((x) => x.reload.itemsFrame)))}`);
  console.log(`  (the wasm in at ${ms(median(s((x) => x.reload.wasmEnd))).trim()}, ran at ${ms(median(s((x) => x.reload.started))).trim()}; the browser's cache is revalidated: e2e/server.mjs says no-cache and sends no validators)`);
} finally {
  await browser.close();
  await app.close();
}
