// One structured big case: read its text the way its format is read, check the result, run the page after it.
import { readGraphFile } from '../../src/graphfile';
import { parseSnapshot } from '../../src/export/snapshot';
import type { BigFormat } from './big';
import { pageAfterGraph, pageAfterPapers, pageAfterSnapshot, type PageStats } from './page';
import { checkGraphResult, checkParseResult, checkSnapshotResult } from './targets';

export function bigCase(format: BigFormat, text: string): PageStats & { records: number } {
  const read = format.read;
  if ('papers' in read) {
    const r = read.papers(text);
    checkParseResult(r);
    return { records: r.papers.length, ...pageAfterPapers(r.papers, undefined, true) };
  }
  if ('graph' in read) {
    const r = readGraphFile(text, read.graph);
    checkGraphResult(r);
    return { records: r.ok ? r.graph.order : 0, ...pageAfterGraph(r) };
  }
  const r = parseSnapshot(text);
  checkSnapshotResult(r);
  return { records: r.ok ? r.snapshot.dataset.papers.length : 0, ...pageAfterSnapshot(r, true) };
}
