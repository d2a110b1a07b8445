// Gives the engine's imports short names, in its wasm and its glue alike: called by
// scripts/split-engine.mjs once wasm-bindgen has written both.
//
// wasm-bindgen names each of the ~200 functions the engine imports from its glue after the Rust
// item and a 16-digit hash (`__wbg_appendChild_dbf7ad2f48413560`), and writes each name twice,
// in the wasm's import section and as a key of the glue's import object; the hashes do not
// compress. Renamed `a`, `b`, … in both, the engine is about 5 KB lighter (brotli). Nothing else
// reads these names: the chunks import only from the main module (`__wasm_split`).
import { readFileSync, writeFileSync } from 'node:fs';

/** Renames the imports of `wasmPath` from `moduleName` and the glue's keys for them. */
export function shortenImports(wasmPath, gluePath, moduleName) {
  const wasm = readFileSync(wasmPath);
  const glue = readFileSync(gluePath, 'utf8');
  const renamed = new Map();
  const rename = (field) => {
    if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
    return renamed.get(field);
  };
  const newWasm = mapImportSection(wasm, (module, field) => (module === moduleName ? ['w', rename(field)] : [module, field]));
  sameImports(wasm, newWasm, renamed, moduleName);
  writeFileSync(wasmPath, newWasm);
  writeFileSync(gluePath, withoutCastNotes(renameKeys(glue, renamed, moduleName)));
}

/** `a` … `z`, `A` … `Z`, then `ab` …; some are keywords (`if`, `in`), which object keys may be. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = letters[index % letters.length];
  for (let n = Math.floor(index / letters.length); n > 0; n = Math.floor(n / letters.length)) {
    name += letters[n % letters.length];
  }
  return name;
}

/** The glue with each import object key renamed, and its import object's module renamed `w`. */
function renameKeys(glue, renamed, moduleName) {
  let out = glue;
  for (const [from, to] of renamed) {
    let count = 0;
    out = out.replace(new RegExp(`^(\\s+)${from.replace(/[$]/g, '\\$&')}:`, 'gm'), (_, space) => {
      count += 1;
      return `${space}${to}:`;
    });
    if (count !== 1) throw new Error(`short-imports: the glue defines the import ${from} ${count} times`);
    if (out.includes(from)) throw new Error(`short-imports: the glue names the import ${from} elsewhere too`);
  }
  const moduleKey = `${JSON.stringify(moduleName)}: import0,`;
  if (out.split(moduleKey).length !== 2) throw new Error(`short-imports: the glue does not hand over ${moduleName} once`);
  out = out.replace(moduleKey, 'w: import0,');
  if (out.includes(moduleName)) throw new Error(`short-imports: the glue names ${moduleName} elsewhere too`);
  return out;
}

/** Drops wasm-bindgen's notes on its cast intrinsics, the glue's longest comments: lines of the
 * one form it writes them in, which no text of the glue takes. */
function withoutCastNotes(js) {
  return js.replace(/^[ \t]*\/\/ Cast intrinsic for `[^`\n]*`\.\n/gm, '');
}

/** Checks, by compiling both, that the new module imports what the old one did, in its order and
 * of its kinds, under the new names. */
function sameImports(before, after, renamed, moduleName) {
  const expected = WebAssembly.Module.imports(new WebAssembly.Module(before)).map(({ module, name, kind }) => (
    module === moduleName ? { module: 'w', name: renamed.get(name), kind } : { module, name, kind }));
  const actual = WebAssembly.Module.imports(new WebAssembly.Module(after));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error('short-imports: the renamed engine does not import what the engine did');
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length || shift > 28) throw new Error('short-imports: a number runs past its section or its 32 bits');
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const name = (text) => [...leb(Buffer.byteLength(text)), ...Buffer.from(text)];

/** The module with its import section rewritten by `map(module, field) -> [module, field]`. */
function mapImportSection(wasm, map) {
  if (wasm.readUInt32BE(0) !== 0x0061736d || wasm.readUInt32LE(4) !== 1) throw new Error('short-imports: not a wasm module of version 1');
  const parts = [wasm.subarray(0, 8)];
  let seen = false;
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    seen = true;
    const body = wasm.subarray(start, end);
    let [count, p] = readLeb(body, 0);
    const out = [...leb(count)];
    while (count-- > 0) {
      const fields = [];
      for (let i = 0; i < 2; i++) {
        const [length, from] = readLeb(body, p);
        fields.push(body.subarray(from, from + length).toString('utf8'));
        p = from + length;
      }
      const descStart = p;
      p = skipImportDesc(body, p);
      const [module, field] = map(...fields);
      out.push(...name(module), ...name(field), ...body.subarray(descStart, p));
    }
    if (p !== body.length) throw new Error('short-imports: the import section has bytes after its last import');
    parts.push(Buffer.from([2, ...leb(out.length)]), Buffer.from(out));
    at = end;
  }
  if (!seen) throw new Error('short-imports: the engine has no import section');
  return Buffer.concat(parts);
}

/** The offset after an import's description (function, table, memory, global or tag). */
function skipImportDesc(body, p) {
  const kind = body[p++];
  const limits = (q) => {
    const [flags, afterFlags] = readLeb(body, q);
    let [, next] = readLeb(body, afterFlags);
    if (flags & 1) [, next] = readLeb(body, next);
    return next;
  };
  switch (kind) {
    case 0: return readLeb(body, p)[1];
    case 1: return limits(p + 1);
    case 2: return limits(p);
    case 3: return p + 2;
    case 4: return readLeb(body, p + 1)[1];
    default: throw new Error(`short-imports: an import of unknown kind ${kind}`);
  }
}
