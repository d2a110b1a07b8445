// A static file server for the built bundle, on 127.0.0.1 and a free port, optionally under a
// sub-path (news sites host embeds under their own paths), serving the build's compressed copies
// by Accept-Encoding as a static host would. Used by the e2e tests and serve.sh.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under `base` (e.g. "/" or "/graphics/sessions/"); resolves to { url, close }.
 * `trickle: { files, parts, every, pause }` sends the files whose path matches `files` in `parts`
 * pieces, `every` ms apart (a slow connection that keeps delivering), and, with `pause`, waits that
 * many ms after the first piece (a connection that stalls mid-way, then recovers).
 */
export async function serve(root, { base = '/', port = 0, host = '127.0.0.1', trickle } = {}) {
  const dir = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) return send(res, 404, 'not found');
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return send(res, 403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, encoding } = await negotiated(file, req.headers['accept-encoding']);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'Accept-Encoding',
        ...(encoding && { 'content-encoding': encoding }),
      });
      if (!trickle?.files.test(path)) return res.end(body);
      const size = Math.ceil(body.length / trickle.parts);
      for (let at = 0; at < body.length; at += size) {
        res.write(body.subarray(at, at + size));
        await new Promise((later) => setTimeout(later, at === 0 && trickle.pause ? trickle.pause : trickle.every));
      }
      res.end();
    } catch {
      send(res, 404, 'not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const url = `http://${host}:${server.address().port}${base}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * The file as the client accepts it: the build's brotli or gzip copy beside it (scripts/compress.mjs)
 * when the client takes that encoding and the copy is not older than the file, else the file.
 */
export async function negotiated(file, accepted = '') {
  const takes = (coding) => accepted.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    return name.trim() === coding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
  const original = await stat(file);
  for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!takes(coding)) continue;
    const copy = await stat(file + suffix).catch(() => null);
    if (copy && copy.mtimeMs >= original.mtimeMs) return { body: await readFile(file + suffix), encoding: coding };
  }
  return { body: await readFile(file), encoding: null };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

// `node e2e/server.mjs dist [port]` serves until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`Story Explorer is being served at ${url}  (Ctrl-C stops it)`);
}
