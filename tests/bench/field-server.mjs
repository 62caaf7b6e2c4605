/**
 * The field benchmark's OpenAlex stand-in on loopback: serves what make-million-field.ts wrote, as the live API
 * answers the Field tab: `/autocomplete/topics` (the one synthetic topic, for any text), the count
 * (`/works?filter=…&per-page=1&select=id`), the cursor pages (`/works?filter=…&per-page=200&cursor=…&select=…`) and the
 * full records of cut works (`/works/W…`). A request for anything else (another filter, another `select=`, an unknown
 * cursor) gets a 599 and is kept in `unexpected`, so the bench can say the tab asked for exactly these. With CORS, as
 * the API answers. No rate limit: the app's fetch is one request at a time and honours Retry-After, nothing more.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const CREDENTIALS = new Set(['mailto', 'api_key']);

/** Starts the server on a free loopback port for the data in `dir`; `requests` counts what was asked, by kind. */
export async function serveField(dir) {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const pageOfCursor = new Map(meta.cursors.map((c, i) => [c, i]));
  const requests = { autocomplete: 0, count: 0, pages: 0, works: 0 };
  const unexpected = [];
  const json = (res, status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const file = (res, path) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': statSync(path).size });
    createReadStream(path).pipe(res);
  };
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Accept');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://field');
    const q = Object.fromEntries([...url.searchParams].filter(([k]) => !CREDENTIALS.has(k)));
    const keys = Object.keys(q).sort().join(',');
    if (req.method === 'GET' && url.pathname === '/autocomplete/topics' && keys === 'q') {
      requests.autocomplete++;
      const t = meta.topic;
      return json(res, 200, {
        meta: { count: 1, db_response_time_ms: 5, page: 1, per_page: 10 },
        results: [{ id: `https://openalex.org/${t.id}`, display_name: t.display_name, hint: 'Synthetic', works_count: meta.works, entity_type: 'topic' }],
      });
    }
    if (req.method === 'GET' && url.pathname === '/works' && q.filter === meta.filter) {
      if (keys === 'filter,per-page,select' && q['per-page'] === '1' && q.select === 'id') {
        requests.count++;
        return json(res, 200, {
          meta: { count: meta.works, db_response_time_ms: 20, page: 1, per_page: 1 },
          results: [{ id: 'https://openalex.org/W3000000000' }],
        });
      }
      const page = pageOfCursor.get(q.cursor);
      if (keys === 'cursor,filter,per-page,select' && q['per-page'] === String(meta.perPage) && q.select === meta.select && page !== undefined) {
        requests.pages++;
        return file(res, join(dir, `page-${page}.json`));
      }
    }
    const work = /^\/works\/(W\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && work && keys === '' && existsSync(join(dir, `work-${work[1]}.json`))) {
      requests.works++;
      return file(res, join(dir, `work-${work[1]}.json`));
    }
    unexpected.push(`${req.method} ${url.pathname}?${keys}`);
    json(res, 599, { error: 'not served by the field bench' });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    meta,
    requests,
    unexpected,
    close: () => {
      server.closeAllConnections?.();
      server.close();
    },
  };
}
