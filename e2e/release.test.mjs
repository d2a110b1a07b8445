// What a newsroom ships is the release build, which carries none of the fixtures (generated and
// hostile stories, the forced panic): no link can make a newsroom's page generate a 50,000-item
// story. The other end-to-end tests run on the test build, which has them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { env } from './harness.mjs';

const RELEASE = process.env.RELEASE_DIST;

// Strings only the fixtures hold: the generator's story, the hostile payloads, the forced panic.
const FIXTURE_STRINGS = ['Synthetic story', 'A generated story of', 'synthetic', 'onerror=alert', 'long speaker',
  'a panic was requested'];

test('the release bundle carries no fixture code, strings or pages', () => {
  assert.ok(RELEASE, 'RELEASE_DIST names the release bundle (scripts/test.sh sets it)');
  const files = readdirSync(RELEASE);
  assert.deepEqual(files.filter((f) => f.startsWith('fixture-')), []);
  const engine = files.filter((f) => /\.(wasm|js)$/.test(f));
  assert.ok(engine.some((f) => f.endsWith('.wasm')), `${engine}`);
  for (const file of engine) {
    const body = readFileSync(join(RELEASE, file)).toString('latin1');
    for (const s of FIXTURE_STRINGS) assert.equal(body.includes(s), false, `${file} holds “${s}”`);
  }
  // Checking the check: the test build does hold them.
  const testWasm = readdirSync(process.env.DIST).find((f) => f.endsWith('.wasm'));
  const body = readFileSync(join(process.env.DIST, testWasm)).toString('latin1');
  assert.ok(FIXTURE_STRINGS.slice(0, 5).every((s) => body.includes(s)), 'the test build has the fixtures');
});

test('a release page asked for a generated story shows the bundled one and says so', async () => {
  const server = await serve(RELEASE);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}?synthetic=5000`);
    await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
    await page.waitForSelector('.notice');
    assert.match(await page.textContent('.notice'), /unknown setting “synthetic”/);
    assert.equal(await page.textContent('.masthead__headline'), 'Jeff Sessions');
  } finally {
    await context.close();
    await server.close();
  }
});
