import type { Alias, Paper } from '../model/types';
import { dedupe, IdMaker, type Parsed } from './common';
import type { DuplicateMerge, ImportReport, ParseResult } from './types';

export interface FileResult { fileName: string; result: ParseResult }

/** A duplicate found across files (or against the dataset appended to): the paper kept and the one dropped. */
export interface CrossMerge { keptId: string; droppedTitle: string; fileName: string; by: DuplicateMerge['by'] }

export interface CombinedImport {
  papers: Paper[];
  aliases: Alias[];
  owner?: string;
  /** Each file's own report (fatal ones included). */
  files: { fileName: string; report: ImportReport }[];
  crossMerged: CrossMerge[];
  /** Papers this import added (after merging duplicates). */
  added: number;
}

/** An import that brought nothing to open: no papers at all, or no new paper and no new alias over the base's. */
export function importedNothing(combined: CombinedImport, baseAliases = 0): boolean {
  return combined.papers.length === 0 || (combined.added === 0 && combined.aliases.length - baseAliases === 0);
}

/**
 * Puts the results of several files (and, when appending, the papers already there) into one paper list:
 * ids made unique, duplicates across files merged by DOI, arXiv id or title, aliases concatenated.
 * The base papers come first and are never dropped; they are copied, not changed.
 */
export function combineResults(files: FileResult[], base?: { papers: Paper[]; aliases: Alias[]; owner?: string }): CombinedImport {
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const origin: (string | null)[] = [];
  for (const p of base?.papers ?? []) {
    items.push({ paper: { ...p, authors: [...p.authors] }, index: items.length });
    origin.push(null);
    ids.make(p.id, p.id);
  }
  const baseIds = new Set(items.map((i) => i.paper.id));
  for (const f of files) {
    for (const p of f.result.papers) {
      const id = ids.make(p.id, `paper-${items.length + 1}`);
      items.push({ paper: id === p.id ? p : { ...p, id }, index: items.length });
      origin.push(f.fileName);
    }
  }
  const { papers, merged } = dedupe(items);
  const crossMerged = merged.map((m) => ({ keptId: m.keptId, droppedTitle: items[m.droppedIndex].paper.title, fileName: origin[m.droppedIndex] ?? '', by: m.by }));
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
  const owner = base?.owner ?? files.find((f) => f.result.owner)?.result.owner;
  return {
    papers,
    aliases,
    ...(owner ? { owner } : {}),
    files: files.map((f) => ({ fileName: f.fileName, report: f.result.report })),
    crossMerged,
    added: papers.filter((p) => !baseIds.has(p.id)).length,
  };
}
