/// <reference lib="webworker" />
// Parses opened files off the main thread: graph files (GEXF, GraphML, VOSviewer JSON) and paper formats.
import { readGraphFile } from '../graphfile';
import { detectFormat, parseInput } from '../import';
import { combineResults } from '../import/combine';
import { decodeText } from '../import/decode';
import type { OpenContract } from './openFile';
import { prepareGraph, preparedMessages, transferOf } from './pipeline';
import { paperSlices } from '../model/paperSlices';
import { serveWorker } from '../workers/serve';

serveWorker<OpenContract>((request, { slice: post }) => {
  const { fileName, kind } = request;
  const text = request.text ?? decodeText(new Uint8Array(request.bytes ?? new ArrayBuffer(0))).text;
  let response: OpenContract['result'];
  try {
    if (kind === 'graph') {
      const r = readGraphFile(text, fileName);
      if (r.ok) {
        // The graph, its clusters and overview go to the page in slices (one big message would block it).
        for (const message of preparedMessages(prepareGraph(r.graph))) post({ kind: 'pipeline', message }, transferOf(message));
        response = { kind: 'graph', ok: true, format: r.format, view: r.view, warnings: r.warnings, positioned: r.positioned, styled: r.styled };
      } else response = { kind: 'graph', ok: false, error: r.error };
    } else {
      const format = detectFormat(text, fileName) ?? undefined;
      // Duplicates are merged where every import merges them, in combineResults.
      const c = combineResults([{ fileName, result: parseInput(text, format, { fileName }) }]);
      for (const papers of paperSlices(c.papers)) post({ kind: 'paper-slice', papers });
      response = { kind: 'papers', result: { papers: [], report: c.files[0].report, aliases: c.aliases, ...(c.owner ? { owner: c.owner } : {}) } };
    }
  } catch (err) {
    response = { kind: 'error', error: (err as Error).message };
  }
  return response;
});
