/// <reference lib="webworker" />
// Parses imported files off the main thread and combines them (with the dataset appended to, if any).
import { parseInput, parseNameVariantsYaml } from '../../import';
import { emptyReport } from '../../import/common';
import { combineResults, type FileResult } from '../../import/combine';
import type { ImportJob, ImportMessage } from './importJob';

const PAPER_SLICE = 4_000;
const post = (m: ImportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<ImportJob>) => {
  const { files, base } = e.data;
  try {
    const results: FileResult[] = files.map((f, i) => {
      post({ type: 'progress', file: i, files: files.length, done: 0, total: 1 });
      if (f.format === 'name-variants') {
        const aliases = parseNameVariantsYaml(f.text);
        const report = emptyReport('acl-xml');
        if (!aliases.length) report.fatal = 'No name variants could be read from this YAML file.';
        return { fileName: f.name, result: { papers: [], report, aliases } };
      }
      const result = parseInput(f.text, f.format, {
        fileName: f.name,
        csvMapping: f.csvMapping,
        onProgress: (done, total) => post({ type: 'progress', file: i, files: files.length, done, total }),
      });
      return { fileName: f.name, result: f.owner && !result.owner ? { ...result, owner: f.owner } : result };
    });
    const combined = combineResults(results, base);
    for (let i = 0; i < combined.papers.length; i += PAPER_SLICE) post({ type: 'papers', papers: combined.papers.slice(i, i + PAPER_SLICE) });
    post({ type: 'done', combined: { ...combined, papers: [] } });
  } catch (err) {
    post({ type: 'error', error: (err as Error).message });
  }
};
