// Launches Debian's Chromium through playwright-core; no test tool may download a browser.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Every context opened through a launched browser is a reader who asked to save data
 * (`navigator.connection.saveData`), for whom the engine waits for a first reach for a control, as
 * it always did, unless the options say `saveData: false`: then the page starts it when idle
 * (static/boot.js), which the tests of that prefetch and the tap-at-2-s benchmark want.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  // browser.newPage opens its context through this too.
  browser.newContext = async ({ saveData = true, ...options } = {}) => {
    const context = await newContext(options);
    if (saveData) {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', {
        configurable: true,
        get: () => ({ saveData: true, effectiveType: '4g' }),
      }));
    }
    return context;
  };
  return browser;
}
