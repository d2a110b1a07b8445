// Prints the release bundle's files with raw, gzip and brotli sizes: `node scripts/size.mjs dist`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
const rows = files.map((name) => {
  const body = readFileSync(join(dir, name));
  return {
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const width = Math.max(...rows.map((r) => r.name.length), 5);
const line = (r) => `${r.name.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
console.log(`${'file'.padEnd(width)}  ${'raw B'.padStart(9)}  ${'gzip B'.padStart(9)}  ${'brotli B'.padStart(9)}`);
rows.forEach((r) => console.log(line(r)));
console.log(line(total));
