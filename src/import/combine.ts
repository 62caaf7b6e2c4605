import type { Alias, Paper } from '../model/types';
import { IdMaker, paperLists } from './common';
import { dedupe, type Deduped } from './dedupe';
import type { DuplicateMerge, ImportReport, ParseResult, RecordPlace } from './types';

export interface FileResult {
  fileName: string;
  result: ParseResult;
}

export interface CombineOptions {
  /** Keep records that look like one paper as separate papers (the user disagrees with the rule); ids are still unique. */
  keepApart?: boolean;
}

export interface CombinedImport {
  papers: Paper[];
  aliases: Alias[];
  owner?: string;
  /**
   * Each file's own report (fatal ones included), after merging: `imported` counts the file's papers in the result,
   * `duplicatesMerged` its records merged into another paper (of the same file, another one, or the dataset appended to).
   */
  files: { fileName: string; report: ImportReport }[];
  /** Every record merged into another paper, in input order: the files' `duplicatesMerged` together. */
  merged: DuplicateMerge[];
  /** Papers this import added (after merging duplicates). */
  added: number;
  /** True when the user asked to keep duplicates apart (nothing was merged). */
  keptApart: boolean;
}

/** An import that brought nothing to open: no papers at all, or no new paper and no new alias over the base's. */
export function importedNothing(combined: CombinedImport, baseAliases = 0): boolean {
  return combined.papers.length === 0 || (combined.added === 0 && combined.aliases.length - baseAliases === 0);
}

type Base = { papers: Paper[]; aliases: Alias[]; owner?: string };

/**
 * Puts the results of several files (and, when appending, the papers already there) into one paper list: ids made
 * unique, duplicates merged (`dedupe`'s rule, the only place where papers are merged), aliases concatenated.
 * The base papers come first, never merge with each other and are never dropped; they are copied, not changed.
 */
export function combineResults(files: FileResult[], base?: Base, options: CombineOptions = {}): CombinedImport {
  const ids = new IdMaker();
  const input: Paper[] = [];
  // For each input paper: its file (-1: the base) and its place in that file.
  const fileOf: number[] = [];
  const places: RecordPlace[] = [];
  for (const p of base?.papers ?? []) {
    input.push(p);
    fileOf.push(-1);
    places.push({ index: input.length - 1 });
    ids.make(p.id, p.id);
  }
  const baseCount = input.length;
  files.forEach((f, fi) => {
    f.result.papers.forEach((p, i) => {
      const id = ids.make(p.id, `paper-${input.length + 1}`);
      input.push(id === p.id ? p : { ...p, id });
      fileOf.push(fi);
      places.push(f.result.records?.[i] ?? { index: i });
    });
  });
  const d: Deduped = options.keepApart ? { papers: input, from: input.map((_, i) => i), merges: [], steps: 0 } : dedupe(input, baseCount);
  const fileName = (i: number) => (fileOf[i] < 0 ? undefined : files[fileOf[i]].fileName);
  const merged: DuplicateMerge[] = d.merges.map((m) => {
    const kept = d.papers[m.kept];
    const place = places[m.dropped];
    return {
      keptId: kept.id,
      keptTitle: kept.title,
      ...(fileOf[d.from[m.kept]] < 0 ? {} : { keptFile: fileName(d.from[m.kept]) }),
      droppedFile: fileName(m.dropped) ?? '',
      droppedIndex: place.index,
      ...(place.line === undefined ? {} : { droppedLine: place.line }),
      droppedTitle: input[m.dropped].title,
      by: m.by,
      authorsAdded: m.authorsAdded,
    };
  });
  return {
    papers: d.papers,
    aliases: combineAliases(files, base),
    ...owner(files, base),
    files: fileReports(
      files,
      d,
      fileOf,
      merged,
      d.merges.map((m) => fileOf[m.dropped]),
    ),
    merged,
    keptApart: Boolean(options.keepApart),
    added: d.papers.length - d.from.filter((i) => i < baseCount).length,
  };
}

/** Each file's report with its papers as they are in the result, and its records merged away. */
function fileReports(files: FileResult[], d: Deduped, fileOf: number[], merged: DuplicateMerge[], droppedFileOf: number[]) {
  const papersOf: Paper[][] = files.map(() => []);
  d.papers.forEach((p, k) => {
    const fi = fileOf[d.from[k]];
    if (fi >= 0) papersOf[fi].push(p);
  });
  const mergedOf: DuplicateMerge[][] = files.map(() => []);
  merged.forEach((m, j) => mergedOf[droppedFileOf[j]].push(m));
  return files.map((f, fi) => ({
    fileName: f.fileName,
    report: { ...f.result.report, imported: papersOf[fi].length, duplicatesMerged: mergedOf[fi], ...paperLists(papersOf[fi]) },
  }));
}

function combineAliases(files: FileResult[], base?: Base): Alias[] {
  const aliases = [...(base?.aliases ?? [])];
  const seen = new Set(aliases.map((a) => `${a.from}\u0000${a.to}`));
  for (const f of files) {
    for (const a of f.result.aliases ?? []) {
      const k = `${a.from}\u0000${a.to}`;
      if (seen.has(k)) continue;
      aliases.push(a);
      seen.add(k);
    }
  }
  return aliases;
}

function owner(files: FileResult[], base?: Base): { owner?: string } {
  const o = base?.owner ?? files.find((f) => f.result.owner)?.result.owner;
  return o ? { owner: o } : {};
}
