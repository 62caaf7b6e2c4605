#!/usr/bin/env node
// Browser tests: builds the app, serves the production build on loopback, and runs
// tests/e2e/*.test.mjs with node's test runner against Debian Chromium, two files at a time.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromiumPath } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

if (!chromiumPath()) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian chromium with apt-get (about 20 s)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('Chromium is missing. Install it with `sudo apt-get install -y chromium` (Debian) or set CHROMIUM_PATH, then run `npm test` again.');
    process.exit(1);
  }
}

// A build folder of its own, so that several runs (or a running `npm start`) never clash. ATLAS_E2E_BUILD=<folder>
// reuses a build there (building it when the folder has none) and keeps it: for timing or rerunning single suites
// while the app's source does not change. Unset (as in `npm test`), every run builds afresh.
const reuse = process.env.ATLAS_E2E_BUILD ? resolve(process.env.ATLAS_E2E_BUILD) : null;
const outDir = reuse ?? mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
if (reuse && existsSync(join(reuse, 'index.html'))) console.log(`Reusing the build in ${reuse} (ATLAS_E2E_BUILD)`);
else await build({ root, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
const server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
const address = server.httpServer.address();
const baseUrl = `http://127.0.0.1:${address.port}/`;
console.log(`Serving the production build at ${baseUrl}`);

// Longest first, so that the two workers finish together (a long suite started last keeps one core busy alone):
// seconds each suite took alone (ATLAS_E2E_CONCURRENCY=1) with the layout switch on, 2 cores under load; a suite
// not listed counts as SUITE_SECONDS_UNKNOWN. Re-measure and update when a suite grows or shrinks a lot.
const SUITE_SECONDS = {
  hostile: 79,
  import: 49,
  export: 49,
  lens: 47,
  explorer: 47,
  acl: 42,
  'acl-maps': 36,
  'small-things': 35,
  'openalex-field': 43,
  mobile: 34,
  'share-link': 31,
  a11y: 30,
  overlay: 29,
  'layout-switch': 28,
  normalisation: 23,
  field: 23,
  'import-exports': 23,
  'follow-data': 23,
  'import-paste': 22,
  'open-link': 18,
  overview: 17,
  openalex: 15,
  labels: 14,
  faults: 13,
  indicators: 13,
  storage: 13,
  'country-map': 12,
  'vos-algorithms': 11,
  'worker-runner': 10,
  density: 8,
  'edges-apart': 11,
  lines: 7,
  'storage-parts': 6,
  'state-url': 6,
  'vosviewer-map': 5,
};
const SUITE_SECONDS_UNKNOWN = 20;
const secondsOf = (f) => SUITE_SECONDS[f.replace(/\.test\.mjs$/, '')] ?? SUITE_SECONDS_UNKNOWN;
const files = readdirSync(join(root, 'tests/e2e'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort((a, b) => secondsOf(b) - secondsOf(a) || a.localeCompare(b))
  .map((f) => join('tests/e2e', f));
const only = process.argv.slice(2);
// Two suites at a time (the machine has 2 cores), each in a `node --test` of its own, taken from the list in its order:
// node's own runner sorts the files it is given by name, which would undo the longest-first order. Each suite's report
// is printed whole when it ends. ATLAS_E2E_CONCURRENCY=1 times each suite alone.
const concurrency = Number(process.env.ATLAS_E2E_CONCURRENCY) || 2;
// The layout test switch (tests/e2e/browser.mjs): redraw a running layout at most once a second. 0 turns it off.
const env = { ...process.env, ATLAS_BASE_URL: baseUrl, ATLAS_E2E_LAYOUT_REDRAW_MS: process.env.ATLAS_E2E_LAYOUT_REDRAW_MS ?? '1000' };

function runSuite(file) {
  return new Promise((resolveSuite) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n━━ ${file}\n${Buffer.concat(output).toString()}`);
      resolveSuite({ file, code: code ?? 1, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const queue = [...(only.length ? only : files)];
const results = [];
const runStarted = Date.now();
await Promise.all(
  Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    while (queue.length) results.push(await runSuite(queue.shift()));
  }),
);
const failed = results.filter((r) => r.code !== 0);
console.log(`\nBrowser suites, wall seconds each (${concurrency} at a time):`);
for (const r of [...results].sort((a, b) => b.seconds - a.seconds))
  console.log(`${r.seconds.toFixed(1).padStart(7)}  ${r.code === 0 ? 'pass' : 'FAIL'}  ${r.file}`);
console.log(
  `${results.length} suites in ${((Date.now() - runStarted) / 1000).toFixed(1)} s; ${failed.length ? `failed: ${failed.map((r) => r.file).join(', ')}` : 'all passed'}`,
);
await new Promise((resolveClose) => server.httpServer.close(resolveClose));
if (!reuse) rmSync(outDir, { recursive: true, force: true });
process.exit(failed.length ? 1 : 0);
