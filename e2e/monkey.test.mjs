// Random use, as a restless reader would: clicks, taps, keys, typing (quotes, markup, accents,
// emoji), Back and Forward, and resizes, across every view of the seed, hostile and large stories.
// Fails on any panic, console error or page error, or focus dropped to the page by a key, and
// prints the seed and the actions that led there.
//
// In CI: the fixed RUNS below (seeded, so every run does the same thing). Outside CI,
// `scripts/monkey.sh [minutes]` runs fresh seeds for as long as asked (MONKEY_MINUTES); each
// failure it finds, once fixed, joins RUNS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env } from './harness.mjs';

// [seed, start link, actions]: at least 5,000 actions in all.
const RUNS = [
  [1, '', 700],
  [2, '?view=timeline', 500],
  [3, '?view=claims', 500],
  [4, '?view=graph', 700],
  [5, '?view=article', 500],
  [6, '?synthetic=hostile', 500],
  [7, '?synthetic=hostile&view=graph', 300],
  [8, '?synthetic=200&view=graph', 500],
  [9, '?synthetic=1000&view=graph', 400],
  [10, '?synthetic=1000', 300],
  [11, '?synthetic=5000&view=timeline', 150],
  [12, '?embed=1&view=claims', 300],
];
const STARTS = [...new Set(RUNS.map(([, link]) => link)), '?synthetic=5000', '?synthetic=200&view=article', '?item=zakharova-fake-news'];

const TYPED = ['kislyak', 'Kislyak’s', 'zakharová', '"fake news"', '“fake news”', '<b>bold</b>', '<script>alert(1)</script>',
  '&amp;', 'é', 'ß', '👩🏽‍💻', '🇺🇦', 'إيلينا', '\u202Eevil', '   ', 'zzzz', 'Sessions met', '%', '\\', "O'Brien", 'a'.repeat(120)];
const KEYS = ['Tab', 'Tab', 'Shift+Tab', 'Enter', ' ', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'Home', 'End', 'PageDown', '+', '-', '0'];
const WIDTHS = [320, 360, 390, 768, 1024, 1280];
// What a reader can click or tap; never a link to another page.
const TARGETS = 'button, summary, input[type="checkbox"], a[href^="?"], a[href^="#"], .node, .edge__hit, mark, input[type="search"]';

/** mulberry32: small, fast, the same sequence for the same seed everywhere. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Scrolls a random visible target into view and returns its centre, or null. */
const pickTarget = (page, r) => page.evaluate(({ selector, r }) => {
  const all = [...document.querySelectorAll(selector)].filter((el) => {
    if (el.closest('[hidden], [inert]') || el.disabled) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  });
  if (!all.length) return null;
  const el = all[Math.floor(r * all.length)];
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, what: `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}”` };
}, { selector: TARGETS, r });

/** One random action; returns its description. `firstEntry`: the explorer's first history entry. */
async function act(page, rand, firstEntry) {
  const roll = rand();
  if (roll < 0.32) {
    const target = await pickTarget(page, rand());
    if (!target) return 'click: nothing to click';
    await page.mouse.click(target.x, target.y);
    return `click ${target.what}`;
  }
  if (roll < 0.42) {
    const target = await pickTarget(page, rand());
    if (!target) return 'tap: nothing to tap';
    await page.touchscreen.tap(target.x, target.y);
    return `tap ${target.what}`;
  }
  if (roll < 0.70) {
    const key = KEYS[Math.floor(rand() * KEYS.length)];
    const [inside, on] = await page.evaluate(() => {
      const a = document.activeElement;
      const name = a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}.${a.className?.baseVal ?? a.className} “${(a.textContent || '').trim().slice(0, 30)}”` : 'nothing';
      return [!!a?.closest('#app'), name];
    });
    await page.keyboard.press(key);
    await settle(page);
    const lost = inside && ['Enter', ' ', 'Escape'].includes(key)
      && await page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
    return `key ${key} on ${on}${lost ? ' LOST FOCUS' : ''}`;
  }
  if (roll < 0.80) {
    const text = TYPED[Math.floor(rand() * TYPED.length)];
    if (!(await page.locator('#search').isVisible())) return 'type: no search box in view';
    if (rand() < 0.5) {
      await page.fill('#search', text);
    } else {
      await page.focus('#search');
      await page.keyboard.insertText(text);
    }
    return `type ${JSON.stringify(text)}`;
  }
  if (roll < 0.86) {
    const selects = await page.locator('select:visible').all();
    if (!selects.length) return 'select: none visible';
    const select = selects[Math.floor(rand() * selects.length)];
    const values = await select.evaluate((s) => [...s.options].map((o) => o.value));
    const value = values[Math.floor(rand() * values.length)];
    await select.selectOption(value);
    return `select ${value}`;
  }
  if (roll < 0.94) {
    const back = rand() < 0.6;
    // Never back past the explorer's first entry: that leaves the page, which is the browser's
    // business, not the app's.
    const at = await page.evaluate(() => navigation.currentEntry.index);
    if (back && at <= firstEntry) return 'back: at the first entry, not taken';
    await (back ? page.goBack({ waitUntil: 'commit' }) : page.goForward({ waitUntil: 'commit' }));
    return back ? 'back' : 'forward';
  }
  const width = WIDTHS[Math.floor(rand() * WIDTHS.length)];
  await page.setViewportSize({ width, height: 700 + Math.floor(rand() * 200) });
  return `resize ${width}`;
}

/** Runs `count` actions from `seed` on `link`; returns the actions done. Throws on a failure. */
async function monkey(seed, link, count) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  const origin = new URL(env.server.url).origin;
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin)) problems.push(`request to another origin: ${r.url()}`);
  });
  const done = [];
  try {
    await page.goto(env.server.url + link);
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    const rand = random(seed);
    const firstEntry = await page.evaluate(() => navigation.currentEntry.index);
    for (let i = 0; i < count; i += 1) {
      done.push(await act(page, rand, firstEntry));
      await settle(page);
      const fatal = await page.evaluate(() => { const f = document.getElementById('fatal'); return f && !f.hidden ? f.textContent : null; });
      if (fatal) problems.push(`fatal: ${fatal}`);
      if (done.at(-1).endsWith('LOST FOCUS')) problems.push('a key dropped focus to the page');
      if (new URL(page.url()).origin !== origin) problems.push(`navigated away to ${page.url()}`);
      if (problems.length) {
        throw new Error(`monkey seed ${seed} on "${link}" failed after ${i + 1} actions:\n  ${problems.join('\n  ')}\n`
          + `last actions:\n  ${done.slice(-25).join('\n  ')}`);
      }
    }
    return done.length;
  } finally {
    await context.close();
  }
}

const minutes = Number(process.env.MONKEY_MINUTES ?? 0);
if (minutes > 0) {
  test(`random use from fresh seeds for ${minutes} minutes`, { timeout: (minutes + 5) * 60_000 }, async () => {
    const end = Date.now() + minutes * 60_000;
    let runs = 0;
    let actions = 0;
    const first = Number(process.env.MONKEY_SEED ?? Date.now() % 1_000_000);
    while (Date.now() < end) {
      const seed = first + runs;
      const link = STARTS[seed % STARTS.length];
      actions += await monkey(seed, link, 400);
      runs += 1;
    }
    console.log(`monkey: ${runs} runs, ${actions} actions, seeds ${first}–${first + runs - 1}, no failure`);
  });
} else {
  test(`random use: ${RUNS.reduce((n, [, , count]) => n + count, 0)} actions from fixed seeds`, { timeout: 15 * 60_000 }, async () => {
    let actions = 0;
    for (const [seed, link, count] of RUNS) actions += await monkey(seed, link, count);
    assert.ok(actions >= 5000, `${actions} actions`);
  });
}
