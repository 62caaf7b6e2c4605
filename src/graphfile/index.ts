import { readGexf } from './gexf';
import { readGraphml } from './graphml';
import { readVosviewer } from './vosviewer';
import type { ReadResult } from './common';

export type { GraphFileFormat, ReadResult, RawEdge, RawNode } from './common';
export { readGexf, parseGexfList } from './gexf';
export { readGraphml } from './graphml';
export { readVosviewer } from './vosviewer';

/** Guesses the format from the content (and the file name as a tie-breaker) and reads it. */
export function readGraphFile(text: string, fileName = ''): ReadResult {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || undefined;
  if (head.startsWith('{')) {
    if (head.includes('"coauthor-atlas-snapshot"')) return { ok: false, error: 'this is a Coauthor Atlas snapshot, not a graph file: open it as a snapshot' };
    return readVosviewer(text, base);
  }
  if (head.startsWith('<')) {
    if (/<gexf[\s>]/i.test(head) || /\.gexf$/i.test(fileName)) return readGexf(text, base);
    if (/<graphml[\s>]/i.test(head) || /\.graphml$/i.test(fileName)) return readGraphml(text, base);
    return { ok: false, error: 'XML file that is neither GEXF nor GraphML' };
  }
  return { ok: false, error: 'unrecognised file: expected GEXF, GraphML or VOSviewer JSON' };
}
