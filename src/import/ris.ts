import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi,
  capReport,
  cleanArxiv,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  finish,
  IdMaker,
  isEtAl,
  isoDate,
  parseYear,
  progress,
  stripBom,
  urlDropped,
  webUrl,
  yearWarner,
  type Parsed,
} from './common';
import { citedByNote, scopusIds, spreadAffiliations } from './scopus/fields';
import type { ParseOptions, ParseResult } from './types';

const TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
  raw: string[];
}

/** "Last, First" as written in RIS becomes "First Last"; "et al." marks a cut list. */
function risName(value: string): string {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length >= 2) return collapseSpace(`${parts.slice(1).join(' ')} ${parts[0]}`);
  return collapseSpace(value);
}

/** Several "Last, First" names an export ran together with NO-BREAK SPACEs on one AU line: "Smith, J.\u00a0Doe, K.". */
function runTogether(value: string): boolean {
  return value.split(/\u00a0+/).filter((part) => part.includes(',')).length >= 2;
}

function splitRecords(text: string): { records: RisRecord[]; stray: { line: number; text: string }[] } {
  // A BOM may start any line (two files joined): it would hide the line's tag.
  const lines = text.split(/\r\n|\r|\n/).map((l) => (l.charCodeAt(0) === 0xfeff ? l.slice(1) : l));
  const records: RisRecord[] = [];
  const stray: { line: number; text: string }[] = [];
  let cur: RisRecord | null = null;
  let lastTag = '';
  lines.forEach((l, i) => {
    const m = l.match(TAG);
    if (m) {
      const [, tag, value = ''] = m;
      if (tag === 'TY') {
        if (cur) records.push(cur); // previous record lacked ER
        cur = { line: i + 1, tags: new Map(), raw: [] };
      }
      if (!cur) {
        stray.push({ line: i + 1, text: l });
        return;
      }
      cur.raw.push(l);
      if (tag === 'ER') {
        records.push(cur);
        cur = null;
        return;
      }
      const values = cur.tags.get(tag);
      if (values) values.push(value.trim());
      else cur.tags.set(tag, [value.trim()]);
      lastTag = tag;
    } else if (cur && l.trim()) {
      // Continuation line: append to the last value.
      const vals = cur.tags.get(lastTag);
      if (vals?.length) vals[vals.length - 1] = `${vals[vals.length - 1]} ${l.trim()}`;
      cur.raw.push(l);
    } else if (l.trim()) {
      stray.push({ line: i + 1, text: l });
    }
  });
  if (cur) records.push(cur);
  return { records, stray };
}

export function parseRis(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('ris');
  const { records, stray } = splitRecords(text);
  if (!records.length) {
    report.fatal = 'No RIS records (no "TY  - " line) found.';
    return { papers: [], report };
  }
  if (stray.length) report.warnings.push({ index: -1, line: stray[0].line, message: `${stray.length} line(s) outside any record ignored` });
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, records.length);
  records.forEach((rec, index) => {
    tick(index + 1);
    const get = (...tags: string[]) => tags.flatMap((t) => rec.tags.get(t) ?? []).filter(Boolean);
    const title = collapseSpace(get('TI', 'T1', 'CT', 'BT')[0] ?? '');
    if (!title) {
      report.skipped.push({ index, line: rec.line, reason: 'RIS record has no title (TI/T1)', excerpt: excerpt(rec.raw.join(' ')) });
      return;
    }
    if (!rec.raw.some((l) => l.startsWith('ER  -'))) report.warnings.push({ index, line: rec.line, message: 'record has no ER line' });
    const rawAuthors = get('AU', 'A1');
    const truncated = rawAuthors.some(isEtAl);
    for (const a of rawAuthors.filter(runTogether)) {
      const message = `author "${excerpt(a)}" looks like several people run together (joined by no-break spaces); kept as one name`;
      report.warnings.push({ index, line: rec.line, message });
    }
    const affs = get('AD');
    const authors: AuthorRef[] = rawAuthors.filter((a) => !isEtAl(a)).map((a) => ({ name: risName(a) }));
    // AD lines: one per author when counts match, else shared by all (unless there are many: authors × lines).
    if (!spreadAffiliations(authors, affs)) {
      report.warnings.push({ index, line: rec.line, message: `${affs.length} AD lines for ${authors.length} authors: not assigned` });
    }
    const record = `RIS record ${index + 1}`;
    const dateRaw = get('DA', 'PY', 'Y1')[0];
    const year = parseYear(get('PY', 'Y1', 'DA')[0], yearWarner(report, index, rec.line, record));
    const dm = dateRaw?.match(/^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?)?)?/) ?? dateRaw?.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?/);
    const date = dm ? isoDate(Number(dm[1]), dm[2] ? Number(dm[2]) : undefined, dm[3] ? Number(dm[3]) : undefined) : isoDate(year);
    const doi = cleanDoi(get('DO')[0]);
    const url = webUrl(get('UR', 'L2')[0], (u) => report.warnings.push({ index, line: rec.line, message: urlDropped(record, u) }));
    const paper: Paper = compact({
      id: ids.make(get('ID')[0] ?? doi, `ris-${index + 1}`),
      title,
      authors,
      truncated,
      date,
      year,
      venue: get('JO', 'T2', 'JF', 'JA', 'J2')[0],
      doi,
      arxiv: arxivFromDoi(doi) ?? (url && /arxiv\.org/.test(url) ? cleanArxiv(url) : undefined),
      url,
      abstract: get('AB', 'N2')[0],
      // Scopus: M3 document type, "Cited By: 12" in an N1 note, the EID in the record link.
      documentType: get('M3').find((v) => !cleanDoi(v)),
      citations: citedByNote(get('N1')),
      ids: scopusIds(get('UR', 'L2')),
      sources: [options?.fileName ? `${options.fileName} (RIS record ${index + 1})` : `RIS record ${index + 1}`],
    });
    items.push({ paper, index, line: rec.line });
  });
  report.read = records.length;
  return finish(items, capReport(report), options);
}
