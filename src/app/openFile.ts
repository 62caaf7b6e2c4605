import type { ViewState } from '../export/view';
import { decodeText } from '../import/decode';
import type { ParseResult } from '../import/types';
import type { Dataset, Paper } from '../model/types';
import { workspaceFromSnapshotText } from '../view/export/openSnapshot';
import type { Workspace } from './workspace';
import { runWorker } from '../workers/runner';
import type { WorkerContract } from '../workers/protocol';
import type { PipelineMessage, PreparedGraph } from './pipeline';
import { PreparedAssembler } from './preparedAssembler';

/** The text, or its bytes (transferred, and decoded in the worker by `decodeText`: a 70 MB decode would block the page). */
export type OpenRequest = { text?: string; bytes?: ArrayBuffer; fileName: string; kind: 'graph' | 'papers' };
export type OpenResponse =
  /** A slice of a graph file's graph, clusters and overview (sent before its 'graph' answer). */
  | { kind: 'pipeline'; message: PipelineMessage }
  /** Some of a paper file's papers, in order (sent before its 'papers' answer, whose result then has none). */
  | { kind: 'paper-slice'; papers: Paper[] }
  | { kind: 'graph'; ok: true; format: string; view: ViewState; warnings: string[]; positioned: boolean; styled: { color: boolean; size: boolean } }
  | { kind: 'graph'; ok: false; error: string }
  | { kind: 'papers'; result: ParseResult }
  | { kind: 'error'; error: string };

export type OpenOutcome = { ok: true; workspace: Workspace; notes: string[] } | { ok: false; error: string };

/** What a file is, from its content first and its name second. */
export function classifyText(text: string, fileName = ''): 'snapshot' | 'graph' | 'papers' {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (head.startsWith('{') && head.includes('"coauthor-atlas-snapshot"')) return 'snapshot';
  if (head.startsWith('<') && /<(gexf|graphml)[\s>]/i.test(head)) return 'graph';
  if (/\.(gexf|graphml)$/i.test(fileName)) return 'graph';
  // VOSviewer maps are JSON objects with a "network" holding "items".
  if (head.startsWith('{') && /"network"\s*:/.test(head) && /"items"\s*:/.test(text.slice(0, 200_000))) return 'graph';
  return 'papers';
}

/** A short stable id for a source (file name or URL). */
export function sourceId(prefix: string, source: string): string {
  let h = 2166136261;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619);
  return `${prefix}-${(h >>> 0).toString(36)}`;
}

/** What the open worker (openWorker.ts) sends before its answer: a graph file's graph in slices, or a paper file's papers. */
export type OpenSlice = Extract<OpenResponse, { kind: 'pipeline' | 'paper-slice' }>;
export type OpenContract = WorkerContract<OpenRequest, Exclude<OpenResponse, OpenSlice>, OpenSlice>;

type ParsedInWorker = Exclude<OpenResponse, OpenSlice> & { prepared?: PreparedGraph };

/** Runs one parse in a fresh worker; aborting terminates it. A graph file's graph arrives in slices first. */
async function parseInWorker(request: OpenRequest, signal?: AbortSignal): Promise<ParsedInWorker> {
  const graph = new PreparedAssembler();
  let prepared: PreparedGraph | undefined;
  const papers: Paper[] = [];
  const { outcome } = runWorker<OpenContract>(() => new Worker(new URL('./openWorker.ts', import.meta.url), { type: 'module' }), request, {
    failedMessage: 'the file could not be read',
    transfer: request.bytes ? [request.bytes] : [],
    signal,
    onSlice: (data) => {
      if (data.kind === 'paper-slice') {
        for (const paper of data.papers) papers.push(paper);
        return;
      }
      graph.add(data.message);
      if (graph.finished()) prepared = graph.result().prepared;
    },
  });
  const o = await outcome;
  if (o.kind === 'cancelled') throw new DOMException('Cancelled', 'AbortError');
  if (o.kind === 'error') throw new Error(o.message);
  const data = o.result;
  return data.kind === 'papers' ? { ...data, result: { ...data.result, papers }, prepared } : { ...data, prepared };
}

const FORMAT_NAMES: Record<string, string> = { gexf: 'GEXF', graphml: 'GraphML', vosviewer: 'VOSviewer' };

/** Turns a graph file's parse into a workspace: its graph, its positions (if it had them), its colours and sizes. */
export function graphWorkspace(
  r: Extract<OpenResponse, { kind: 'graph'; ok: true }>,
  prepared: PreparedGraph,
  fileName: string,
  sourceUrl?: string,
): Workspace {
  const graph = prepared.source;
  const id = sourceId('graph', sourceUrl ?? fileName);
  graph.setAttribute('datasetId', id);
  const map = graph.getAttribute('fileMap');
  const counts = `${FORMAT_NAMES[r.format] ?? r.format} graph file: ${graph.order.toLocaleString('en-US')} nodes, ${graph.size.toLocaleString('en-US')} edges.`;
  const dataset: Dataset = {
    id,
    title: map?.title ?? fileName,
    description: `${map?.description ? `${map.description} · ` : ''}${counts} It carries no papers: panels show each node's attributes.`,
    papers: [],
    aliases: [],
    sourceNotes: [sourceUrl ? `Opened from ${sourceUrl}` : `Opened from the file ${fileName}`, ...r.warnings],
  };
  const positions: Record<string, [number, number]> | undefined = r.positioned ? {} : undefined;
  if (positions) graph.forEachNode((n, a) => (positions[n] = [a.x, a.y]));
  const nodeStyles: Workspace['nodeStyles'] = {};
  // Only what the file gave: the view's defaults (one grey, one size) would hide the communities and the sizes.
  const { color, size } = r.styled;
  if (color || size) {
    for (const [node, v] of Object.entries(r.view.nodes)) {
      if (graph.hasNode(node)) nodeStyles[node] = { ...(color ? { color: v.color } : {}), ...(size ? { size: v.size } : {}) };
    }
  }
  return { id, dataset, origin: sourceUrl ? 'link' : 'graph-file', graph, prepared, positions, nodeStyles, sourceUrl };
}

/** Any supported text (snapshot, graph file, paper formats) → a workspace, parsed off the main thread. */
export async function workspaceFromText(
  content: string | Uint8Array,
  fileName: string,
  opts: { signal?: AbortSignal; sourceUrl?: string } = {},
): Promise<OpenOutcome> {
  // Bytes are classified from their head; only a snapshot (small, read on the page) is decoded here.
  // UTF-8 or UTF-16 (by BOM, or by NUL bytes without one): Web of Science's Windows exports are UTF-16 LE.
  const head = typeof content === 'string' ? content : decodeText(content.subarray(0, 256 * 1024)).text;
  const kind = classifyText(head, fileName);
  if (kind === 'snapshot') {
    const text = typeof content === 'string' ? content : decodeText(content).text;
    const r = workspaceFromSnapshotText(text);
    return r.ok
      ? { ok: true, workspace: { ...r.workspace, sourceUrl: opts.sourceUrl }, notes: [] }
      : { ok: false, error: `not a valid snapshot: ${r.errors.slice(0, 3).join('; ')}` };
  }
  const request: OpenRequest =
    typeof content === 'string'
      ? { text: content, fileName, kind }
      : {
          bytes:
            content.byteOffset === 0 && content.byteLength === content.buffer.byteLength
              ? (content.buffer as ArrayBuffer)
              : (content.slice().buffer as ArrayBuffer),
          fileName,
          kind,
        };
  const response = await parseInWorker(request, opts.signal);
  if (response.kind === 'error') return { ok: false, error: response.error };
  if (response.kind === 'graph') {
    if (!response.ok) return { ok: false, error: response.error };
    if (!response.prepared) return { ok: false, error: 'the graph did not arrive whole from the reader' };
    return { ok: true, workspace: graphWorkspace(response, response.prepared, fileName, opts.sourceUrl), notes: response.warnings };
  }
  const { result } = response;
  if (result.report.fatal) return { ok: false, error: result.report.fatal };
  if (!result.papers.length) return { ok: false, error: 'no papers could be read from it' };
  const id = sourceId('link', opts.sourceUrl ?? fileName);
  const dataset: Dataset = {
    id,
    title: fileName,
    papers: result.papers,
    aliases: result.aliases ?? [],
    ...(result.owner ? { owner: result.owner } : {}),
    sourceNotes: [opts.sourceUrl ? `Opened from ${opts.sourceUrl}` : `Opened from the file ${fileName}`],
  };
  const r = result.report;
  const merged = r.duplicatesMerged.length ? `, ${r.duplicatesMerged.length} duplicates merged` : '';
  const notes = [`${r.imported} of ${r.read} papers imported (${r.format})${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}${merged}.`];
  return { ok: true, workspace: { id, dataset, origin: opts.sourceUrl ? 'link' : 'import', sourceUrl: opts.sourceUrl }, notes };
}

export const MAX_DOWNLOAD_BYTES = 300 * 1024 * 1024;

/**
 * Downloads a file's bytes with progress; explains CORS and HTTP failures in words. The bytes are not
 * decoded here: workspaceFromText hands them to its worker.
 */
export async function fetchFile(
  url: string,
  opts: { signal?: AbortSignal; onProgress?: (loaded: number, total: number | null) => void } = {},
): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
  } catch {
    throw new Error(`“${url}” is not a valid address`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`only http(s) links can be opened, not “${parsed.protocol}”`);
  let response: Response;
  try {
    response = await fetch(parsed, { signal: opts.signal, credentials: 'omit', redirect: 'follow' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new Error(`the download failed: the host could not be reached, or it does not allow other sites to read its files (CORS)`);
  }
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
  const total = Number(response.headers.get('content-length')) || null;
  if (total && total > MAX_DOWNLOAD_BYTES) throw new Error(`the file is ${Math.round(total / 1e6)} MB, over the ${MAX_DOWNLOAD_BYTES / 1e6} MB limit`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let since = performance.now();
  for (;;) {
    // A local or cached file arrives faster than the page draws: reads resolve as microtasks, one
    // after the other, and would hold the page for the whole download without a pause now and then.
    if (performance.now() - since > 40) {
      await new Promise((r) => setTimeout(r, 0));
      since = performance.now();
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded > MAX_DOWNLOAD_BYTES) {
      await reader.cancel();
      throw new Error(`the file is over the ${MAX_DOWNLOAD_BYTES / 1e6} MB limit`);
    }
    opts.onProgress?.(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

export function fileNameOf(url: string): string {
  try {
    const u = new URL(url, window.location.href);
    return decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? u.host) || u.host;
  } catch {
    return url;
  }
}
