// A tiny OpenAlex stand-in for browser tests: serves the recorded responses listed in manifest.json by path and
// query (order-free; mailto and api_key are recorded, not matched), with CORS. Any other request gets a 599 and is
// kept in `unexpected`, so a test can assert the app asked for nothing else. Loopback only; never the internet.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CREDENTIALS = new Set(['mailto', 'api_key']);

export const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
/** The field query's recordings (make-field-responses.mjs); `before` lists answers given first, once per server. */
export const fieldManifest = JSON.parse(readFileSync(join(here, 'field-manifest.json'), 'utf8'));
export const response = (file) => JSON.parse(readFileSync(join(here, 'responses', file), 'utf8'));

const keyOf = (path, params) =>
  `${path}?${[...params]
    .filter(([k]) => !CREDENTIALS.has(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;

/** Starts the server on 127.0.0.1 (port 0: any free one). `delayMs` slows every answer (to test progress and cancel). */
export async function startReplayServer({ port = 0, delayMs = 0 } = {}) {
  const routes = new Map([...manifest, ...fieldManifest].map((m) => [keyOf(m.path, Object.entries(m.query)), m]));
  const firsts = new Map([...routes].map(([k, m]) => [k, [...(m.before ?? [])]]));
  const requests = [];
  const unexpected = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Accept');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://replay');
    const key = keyOf(url.pathname, url.searchParams);
    const entry = req.method === 'GET' ? routes.get(key) : undefined;
    requests.push({ key, mailto: url.searchParams.get('mailto'), apiKey: url.searchParams.get('api_key') });
    const answer = () => {
      if (!entry) {
        unexpected.push(`${req.method} ${key}`);
        res.writeHead(599, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `not recorded: ${key}` }));
        return;
      }
      const first = firsts.get(key)?.shift();
      // A dropped connection: the socket closes with no answer (the browser's fetch fails).
      if (first?.drop) return void req.socket.destroy();
      if (first) return void res.writeHead(first.status, { 'Content-Type': 'application/json', ...first.headers }).end('{"error":"replayed"}');
      res.writeHead(entry.status ?? 200, { 'Content-Type': 'application/json' }).end(readFileSync(join(here, 'responses', entry.file)));
    };
    if (delayMs) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    unexpected,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startReplayServer({ port: Number(process.env.PORT ?? 8787) });
  console.log(`OpenAlex replay at ${s.url} (set localStorage['coauthor-atlas:openalex-base'] to it)`);
}
