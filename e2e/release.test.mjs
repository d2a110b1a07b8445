// What a newsroom ships is the release build, which carries none of the fixtures (generated and
// hostile stories, the forced panic): no link can make a newsroom's page generate a 50,000-item
// story. The other end-to-end tests run on the test build, which has them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { COMPRESSED } from '../scripts/compress.mjs';
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

test('no wasm of the bundle, the editor\'s included, carries the linker\'s sections that only the split needs', () => {
  assert.ok(RELEASE, 'RELEASE_DIST names the release bundle (scripts/test.sh sets it)');
  const wasm = [];
  const walk = (dir) => readdirSync(dir).forEach((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) walk(path);
    else if (f.endsWith('.wasm')) wasm.push(path);
  });
  walk(RELEASE);
  assert.ok(wasm.some((f) => f.includes('story-editor')), `the editor's wasm is among ${wasm}`);
  assert.ok(wasm.length >= 3, `the engine, its graph's chunk and the editor: ${wasm}`);
  for (const file of wasm) {
    const module = new WebAssembly.Module(readFileSync(file));
    const linker = ['linking', 'reloc.CODE', 'reloc.DATA'].filter((name) => WebAssembly.Module.customSections(module, name).length > 0);
    assert.deepEqual(linker, [], `${file} carries the linker's sections`);
  }
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

test('the build writes brotli and gzip copies of every text and wasm file, and the server sends them by Accept-Encoding', async () => {
  const files = [];
  const walk = (dir) => readdirSync(dir).forEach((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSED.includes(extname(name)) && statSync(path).size >= 256) files.push(path);
  });
  walk(RELEASE);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith(join('edit', 'index.html'))), 'the explorer and the editor');
  for (const file of files) {
    const body = readFileSync(file);
    assert.ok(brotliDecompressSync(readFileSync(`${file}.br`)).equals(body), `${file}.br`);
    assert.ok(gunzipSync(readFileSync(`${file}.gz`)).equals(body), `${file}.gz`);
  }
  const wasm = readdirSync(RELEASE).find((f) => f.endsWith('.wasm'));
  const raw = readFileSync(join(RELEASE, wasm));
  const br = readFileSync(join(RELEASE, `${wasm}.br`));
  console.log(`# ${wasm}: ${raw.length} B, brotli ${br.length} B, gzip ${readFileSync(join(RELEASE, `${wasm}.gz`)).length} B`);
  const server = await serve(RELEASE);
  try {
    for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip', 'gzip', gunzipSync], ['', undefined, (b) => b]]) {
      const response = await fetch(server.url + wasm, { headers: { 'accept-encoding': accept } });
      assert.equal(response.headers.get('content-encoding') ?? undefined, encoding, `Accept-Encoding: ${accept}`);
      assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/);
      // fetch decodes what it understands; read the bytes on the wire for the encoded cases.
      const wire = encoding ? await rawBody(server.url + wasm, accept) : Buffer.from(await response.arrayBuffer());
      assert.ok(decode(wire).equals(raw), `Accept-Encoding: ${accept} gives the same bytes`);
    }
  } finally {
    await server.close();
  }
});

/** The response body as sent, undecoded. */
async function rawBody(url, accept) {
  const { request } = await import('node:http');
  return new Promise((ok, fail) => {
    request(url, { headers: { 'accept-encoding': accept } }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => ok(Buffer.concat(parts)));
    }).on('error', fail).end();
  });
}
