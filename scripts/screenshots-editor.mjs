// Screenshots of the editor page (edit/) at work on the seed article, in the light scheme, as an
// editor sees the screen (the viewport, not the whole page), into docs/screenshots/:
//   editor-1280.png           1280×900: the seed drafted, the quote zakharova-fake-news open with its
//                             form, and words selected in the article (found with "Find words"), so
//                             the selection bar offers what to make of them
//   editor-390-article.png    390×844 phone: the Article tab after drafting
//   editor-390-items.png      390×844 phone: the Items tab with dmitry-peskov open
//   editor-preview-1280.png   1280×900: the Preview tab from the top of the page, the explorer in its frame
// Run after a build (scripts/build-editor.sh); this script builds nothing:
//   node scripts/screenshots-editor.mjs [dist]          (default dist)
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const ARTICLE = readFileSync(new URL('../stories/sessions-kislyak/article.txt', import.meta.url), 'utf8');
const QUOTE = 'zakharova-fake-news';
const WORDS = 'media vandalism';
const ENTITY = 'dmitry-peskov';
const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

const row = (page, id) => page.locator(`li.item-row[data-id="${id}"]`);

/** A fresh editor (empty storage) with the seed article pasted and drafted. */
async function drafted(browser, options) {
  const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${app.url}edit/`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.fill('#article-text', ARTICLE);
  await page.click('button:text-is("Draft the story")');
  await page.waitForSelector('.pane--items .item-row', { state: 'attached' });
  return { context, page, errors };
}

/** Opens the item's form with its row's button, unless it is open. */
async function open(page, id) {
  const button = row(page, id).locator('> .item-row__button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await row(page, id).locator('.item-form').waitFor();
}

/** Scrolls the item's row to the top of the screen, just below the bar when it sticks (wide screens). */
async function scrollTo(page, id) {
  await page.evaluate((i) => {
    document.querySelector(`li.item-row[data-id="${i}"]`).scrollIntoView({ block: 'start', behavior: 'instant' });
    const bar = document.querySelector('.editor-bar');
    const covered = getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
    scrollBy({ top: -(covered + 8), behavior: 'instant' });
  }, id);
}

async function shoot(page, errors, name) {
  if (errors.length) throw new Error(`${name}: the editor reported errors:\n${errors.join('\n')}`);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const file = new URL(name, out);
  await page.screenshot({ path: file.pathname });
  console.log(file.pathname.replace(/.*\/docs\//, 'docs/'));
}

const app = await serve(dist);
const browser = await launch();
try {
  {
    const { context, page, errors } = await drafted(browser, { viewport: { width: 1280, height: 900 } });
    await open(page, QUOTE);
    await page.fill('#find-words', WORDS);
    await page.press('#find-words', 'Enter');
    await page.waitForFunction((w) => document.querySelector('.selection-bar__words q')?.textContent === w, WORDS);
    await scrollTo(page, QUOTE);
    await shoot(page, errors, 'editor-1280.png');

    await page.click('.editor-tabs button:has-text("Preview")');
    const frame = page.frameLocator('iframe.preview-frame');
    await frame.locator('.card').first().waitFor({ state: 'visible' });
    await frame.locator('html').evaluate(() => document.fonts.ready);
    await shoot(page, errors, 'editor-preview-1280.png');
    await context.close();
  }
  {
    const { context, page, errors } = await drafted(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await shoot(page, errors, 'editor-390-article.png');
    await page.click('.editor-tabs button:text-matches("^Items")');
    await page.waitForSelector('.pane--items', { state: 'visible' });
    await open(page, ENTITY);
    await scrollTo(page, ENTITY);
    await shoot(page, errors, 'editor-390-items.png');
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}
