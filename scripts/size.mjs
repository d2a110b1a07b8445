// Prints the release bundle's files with raw, gzip and brotli sizes: `node scripts/size.mjs dist`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Raw, gzip (level 9) and brotli (quality 11) sizes of `body`: what a host that precompresses serves. */
export function sizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Prints one row per file and a total. */
export function printTable(rows) {
  const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  const width = Math.max(...rows.map((r) => r.name.length), 5);
  const line = (r) => `${r.name.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
  console.log(`${'file'.padEnd(width)}  ${'raw B'.padStart(9)}  ${'gzip B'.padStart(9)}  ${'brotli B'.padStart(9)}`);
  rows.forEach((r) => console.log(line(r)));
  console.log(line(total));
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  // The build's compressed copies (scripts/compress.mjs) are what the brotli and gzip columns measure.
  const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && !/\.(br|gz)$/.test(f)).sort();
  printTable(files.map((name) => ({ name, ...sizes(readFileSync(join(dir, name))) })));
}
