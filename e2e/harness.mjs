// Shared by the end-to-end tests: one server for the release bundle, one browser, and pages that
// record what a reader would never want to see (console errors, requests to other origins).
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const DIST = process.env.DIST ?? 'dist';
export const ARTICLE = readFileSync(new URL('../stories/sessions-kislyak/article.txt', import.meta.url), 'utf8');
const AXE = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

export const env = {};

before(async () => {
  env.server = await serve(DIST);
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/**
 * Opens the app (plus `query`), starts its engine as a host page may (a reader's first touch
 * would; e2e/first_view.test.mjs covers that path), waits until it runs, then for `waitFor`.
 */
export async function open(query = '', { width = 1280, height = 900, waitFor = '.card', colorScheme = 'light', engine = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const origin = new URL(env.server.url).origin;
  const problems = { consoleErrors: [], foreignRequests: [], pageErrors: [] };
  page.on('console', (m) => m.type() === 'error' && problems.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreignRequests.push(url);
  });
  await page.goto(env.server.url + query);
  if (engine) {
    await page.evaluate(() => window.storyExplorer.start());
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
  }
  if (waitFor) await page.waitForSelector(waitFor);
  return { page, problems, close: () => context.close() };
}

/**
 * Runs axe-core with the WCAG 2.2 AA tags; returns the violations, summarized. First scrolls
 * through the page as a reader would: cards are `content-visibility: auto`, so a card never yet
 * on screen keeps an estimated height, and axe, which measures overlap geometrically, would report
 * collisions with boxes no reader ever sees (the browser lays the card out before showing it).
 */
export async function axe(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const [x, y] = [scrollX, scrollY];
    for (let top = 0; top < document.scrollingElement.scrollHeight; top += innerHeight) {
      scrollTo({ left: 0, top, behavior: 'instant' });
      await frame();
    }
    scrollTo({ left: x, top: y, behavior: 'instant' });
    await frame();
  });
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Whitespace-normalized text, as a reader perceives it. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();
