// Writes DIR's text and wasm files compressed beside them, for hosts that serve files as they
// are (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, an object store with
// Content-Encoding metadata): `x.wasm.br` (brotli, quality 11) and `x.wasm.gz` (gzip, level 9).
//   node scripts/compress.mjs DIR
// Run by every build (Trunk's post-build hook, scripts/build-editor.sh). A file already compressed
// and unchanged since is left alone; a compressed copy whose original is gone is removed.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What is worth compressing: text and WebAssembly (PNGs are compressed already). */
export const COMPRESSED = ['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.xml'];
/** Below this, a compressed copy saves less than its own headers. */
const SMALLEST = 256;

export function compress(dir) {
  let written = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      written += compress(path);
      continue;
    }
    const ext = extname(name);
    if (ext === '.br' || ext === '.gz') {
      const original = path.slice(0, -ext.length);
      if (!safeStat(original)) rmSync(path);
      continue;
    }
    if (!COMPRESSED.includes(ext) || info.size < SMALLEST) continue;
    const body = readFileSync(path);
    const mode = ext === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
    for (const [suffix, make] of [
      ['.br', () => brotliCompressSync(body, { params: {
        [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: mode, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
      ['.gz', () => gzipSync(body, { level: 9 })],
    ]) {
      const copy = safeStat(path + suffix);
      if (copy && copy.mtimeMs >= info.mtimeMs) continue;
      writeFileSync(path + suffix, make());
      written += 1;
    }
  }
  return written;
}

function safeStat(path) {
  try { return statSync(path); } catch { return null; }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/compress.mjs DIR');
    process.exit(1);
  }
  console.log(`compress: ${compress(dir)} compressed files written in ${dir}`);
}
