/**
 * The benchmarks' loopback server: the app's production build at /, the bare graphology + sigma page at /bare/ and
 * the generated data at /bench-data/ (an unknown path gets the page's index.html, as a static host would).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.gexf': 'application/xml',
};

/** Starts the server on a free loopback port; resolves to it and its base URL. */
export async function serveBench({ appDir, bareDir, dataDir }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (path.startsWith('/bench-data/')) file = join(dataDir, path.slice('/bench-data/'.length));
    else if (path.startsWith('/bare/')) file = join(bareDir, path.slice('/bare/'.length) || 'index.html');
    else file = join(appDir, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.startsWith('/bare/') ? join(bareDir, 'index.html') : join(appDir, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'access-control-allow-origin': '*',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}
