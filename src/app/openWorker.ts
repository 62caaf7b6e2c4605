/// <reference lib="webworker" />
// Parses opened files off the main thread: graph files (GEXF, GraphML, VOSviewer JSON) and paper formats.
import { readGraphFile } from '../graphfile';
import { detectFormat, parseInput } from '../import';
import type { OpenRequest, OpenResponse } from './openFile';

self.onmessage = (e: MessageEvent<OpenRequest>) => {
  const { text, fileName, kind } = e.data;
  let response: OpenResponse;
  try {
    if (kind === 'graph') {
      const r = readGraphFile(text, fileName);
      response = r.ok
        ? { kind: 'graph', ok: true, format: r.format, graph: r.graph.export(), view: r.view, warnings: r.warnings, positioned: r.positioned }
        : { kind: 'graph', ok: false, error: r.error };
    } else {
      const format = detectFormat(text, fileName) ?? undefined;
      const r = parseInput(text, format, { fileName });
      response = { kind: 'papers', result: r };
    }
  } catch (err) {
    response = { kind: 'error', error: (err as Error).message };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
