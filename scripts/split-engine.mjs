// Splits an engine with split points into its main module and the chunks fetched on demand,
// then runs wasm-bindgen on the main module: called by scripts/bin/wasm-bindgen, with the real
// wasm-bindgen's path and Trunk's arguments for it.
//
// wasm-split-cli (crate wasm_split_cli_support) cuts the linked wasm at the `#[wasm_split]`
// functions (src/ui/graph_code.rs). The chunks are optimised here, as Trunk optimises the main
// module, and named by their content. The loader the tool writes for them is put inside the glue
// (which wasm-bindgen would otherwise make import it as a module of its own), with each chunk's
// address and integrity: one file, under the glue's own integrity, and a chunk that differs from
// what was built is refused like a failed download. scripts/prerender.sh copies the chunks into
// the bundle.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const [realBindgen, ...args] = process.argv.slice(2);
const input = args.find((a) => a.endsWith('.wasm'));
const option = (name) => {
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return null;
  return args[at].includes('=') ? args[at].slice(name.length + 1) : args[at + 1];
};
const outDir = option('--out-dir');
const outName = option('--out-name') ?? basename(input, '.wasm');
if (!outDir) throw new Error('split-engine: wasm-bindgen was called without --out-dir');

// The wasm features rustc's wasm32 target enables, which the chunks (lacking a features section)
// must be optimised with.
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];

const work = mkdtempSync(join(tmpdir(), 'split-engine-'));
try {
  execFileSync('wasm-split-cli', [input, work], { stdio: ['ignore', 'ignore', 'inherit'] });
  const bindgenArgs = args.map((a) => (a === input ? join(work, 'main.wasm') : a));
  execFileSync(realBindgen, [...bindgenArgs, '--keep-lld-exports'], { stdio: 'inherit' });

  const chunks = new Map();
  for (const file of readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm')) {
    const optimised = join(work, `opt-${file}`);
    execFileSync('wasm-opt', ['-Oz', ...FEATURES.map((f) => `--enable-${f}`), join(work, file), '-o', optimised], { stdio: 'inherit' });
    const bytes = readFileSync(optimised);
    const name = `${outName}-${basename(file, '.wasm').replace(/^split_/, '')}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
    writeFileSync(join(outDir, name), bytes);
    chunks.set(file, { name, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` });
  }

  const gluePath = join(outDir, `${outName}.js`);
  writeFileSync(gluePath, withLoader(readFileSync(gluePath, 'utf8'), readFileSync(join(work, '__wasm_split.js'), 'utf8'), chunks));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The glue with the tool's loader in place of its import of it. */
function withLoader(glue, loader, chunks) {
  const imported = /^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/m.exec(glue);
  if (!imported) throw new Error('split-engine: the glue does not import the split loader');
  const exported = [];
  let body = loader
    .replace(/^import \{ initSync \} from "[^"]+";?\n/m, '')
    .replace(/^export const (\w+) =/gm, (_, name) => {
      exported.push(name);
      return `const ${name} =`;
    })
    .replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
      const chunk = chunks.get(file);
      if (!chunk) throw new Error(`split-engine: the loader names ${file}, which the split did not write`);
      return `fetch(new URL(${JSON.stringify(`./${chunk.name}`)}, import.meta.url), { integrity: ${JSON.stringify(chunk.integrity)} })`;
    });
  if (/\bimport\b|\bexport\b/.test(body.replace(/import\.meta/g, ''))) {
    throw new Error('split-engine: the loader has imports or exports this script does not know');
  }
  if (exported.length === 0) throw new Error('split-engine: the loader exports no load function');
  const inlined = `const ${imported[1]} = (() => {\n${body}\nreturn { ${exported.join(', ')} };\n})();\n`;
  return glue.slice(0, imported.index) + inlined + glue.slice(imported.index + imported[0].length);
}
