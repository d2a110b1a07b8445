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
import { shortenImports } from './short-imports.mjs';

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

// A chunk's download is given this long before it counts as failed (the graph then says so and
// offers Try again): fetched with its integrity, its bytes arrive all at once, so there is no
// progress to watch. 32 KB take about a second on a 400 kbit/s line.
const CHUNK_WAIT_MS = 15_000;

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
  shortenImports(join(outDir, `${outName}_bg.wasm`), gluePath, `./${outName}_bg.js`);
  execFileSync(process.execPath, ['--input-type=module', '--check'], { input: readFileSync(gluePath), stdio: ['pipe', 'inherit', 'inherit'] });
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The glue with the tool's loader in place of its import of it. */
function withLoader(glue, loader, chunks) {
  const importLine = /^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm;
  const names = [...glue.matchAll(importLine)].map((m) => m[1]);
  if (names.length === 0) throw new Error('split-engine: the glue does not import the split loader');
  const exported = [];
  let fetches = 0;
  let instantiations = 0;
  const body = loader
    .replace(/^import \{ initSync \} from "[^"]+";?\n/m, '')
    .replace(/^export const (\w+) =/gm, (_, name) => {
      exported.push(name);
      return `const ${name} =`;
    })
    .replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
      const chunk = chunks.get(file);
      if (!chunk) throw new Error(`split-engine: the loader names ${file}, which the split did not write`);
      fetches += 1;
      return `fetch(new URL(${JSON.stringify(`./${chunk.name}`)}, import.meta.url), { integrity: ${JSON.stringify(chunk.integrity)}, signal: timeLimit() })`;
    })
    // A fetch with integrity holds the bytes back until the last anyway, so nothing is lost by
    // compiling them whole; and a host that serves .wasm with another type still works.
    .replace(/WebAssembly\.instantiateStreaming\(/g, () => {
      instantiations += 1;
      return 'instantiateFetched(';
    });
  if (fetches !== chunks.size || instantiations !== chunks.size) {
    throw new Error(`split-engine: the loader fetches ${fetches} and instantiates ${instantiations} of ${chunks.size} chunks; its shape has changed`);
  }
  if (/\bimport\b|\bexport\b/.test(body.replace(/import\.meta/g, ''))) {
    throw new Error('split-engine: the loader has imports or exports this script does not know');
  }
  const helpers = `function timeLimit() {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(${CHUNK_WAIT_MS}) : undefined;
}
async function instantiateFetched(response, imports) {
  const fetched = await response;
  if (!fetched.ok) throw new Error(\`a chunk of the engine could not be fetched: HTTP \${fetched.status}\`);
  return WebAssembly.instantiate(await fetched.arrayBuffer(), imports);
}
`;
  const inlined = `const ${names[0]} = (() => {\n${helpers}${body}\nreturn { ${exported.join(', ')} };\n})();\n`
    + names.slice(1).map((name) => `const ${name} = ${names[0]};\n`).join('');
  let first = true;
  const out = glue.replace(importLine, () => {
    if (!first) return '';
    first = false;
    return inlined;
  });
  if (/from "\.\/__wasm_split\.js"/.test(out)) throw new Error('split-engine: the glue still imports the split loader');
  return out;
}
